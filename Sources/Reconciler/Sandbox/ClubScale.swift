import DiscordTypes
import Foundation
import Spec

/// A generated club of a chosen size, as the YAML files a club keeps, for measuring how cost
/// grows with the club (`simlane-bench club-scale`, the scale tests).
///
/// The shape follows a big real club: one series per 6 events (consecutive events, so
/// series finish and are archived through the season), 4 teams of 3 per event (a fifth
/// every 8th event), three stints per team, members scaling with the events (400 for 60) of
/// whom every 13th is linked but not in the guild. Events are spread evenly over a season of
/// `seasonDays`; `instant(_:)` names moments in it.
public struct ClubScale: Sendable {
    public var events: Int
    public var series: Int
    public var members: Int
    public var seasonDays: Int = 120
    /// The first event's start; every other date follows from it.
    public var seasonStart = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z

    /// A club with `events` events and the shape described on the type.
    public init(events: Int) {
        self.events = max(1, events)
        series = max(1, self.events / 6)
        members = max(40, self.events * 400 / 60)
    }

    /// Teams of event `index`: four, a fifth every 8th event.
    public func teamCount(event index: Int) -> Int { index % 8 == 0 ? 5 : 4 }

    /// The series of event `index`: consecutive blocks of events.
    public func seriesIndex(event index: Int) -> Int {
        let perSeries = (events + series - 1) / series
        return min(series - 1, index / perSeries)
    }

    /// Whether member `index` is linked to Discord but has not joined the guild.
    public func isAbsent(member index: Int) -> Bool { index % 13 == 12 }

    /// The Discord user id of member `index`.
    public func userID(member index: Int) -> Snowflake { Snowflake(UInt64(1_300_000_000_000_000_000 + index)) }

    /// Linked members who are in the guild.
    public var guildMemberIDs: [Snowflake] { (0..<members).filter { !isAbsent(member: $0) }.map(userID) }

    /// Moments of the season: `early` (a few signups open), `peak` (mid-season), `late`.
    public enum Moment: String, CaseIterable, Sendable { case early, peak, late }

    public func instant(_ moment: Moment) -> Date {
        let day: TimeInterval = 86_400
        let fraction = switch moment {
        case .early: 0.05
        case .peak: 0.5
        case .late: 0.9
        }
        // Half past an hour, so the instant is not on any event's boundary.
        return seasonStart.addingTimeInterval((Double(seasonDays) * fraction).rounded() * day + 1_800)
    }

    /// The start of event `index`: evenly spread over the season, at 18:00 UTC.
    public func start(event index: Int) -> Date {
        let day: TimeInterval = 86_400
        let offset = (Double(index) * Double(seasonDays) / Double(events)).rounded(.down)
        return seasonStart.addingTimeInterval(offset * day + 18 * 3_600)
    }

    /// The club's settings and data files.
    public func sources() -> [SourceFile] {
        [SourceFile(path: "club-scale/simlane.yaml", text: settingsYAML()),
         SourceFile(path: "club-scale/members.yaml", text: membersYAML()),
         SourceFile(path: "club-scale/events.yaml", text: eventsYAML())]
    }

    /// The loaded club.
    public func config() throws(ConfigError) -> ClubConfig { try ConfigLoader.load(sources: sources()) }

    func settingsYAML() -> String {
        """
        kind: settings
        version: 1
        club:
          id: club-scale
          name: Club Scale
        discord:
          guild_id: "1500000000000000001"
          application_id: "1500000000000000002"
        auto_create_channels: true
        voice_channels: true
        stint_alerts: true
        notifications:
          stint_alert_lead: 15m
          race_voice_lead: 24h
          race_grace_period: 2h
        retention:
          archive_delay: 3d
          delete_archived_after: 90d
        max_destroy_fraction: 1.0

        """
    }

    func membersYAML() -> String {
        var yaml = "kind: club\nmembers:\n"
        for index in 0..<members {
            yaml += "  - id: m\(index)\n    display_name: Member \(index)\n"
                + "    discord_user_id: \"\(userID(member: index))\"\n    role: driver\n"
        }
        return yaml
    }

    func eventsYAML() -> String {
        var yaml = "kind: club\nseries:\n"
        for s in 0..<series { yaml += "  - id: s\(s)\n    name: Series \(s)\n" }
        yaml += "events:\n"
        var nextMember = 0
        for e in 0..<events {
            let start = start(event: e)
            let opens = start.addingTimeInterval(-21 * 86_400)
            let closes = start.addingTimeInterval(-3 * 86_400)
            var teams = ""
            var participants: [String] = []
            for t in 0..<teamCount(event: e) {
                let crew = (0..<3).map { _ -> String in
                    defer { nextMember = (nextMember + 7) % members }
                    return "m\(nextMember)"
                }
                participants += crew
                teams += "      - id: t\(t)\n        name: Team \(e)-\(t)\n        members: [\(crew.joined(separator: ", "))]\n"
                teams += "        stints:\n"
                for (n, driver) in crew.enumerated() {
                    let from = start.addingTimeInterval(Double(n) * 3_600)
                    teams += "          - { driver: \(driver), start: \(iso(from)), end: \(iso(from.addingTimeInterval(3_600))) }\n"
                }
            }
            yaml += """
                  - id: e\(e)
                    series: s\(seriesIndex(event: e))
                    name: Race \(e)
                    track: Track \(e % 17)
                    signup:
                      url: https://simlane.app/clubs/club-scale/signups/e\(e)
                      opens: \(iso(opens))
                      closes: \(iso(closes))
                    start: \(iso(start))
                    duration: 3h
                    participants: [\(participants.joined(separator: ", "))]
                    teams:

                """ + teams
        }
        return yaml
    }

    private func iso(_ date: Date) -> String {
        let parts = UTCDateParts(date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year, parts.month, parts.day,
                      parts.hour, parts.minute, parts.second)
    }
}
