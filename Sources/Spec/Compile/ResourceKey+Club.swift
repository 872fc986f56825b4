/// The key scheme: every key is built from club-data ids, never from names.
extension ResourceKey {
    /// `series/<id>`: the series' category.
    public static func series(_ id: String) -> ResourceKey { ResourceKey("series/\(id)") }
    /// `series/<id>/overflow/<n>`: the n-th category of a series past 50 channels (n ≥ 2).
    public static func seriesOverflow(_ id: String, _ number: Int) -> ResourceKey {
        ResourceKey.series(id).appending("overflow", String(number))
    }
    /// `series/<s>/event/<e>`: the prefix of everything an event owns.
    public static func event(series: String, event: String) -> ResourceKey {
        ResourceKey.series(series).appending("event", event)
    }
    /// `series/<s>/event/<e>/team/<t>`: the prefix of a team's resources.
    public static func team(series: String, event: String, team: String) -> ResourceKey {
        Self.event(series: series, event: event).appending("team", team)
    }
    /// `archive`, then `archive/2`, `archive/3` … for overflow.
    public static func archive(_ number: Int = 1) -> ResourceKey {
        number == 1 ? ResourceKey("archive") : ResourceKey("archive/\(number)")
    }
}
