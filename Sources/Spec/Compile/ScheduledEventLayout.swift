import DiscordTypes
import Foundation

/// The races as Discord scheduled events at one instant (`scheduled_events: true`).
///
/// An event is listed from when its signup opens (its channel's opening instant) until its
/// series is archived; its status follows the race: SCHEDULED before the start, ACTIVE
/// during the race, COMPLETED from the end, CANCELED when the club data says `cancelled`.
/// At retention the owned event is deleted (its key is retired). Texts depend only on the
/// club data, never on the instant, so an event is edited only when the data changes.
struct ScheduledEventLayout {
    static let nameLimit = 100
    static let descriptionLimit = 1000
    static let locationLimit = 100
    /// Where an event without a track happens (EXTERNAL events need a location).
    static let fallbackLocation = "Online · sim racing"
    /// No create this close to the start: it could reach Discord after the start.
    static let createMargin: TimeInterval = 60

    let timeline: Timeline
    let at: Date

    /// The desired events, and the keys of events whose series' retention has expired.
    func build() -> (events: [DesiredScheduledEvent], retired: [ResourceKey]) {
        guard timeline.settings.scheduledEvents else { return ([], []) }
        var events: [DesiredScheduledEvent] = []
        var retired: [ResourceKey] = []
        for plan in timeline.series {
            if let retire = plan.retireAt, at >= retire {
                retired += plan.events.map(Self.key)
                continue
            }
            guard at < plan.archiveAt else { continue }
            for event in plan.events where event.channelFrom <= at {
                events.append(Self.desired(event, at: at))
            }
        }
        return (events, retired)
    }

    static func key(_ event: Timeline.EventPlan) -> ResourceKey {
        ResourceKey.event(series: event.series.id, event: event.event.id).appending("scheduled-event")
    }

    static func desired(_ plan: Timeline.EventPlan, at: Date) -> DesiredScheduledEvent {
        let event = plan.event
        let status = status(event, at: at)
        return DesiredScheduledEvent(
            key: key(plan), name: Naming.displayName(plan.displayName), description: description(plan),
            location: location(event), start: event.start, end: event.end, status: status,
            creatable: status == .scheduled && event.start.timeIntervalSince(at) > createMargin,
            group: "\(plan.series.name) › \(plan.event.name)")
    }

    /// Where the race stands at `at`.
    static func status(_ event: RaceEvent, at: Date) -> ScheduledEventStatus {
        if event.cancelled { return .canceled }
        if at < event.start { return .scheduled }
        return at < event.end ? .active : .completed
    }

    /// The track (or the fallback), at most 100 characters.
    static func location(_ event: RaceEvent) -> String {
        let track = event.track?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let text = track.isEmpty ? fallbackLocation : track
        return DiscordName.length(text) > locationLimit ? Naming.shortened(text, to: locationLimit) : text
    }

    /// Series, length and track, the cars, and the signup link; at most 1000 characters
    /// (the link is kept whole: it goes first when the rest is cut).
    static func description(_ plan: Timeline.EventPlan) -> String {
        let event = plan.event
        var lines = ["\(plan.series.name) · \(ValueParsers.durationText(event.duration)) race"]
        if let track = event.track { lines[0] += " at \(track)" }
        if let signup = event.signup { lines.append("Sign up: \(signup.url)") }
        let cars = Array(Set(event.teams.compactMap(\.car))).sorted()
        if !cars.isEmpty { lines.append("Cars: \(cars.joined(separator: ", "))") }
        let text = lines.joined(separator: "\n")
        guard DiscordName.length(text) > descriptionLimit else { return text }
        let link = event.signup.map { "Sign up: \($0.url)\n" } ?? ""
        return Naming.shortened(link + lines[0], to: descriptionLimit)
    }
}
