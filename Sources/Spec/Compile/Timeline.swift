import DiscordTypes
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
        let name: Naming.EventName
        var displayName: String { name.full }
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
        // Only members named by events (entry lists, teams) matter here; clubs can have tens
        // of thousands.
        var wanted: Set<String> = []
        for event in club.events {
            wanted.formUnion(event.participants)
            wanted.formUnion(event.signup?.reserves ?? [])
            for team in event.teams {
                wanted.formUnion(team.members)
                for stint in team.stints { wanted.insert(stint.driver) }
            }
        }
        var members: [String: Member] = [:]
        if !wanted.isEmpty {
            for member in club.members where wanted.contains(member.id) && members[member.id] == nil {
                members[member.id] = member
            }
        }
        self.membersByID = members
        let names = Self.distinctNames(club.events)
        let lead = settings.notifications.raceVoiceLead
        var plans: [SeriesPlan] = []
        var seenSeries: Set<String> = []
        let eventsOfSeries = Dictionary(grouping: club.events.enumerated(), by: \.element.series)
        for series in club.series where seenSeries.insert(series.id).inserted {
            let events = eventsOfSeries[series.id] ?? []
            guard let lastEnd = events.map(\.element.end).max() else { continue }
            let (archiveAt, retireAt, openUntil) = Self.archival(of: series, events: events.map(\.element),
                                                                 lastEnd: lastEnd, settings: settings)
            var seenEvents: Set<String> = []
            let eventPlans = events
                .filter { seenEvents.insert($0.element.id).inserted }
                .sorted { ($0.element.start, $0.element.id) < ($1.element.start, $1.element.id) }
                .map { index, event -> EventPlan in
                    let channelFrom = event.signup?.opens ?? event.teamsPublished ?? event.start.addingTimeInterval(-lead)
                    // Teams appear when published (or when signup closes), and at the latest
                    // when race voice opens, so race voice opens `race_voice_lead` before the start
                    // for every team known by then, even when signup closes at the start.
                    let raceVoiceFrom = event.start.addingTimeInterval(-lead)
                    let published = min(event.teamsPublished ?? event.signup?.closes ?? channelFrom, raceVoiceFrom)
                    let teamsFrom = max(channelFrom, published)
                    return EventPlan(
                        index: index, event: event, series: series, name: names[index],
                        channelFrom: min(channelFrom, openUntil), teamsFrom: min(teamsFrom, openUntil),
                        raceVoiceFrom: raceVoiceFrom,
                        raceVoiceUntil: event.end.addingTimeInterval(settings.notifications.raceGrace),
                        archiveAt: archiveAt, retireAt: retireAt)
                }
            plans.append(SeriesPlan(series: series, events: eventPlans, archiveAt: archiveAt, retireAt: retireAt))
        }
        self.series = plans
    }

    /// When a series is archived and its archived channels deleted: `archive_delay` after its
    /// last event ends, or earlier when an admin archived it by hand (`series[].archive`).
    /// Retention never runs from an instant earlier than the archival it follows.
    /// `openUntil` caps each event's opening instants: an event whose channel would open after
    /// a manual archival never appears, not even in the archive (`archive: now` keeps every
    /// event, as a natural archival does).
    static func archival(of series: Series, events: [RaceEvent], lastEnd: Date,
                         settings: ClubSettings) -> (archiveAt: Date, retireAt: Date?, openUntil: Date) {
        let natural = lastEnd.addingTimeInterval(settings.retention.archiveDelay)
        let keep = settings.retention.deleteArchivedAfter
        switch series.archive {
        case nil:
            return (natural, keep.map { natural.addingTimeInterval($0) }, natural)
        case .at(let instant):
            let archiveAt = min(natural, instant)
            return (archiveAt, keep.map { archiveAt.addingTimeInterval($0) }, natural)
        case .now:
            // Archived from before anything of the series exists, so it is never created open.
            let lead = settings.notifications.raceVoiceLead
            let first = events.map { event in
                [event.signup?.opens, event.teamsPublished, event.start.addingTimeInterval(-lead)].compactMap { $0 }.min()!
            }.min() ?? natural
            let archiveAt = min(first, natural)
            return (archiveAt, keep.map { natural.addingTimeInterval($0) }, archiveAt)
        }
    }

    /// Event names made distinct club-wide: the earliest keeps its name, later namesakes get
    /// their start date (and, if that collides too, their id) appended. Depends only on the
    /// data, so names never change as time passes.
    static func distinctNames(_ events: [RaceEvent]) -> [Naming.EventName] {
        var result = events.map { Naming.EventName(name: $0.name, suffix: "") }
        let groups = Dictionary(grouping: events.indices) { DiscordName.text(events[$0].name) }
        for (_, indices) in groups where indices.count > 1 {
            let ordered = indices.sorted { (events[$0].start, events[$0].id) < (events[$1].start, events[$1].id) }
            for index in ordered.dropFirst() {
                result[index].suffix = " " + String(ValueParsers.timestampText(events[index].start).prefix(10))
            }
            let dated = Dictionary(grouping: ordered.dropFirst()) { DiscordName.text(result[$0].full) }
            for (_, same) in dated where same.count > 1 {
                for index in same { result[index].suffix += " " + events[index].id }
            }
        }
        return result
    }

    /// Why the layout changes at an instant; the text is built only when it is shown.
    enum Reason {
        case archived(series: String)
        case retired(series: String)
        case channelOpens(event: String)
        case teamsPublished(event: String)
        case signupCloses(event: String)
        case starts(event: String)
        case ends(event: String)
        case raceVoiceOpens(event: String)
        case raceVoiceCloses(event: String)
        case stintAlert(driver: String, team: String, event: String)
        case eventListed(event: String)
        /// An announcement's window closes: from now on it is skipped, not sent.
        case announcementLapses(what: String)

        var text: String {
            switch self {
            case .archived(let series): "\(series) is archived"
            case .retired(let series): "archived channels of \(series) are deleted"
            case .channelOpens(let event): "signup channel for \(event) opens"
            case .teamsPublished(let event): "teams for \(event) are published"
            case .signupCloses(let event): "signup for \(event) closes"
            case .starts(let event): "\(event) starts"
            case .ends(let event): "\(event) ends"
            case .raceVoiceOpens(let event): "race voice for \(event) opens"
            case .raceVoiceCloses(let event): "race voice for \(event) closes"
            case .stintAlert(let driver, let team, let event): "stint alert for \(driver) (\(team), \(event))"
            case .eventListed(let event): "\(event) appears in the server's Events list"
            case .announcementLapses(let what): "the window for \(what) closes (announcement_grace)"
            }
        }
    }

    /// Every instant at which the layout changes, with why, in time order. Only instants
    /// that change something under these settings are listed (no stint alerts when alerts
    /// are off, nothing after a series' archived channels are deleted, no race voice
    /// opening before the teams exist), so the first one after `now` is `nextTransition`.
    var transitions: [(at: Date, reason: Reason)] {
        var items: [(at: Date, reason: Reason)] = []
        let alertLead = settings.notifications.stintAlertLead
        let channels = settings.autoCreateChannels
        for plan in series {
            let end = plan.retireAt ?? .distantFuture
            items.append((plan.archiveAt, .archived(series: plan.series.name)))
            // Retention deletes archived channels and threads: nothing to cite without channels.
            if let retire = plan.retireAt, channels { items.append((retire, .retired(series: plan.series.name))) }
            // Events that would open only after a manual archival never exist.
            for event in plan.events where event.channelFrom <= plan.archiveAt {
                // The distinct name, so two same-named events' reasons can be told apart.
                let name = event.displayName
                let hasTeams = !event.event.teams.isEmpty
                if hasTeams {
                    items.append((event.teamsFrom, .teamsPublished(event: name)))
                    if channels, settings.voiceChannels, event.raceVoiceUntil < plan.archiveAt,
                       event.raceVoiceUntil >= event.channelFrom, event.raceVoiceFrom < event.raceVoiceUntil {
                        items.append((event.raceVoiceUntil, .raceVoiceCloses(event: name)))
                    }
                }
                // Scheduled events change status at the start and end (with channels, those
                // instants are listed below for the signup card already).
                if settings.scheduledEvents, !channels, event.channelFrom < plan.archiveAt {
                    items.append((event.channelFrom, .eventListed(event: name)))
                    for (instant, reason) in [(event.event.start, Reason.starts(event: name)), (event.event.end, .ends(event: name))]
                    where instant >= event.channelFrom && instant < plan.archiveAt {
                        items.append((instant, reason))
                    }
                }
                guard channels else { continue }
                items.append((event.channelFrom, .channelOpens(event: name)))
                var card: [(Date, Reason)] = [(event.event.start, .starts(event: name)), (event.event.end, .ends(event: name))]
                if let signup = event.event.signup { card.append((signup.closes, .signupCloses(event: name))) }
                for (instant, reason) in card where instant >= event.channelFrom && instant < end {
                    items.append((instant, reason))
                }
                if hasTeams, settings.voiceChannels, event.raceVoiceFrom >= event.teamsFrom,
                   event.raceVoiceFrom < event.raceVoiceUntil, event.raceVoiceFrom < plan.archiveAt {
                    items.append((event.raceVoiceFrom, .raceVoiceOpens(event: name)))
                }
                // Announcements move from `messages` to `lapsed` when their window closes
                // (`AnnouncementBuilder`); they exist from the teams' publication to the race's end.
                let grace = settings.notifications.announcementGrace
                let alive = min(event.event.end, plan.archiveAt, end)
                if hasTeams, event.teamsFrom.addingTimeInterval(grace) < alive {
                    items.append((event.teamsFrom.addingTimeInterval(grace), .announcementLapses(what: "team notices of \(name)")))
                }
                guard settings.stintAlerts else { continue }
                for team in event.event.teams {
                    for stint in team.stints {
                        let due = stint.start.addingTimeInterval(-alertLead)
                        let driver = membersByID[stint.driver]?.displayName ?? stint.driver
                        if due >= event.teamsFrom, due < alive {
                            items.append((due, .stintAlert(driver: driver, team: team.name, event: name)))
                        }
                        let lapses = due.addingTimeInterval(grace)
                        if lapses > event.teamsFrom, lapses < alive {
                            items.append((lapses, .announcementLapses(what: "the stint alert for \(driver) (\(team.name))")))
                        }
                    }
                }
            }
        }
        return items.enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }

    /// The distinct instants at which resources appear or go (channels open, teams publish,
    /// race voice opens or closes, archival, retention): where names can start to clash.
    var structuralInstants: [Date] {
        var result: [Date] = []
        for item in transitions where result.last != item.at {
            switch item.reason {
            case .archived, .retired, .channelOpens, .teamsPublished, .raceVoiceOpens, .raceVoiceCloses:
                result.append(item.at)
            case .signupCloses, .starts, .ends, .stintAlert, .eventListed, .announcementLapses:
                continue
            }
        }
        return result
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
