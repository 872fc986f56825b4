import Foundation

/// Every event's lifecycle instants, worked out once from settings and data: when its
/// channel opens, when teams appear, the race voice window, archival and retention.
/// The layout at any instant is a pure function of this and the instant.
struct Timeline {
    /// One event with its series and lifecycle instants.
    struct EventPlan {
        let index: Int
        let event: RaceEvent
        let series: Series
        /// Name used in channel names; distinct among same-named events of the club.
        let displayName: String
        let channelFrom: Date
        let teamsFrom: Date
        let raceVoiceFrom: Date
        let raceVoiceUntil: Date
        let archiveAt: Date
        let retireAt: Date?
    }

    /// A series that has events, with when it is archived and deleted.
    struct SeriesPlan {
        let series: Series
        let events: [EventPlan]
        let archiveAt: Date
        let retireAt: Date?
    }

    let club: ClubData
    let settings: ClubSettings
    let series: [SeriesPlan]
    let membersByID: [String: Member]

    init(club: ClubData, settings: ClubSettings) {
        self.club = club
        self.settings = settings
        var members: [String: Member] = [:]
        for member in club.members where members[member.id] == nil { members[member.id] = member }
        self.membersByID = members
        let names = Self.distinctNames(club.events)
        let lead = settings.notifications.raceVoiceLead
        var plans: [SeriesPlan] = []
        var seenSeries: Set<String> = []
        for series in club.series where seenSeries.insert(series.id).inserted {
            let events = club.events.enumerated().filter { $0.element.series == series.id }
            guard let lastEnd = events.map(\.element.end).max() else { continue }
            let archiveAt = lastEnd.addingTimeInterval(settings.retention.archiveDelay)
            let retireAt = settings.retention.deleteArchivedAfter.map { archiveAt.addingTimeInterval($0) }
            var seenEvents: Set<String> = []
            let eventPlans = events
                .filter { seenEvents.insert($0.element.id).inserted }
                .sorted { ($0.element.start, $0.element.id) < ($1.element.start, $1.element.id) }
                .map { index, event -> EventPlan in
                    let channelFrom = event.signup?.opens ?? event.teamsPublished ?? event.start.addingTimeInterval(-lead)
                    let teamsFrom = max(channelFrom, event.teamsPublished ?? event.signup?.closes ?? channelFrom)
                    return EventPlan(
                        index: index, event: event, series: series, displayName: names[index],
                        channelFrom: min(channelFrom, archiveAt), teamsFrom: min(teamsFrom, archiveAt),
                        raceVoiceFrom: event.start.addingTimeInterval(-lead),
                        raceVoiceUntil: event.end.addingTimeInterval(settings.notifications.raceGrace),
                        archiveAt: archiveAt, retireAt: retireAt)
                }
            plans.append(SeriesPlan(series: series, events: eventPlans, archiveAt: archiveAt, retireAt: retireAt))
        }
        self.series = plans
    }

    /// Event names made distinct club-wide: the earliest keeps its name, later namesakes get
    /// their start date (and, if that collides too, their id) appended. Depends only on the
    /// data, so names never change as time passes.
    static func distinctNames(_ events: [RaceEvent]) -> [String] {
        var result = events.map(\.name)
        let groups = Dictionary(grouping: events.indices) { Naming.textName(events[$0].name) }
        for (_, indices) in groups where indices.count > 1 {
            let ordered = indices.sorted { (events[$0].start, events[$0].id) < (events[$1].start, events[$1].id) }
            for index in ordered.dropFirst() {
                result[index] = events[index].name + " " + String(ValueParsers.timestampText(events[index].start).prefix(10))
            }
            let dated = Dictionary(grouping: ordered.dropFirst()) { Naming.textName(result[$0]) }
            for (_, same) in dated where same.count > 1 {
                for index in same { result[index] += " " + events[index].id }
            }
        }
        return result
    }

    /// Every instant at which some part of the layout may change, with why, in order.
    /// Instants that cannot matter under the settings (stint alerts when alerts are off,
    /// channel events when channels are not created) are left out.
    var transitions: [(at: Date, reason: String)] {
        var items: [(Date, String)] = []
        let alertLead = settings.notifications.stintAlertLead
        let channels = settings.autoCreateChannels
        for plan in series {
            items.append((plan.archiveAt, "\(plan.series.name) is archived"))
            if let retire = plan.retireAt { items.append((retire, "archived channels of \(plan.series.name) are deleted")) }
            for event in plan.events {
                let name = event.event.name
                let hasTeams = !event.event.teams.isEmpty
                if hasTeams {
                    items.append((event.teamsFrom, "teams for \(name) are published"))
                    items.append((event.raceVoiceUntil, "race voice for \(name) closes"))
                }
                guard channels else { continue }
                items.append((event.channelFrom, "signup channel for \(name) opens"))
                if let signup = event.event.signup { items.append((signup.closes, "signup for \(name) closes")) }
                items.append((event.event.start, "\(name) starts"))
                items.append((event.event.end, "\(name) ends"))
                if hasTeams, settings.voiceChannels {
                    items.append((event.raceVoiceFrom, "race voice for \(name) opens"))
                }
                guard settings.stintAlerts else { continue }
                for team in event.event.teams {
                    for stint in team.stints {
                        let driver = membersByID[stint.driver]?.displayName ?? stint.driver
                        items.append((stint.start.addingTimeInterval(-alertLead),
                                      "stint alert for \(driver) (\(team.name), \(name))"))
                    }
                }
            }
        }
        return items.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { (at: $0.0, reason: $0.1) }
    }

    /// The distinct instants of `transitions`.
    var instants: [Date] {
        var result: [Date] = []
        for item in transitions where result.last != item.at { result.append(item.at) }
        return result
    }

    /// The field path of the event that started most recently among those alive at `at`
    /// (the one that pushed the layout over a limit).
    func culprit(at: Date) -> String {
        let alive = series.flatMap(\.events).filter { $0.channelFrom <= at && at < ($0.retireAt ?? .distantFuture) }
        guard let last = alive.max(by: { ($0.channelFrom, $0.index) < ($1.channelFrom, $1.index) }) else {
            return "events"
        }
        return "events[\(last.index)]"
    }
}
