import DiscordTypes
import Foundation
import Spec

extension DiffRun {
    /// Scheduled events (the races in the guild's Events list), owned ones only.
    ///
    /// Desired ones are created while `creatable` (Discord refuses a start in the past),
    /// edited field by field, and moved along Discord's status transitions one request per
    /// step (SCHEDULED -> ACTIVE -> COMPLETED, SCHEDULED -> CANCELED). A finished event
    /// (COMPLETED or CANCELED) is never changed again. An owned event no longer desired is
    /// cancelled if it has not started, completed if it runs, and deleted only when retired
    /// (the series' retention). Events we do not own are never touched; the bot's own
    /// unowned event with the same name is adopted (a lost state store).
    mutating func planScheduledEvents() {
        let live = Dictionary(snapshot.scheduledEvents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let desiredKeys = Set(desired.scheduledEvents.map(\.key))
        for event in desired.scheduledEvents {
            if let entry = ownership[event.key] {
                if let current = live[entry.id] {
                    updateScheduledEvent(event, current)
                } else if event.creatable {
                    createScheduledEvent(event, reason: "deleted out of band")
                } else {
                    forgotten.append(event.key)
                }
            } else if let found = adoptableScheduledEvent(event) {
                let index = add(.adopt, .scheduledEvent, key: event.key, name: event.name, group: event.group,
                                operation: .adopt(key: event.key, id: found.id, kind: .scheduledEvent),
                                ownership: .record(key: event.key, kind: .scheduledEvent, id: found.id, appliedHash: nil),
                                reason: "the bot's own event with this name")
                updateScheduledEvent(event, found, after: [index])
            } else if event.creatable {
                createScheduledEvent(event, reason: nil)
            }
        }
        let retired = Set(desired.retired)
        for (key, entry) in ownership.entries.sorted(by: { $0.key < $1.key })
        where entry.kind == .scheduledEvent && !desiredKeys.contains(key) {
            guard let current = live[entry.id] else { forgotten.append(key); continue }
            let name = current.name
            if retired.contains(key) {
                add(.delete, .scheduledEvent, key: key, name: name, group: "",
                    operation: .deleteScheduledEvent(id: current.id), ownership: .forget(key), reason: "retired")
                continue
            }
            // Stopped the only way Discord allows from where it stands; a finished one stays.
            let next: ScheduledEventStatus? = switch current.status {
            case .scheduled: .canceled
            case .active: .completed
            case .completed, .canceled: nil
            }
            guard let next else { continue }
            add(.update, .scheduledEvent, key: key, name: name, group: "",
                fields: [FieldChange(name: "status", old: current.status.description, new: next.description)],
                operation: .modifyScheduledEvent(id: current.id, ScheduledEventUpdate(status: next)),
                ownership: .record(key: key, kind: .scheduledEvent, id: current.id, appliedHash: nil),
                reason: "no longer desired")
        }
    }

    private mutating func createScheduledEvent(_ event: DesiredScheduledEvent, reason: String?) {
        let new = NewScheduledEvent(name: event.name, description: event.description, location: event.location,
                                    start: event.start, end: event.end)
        add(.create, .scheduledEvent, key: event.key, name: event.name, group: event.group,
            fields: Self.scheduledEventFields(event),
            operation: .createScheduledEvent(new),
            ownership: .record(key: event.key, kind: .scheduledEvent, id: nil, appliedHash: AppliedHash.of(event)),
            reason: reason)
    }

    /// Field edits while the event is not finished (the start only while it is still ahead),
    /// then one change per status step.
    private mutating func updateScheduledEvent(_ event: DesiredScheduledEvent, _ current: ScheduledEvent, after: [Int] = []) {
        guard !current.status.isFinal else { return }
        let hash = AppliedHash.of(event)
        var update = ScheduledEventUpdate()
        var fields: [FieldChange] = []
        if current.name != event.name {
            update.name = event.name
            fields.append(FieldChange(name: "name", old: current.name, new: event.name))
        }
        if (current.description ?? "") != event.description {
            update.description = event.description
            fields.append(FieldChange(name: "description", old: current.description ?? "", new: event.description, isText: true))
        }
        if current.location != event.location {
            update.location = event.location
            fields.append(FieldChange(name: "location", old: current.location ?? "", new: event.location))
        }
        let startMoves = current.scheduledStartTime != event.start
        if startMoves, current.status == .scheduled, event.status == .scheduled {
            update.start = event.start
            fields.append(FieldChange(name: "start", old: Self.instant(current.scheduledStartTime), new: Self.instant(event.start)))
        } else if startMoves, event.status != .canceled {
            warn(event.key, "scheduled event \"\(event.name)\" keeps its start \(Self.instant(current.scheduledStartTime)): "
                 + "Discord only moves the start of an event that has not begun to a time still ahead")
        }
        if current.scheduledEndTime != event.end {
            update.end = event.end
            fields.append(FieldChange(name: "end", old: current.scheduledEndTime.map(Self.instant) ?? "", new: Self.instant(event.end)))
        }
        var previous = after
        if !update.isEmpty, event.status != .canceled {
            previous = [add(.update, .scheduledEvent, key: event.key, name: event.name, group: event.group, fields: fields,
                            operation: .modifyScheduledEvent(id: current.id, update),
                            ownership: .record(key: event.key, kind: .scheduledEvent, id: current.id, appliedHash: hash),
                            after: previous)]
        }
        var status = current.status
        for next in Self.statusSteps(from: current.status, to: event.status) {
            previous = [add(.update, .scheduledEvent, key: event.key, name: event.name, group: event.group,
                            fields: [FieldChange(name: "status", old: status.description, new: next.description)],
                            operation: .modifyScheduledEvent(id: current.id, ScheduledEventUpdate(status: next)),
                            ownership: .record(key: event.key, kind: .scheduledEvent, id: current.id, appliedHash: hash),
                            after: previous)]
            status = next
        }
    }

    /// The documented transitions from `current` towards `target`: a running event that the
    /// club cancelled is completed (ACTIVE -> CANCELED does not exist); nothing goes back.
    static func statusSteps(from current: ScheduledEventStatus, to target: ScheduledEventStatus) -> [ScheduledEventStatus] {
        switch (current, target) {
        case (.scheduled, .active): [.active]
        case (.scheduled, .completed): [.active, .completed]
        case (.scheduled, .canceled): [.canceled]
        case (.active, .completed), (.active, .canceled): [.completed]
        default: []
        }
    }

    /// The bot's own unowned, unfinished EXTERNAL event with the event's name.
    private mutating func adoptableScheduledEvent(_ event: DesiredScheduledEvent) -> ScheduledEvent? {
        guard options.adopt, let found = snapshot.scheduledEvents.first(where: {
            $0.creatorID == snapshot.botUserID && $0.name == event.name && $0.entityType == .external
                && !$0.status.isFinal && live.keyByID[$0.id] == nil && !claimed.contains($0.id)
        }) else { return nil }
        claimed.insert(found.id)
        return found
    }

    static func scheduledEventFields(_ event: DesiredScheduledEvent) -> [FieldChange] {
        [FieldChange(name: "name", old: nil, new: event.name),
         FieldChange(name: "location", old: nil, new: event.location),
         FieldChange(name: "start", old: nil, new: instant(event.start)),
         FieldChange(name: "end", old: nil, new: instant(event.end)),
         FieldChange(name: "description", old: nil, new: event.description, isText: true)]
    }

    static func instant(_ date: Date) -> String { ScheduledEvent.text(date) }
}
