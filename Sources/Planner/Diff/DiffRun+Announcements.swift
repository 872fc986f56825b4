import DiscordTypes
import Spec

extension DiffRun {
    /// What becomes of one announcement in this plan.
    enum AnnouncementDecision: Equatable {
        /// Handled before (`options.announced` holds this revision), or not an announcement.
        case nothing
        /// Recorded as handled without a request, with why.
        case skip(String)
        /// Posted; `changed`: a new revision of a change notice, detected now.
        case post(changed: Bool)
    }

    /// The rules of an edge-triggered message (`MessageFamily`): each revision once, inside
    /// its window, else skipped. A revision of a change notice the state store has not seen
    /// is a change detected now, so it is sent even though its first instant is long past.
    func decide(_ message: DesiredMessage) -> AnnouncementDecision {
        guard let announcement = message.family.announcement else { return .nothing }
        let recorded = options.announced[message.key]
        guard recorded != announcement.revision else { return .nothing }
        // Posted before announcements were recorded (a managed message of older versions).
        if recorded == nil, ownership[message.key] != nil { return .nothing }
        let changed = recorded != nil && announcement.kind.announcesChanges
        if !changed, recorded == nil, announcement.kind.firstRevisionIsBaseline {
            return .skip("first version: only later changes are announced")
        }
        if !changed, let lapsed = announcement.lapsed { return .skip(lapsed) }
        return .post(changed: changed)
    }

    /// Announcements: each handled once (posted or recorded as skipped), then left alone,
    /// whatever became of its message. Posted after every change to its thread, member
    /// changes included, so the people it pings are in the thread and nobody removed from it
    /// is. With no record (a lost state store), the bot's message carrying its marker in the
    /// thread counts as sent.
    mutating func planAnnouncements() {
        let archivedThreads = Set(desired.threads.filter(\.archived).map(\.key))
        var threadChanges: [ResourceKey: [Int]] = [:]
        for change in changes { threadChanges[change.key, default: []].append(change.index) }
        for message in desired.messages + desired.lapsed {
            guard let announcement = message.family.announcement,
                  !archivedThreads.contains(message.channel) else { continue }
            var decision = decide(message)
            if decision != .nothing, options.announced[message.key] == nil, options.adopt, let marker = message.marker,
               let channelID = refs[message.channel]?.existingID,
               let found = live.messageCandidates[channelID]?.first(where: { !claimed.contains($0.id) && marker.matches($0) }) {
                claimed.insert(found.id)
                decision = .skip("already posted as message \(found.id) (found by its marker; the state store had no record)")
            }
            switch decision {
            case .nothing:
                continue
            case .skip(let reason):
                skippedAnnouncements.append(SkippedAnnouncement(
                    key: message.key, kind: announcement.kind, revision: announcement.revision,
                    group: message.group, reason: reason))
            case .post(let changed):
                guard let channel = refs[message.channel] else {
                    warn(message.key, "channel \(message.channel) is not a desired channel or thread; announcement skipped")
                    continue
                }
                let name = message.key.rawValue.split(separator: "/").last.map(String.init) ?? message.key.rawValue
                let pings = message.pings.isEmpty ? "nobody" : message.pings.map { memberLabel($0) }.joined(separator: ", ")
                add(.post, .announcement, key: message.key, name: name, group: message.group,
                    fields: [FieldChange(name: "content", old: nil, new: message.content, isText: true),
                             FieldChange(name: "pings", old: nil, new: pings)],
                    operation: .postAnnouncement(channel: channel, content: message.content, pings: message.pings),
                    ownership: .announce(key: message.key, revision: announcement.revision,
                                         sendBy: announcement.deadline(changed: changed, at: options.at)),
                    reason: changed ? "\(announcement.kind.rawValue) changed since it was last announced" : nil,
                    after: threadChanges[message.channel] ?? [])
            }
        }
    }
}
