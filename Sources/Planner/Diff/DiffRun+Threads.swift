import DiscordTypes
import Spec

extension DiffRun {
    /// Threads after their channels. An archived thread cannot be edited, so a thread that
    /// is archived and should stay archived is left alone, and one that should be archived
    /// but does not exist is not created.
    mutating func planThreads() {
        for thread in desired.threads { planThread(thread) }
    }

    private mutating func planThread(_ thread: DesiredThread) {
        let key = thread.key
        guard let parent = refs[thread.parent] else {
            warn(key, "parent \(thread.parent) is not a desired channel; thread skipped")
            return
        }
        var current: Channel?
        var reason: String?
        if let entry = ownership[key] {
            if let found = live.threads[entry.id] { current = found } else { reason = "deleted out of band" }
        }
        var adoptIndex: Int?
        if current == nil, options.adopt, let parentID = parent.existingID {
            let match = LiveIndex.ThreadMatch(parent: parentID, name: thread.name, isPrivate: thread.isPrivate)
            if let candidate = live.threadCandidates[match]?.first(where: { !claimed.contains($0.id) }) {
                claimed.insert(candidate.id)
                current = candidate
                adoptIndex = add(
                    .adopt, .thread, key: key, name: thread.name, group: thread.group,
                    operation: .adopt(key: key, id: candidate.id, kind: .thread),
                    ownership: .record(key: key, kind: .thread, id: candidate.id, appliedHash: nil),
                    reason: "matches existing thread \"\(candidate.name ?? "")\" (\(candidate.id))")
            }
        }
        guard let current else {
            if thread.archived { return }
            refs[key] = .created(key)
            var fields = [
                FieldChange(name: "name", old: nil, new: thread.name, isText: true),
                FieldChange(name: "private", old: nil, new: Display.flag(thread.isPrivate)),
                FieldChange(name: "auto_archive", old: nil, new: Display.archiveMinutes(thread.autoArchiveMinutes)),
            ]
            if thread.locked { fields.append(FieldChange(name: "locked", old: nil, new: "true")) }
            let hash = AppliedHash.of(thread)
            add(.create, .thread, key: key, name: thread.name, group: thread.group, fields: fields,
                operation: .createThread(parent: parent, name: thread.name, isPrivate: thread.isPrivate,
                                         autoArchiveMinutes: thread.autoArchiveMinutes),
                ownership: .record(key: key, kind: .thread, id: nil, appliedHash: hash),
                reason: reason)
            if thread.locked {
                // Threads are created unlocked; lock in a second request.
                add(.update, .thread, key: key, name: thread.name, group: thread.group,
                    operation: .modifyThread(thread: .created(key), ThreadUpdate(locked: true)))
            }
            return
        }
        refs[key] = .existing(current.id)
        let meta = current.threadMetadata ?? ThreadMetadata()
        if meta.archived && thread.archived {
            if thread.locked && !meta.locked {
                lockArchived(thread, current, after: adoptIndex.map { [$0] } ?? [])
            } else if let adoptIndex {
                setThreadAdoptHash(adoptIndex, AppliedHash.of(thread))
            }
            return
        }
        // Discord auto-archives a quiet thread: normal life, not drift. It is reopened only
        // when the club data needs it open, or to post into it or change its members.
        if meta.archived && !thread.archived && !thread.reopen && !needsWrite(thread, current.id) {
            if let adoptIndex { setThreadAdoptHash(adoptIndex, AppliedHash.of(thread)) }
            return
        }
        var update = ThreadUpdate()
        var fields: [FieldChange] = []
        if meta.archived != thread.archived {
            update.archived = thread.archived
            fields.append(FieldChange(name: "archived", old: Display.flag(meta.archived), new: Display.flag(thread.archived)))
        }
        if (current.name ?? "") != thread.name {
            update.name = thread.name
            fields.append(FieldChange(name: "name", old: current.name, new: thread.name, isText: true))
        }
        if meta.locked != thread.locked {
            update.locked = thread.locked
            fields.append(FieldChange(name: "locked", old: Display.flag(meta.locked), new: Display.flag(thread.locked)))
        }
        if meta.autoArchiveDuration != thread.autoArchiveMinutes {
            update.autoArchiveMinutes = thread.autoArchiveMinutes
            fields.append(FieldChange(name: "auto_archive", old: Display.archiveMinutes(meta.autoArchiveDuration),
                                      new: Display.archiveMinutes(thread.autoArchiveMinutes)))
        }
        guard !update.isEmpty else {
            if let adoptIndex { setThreadAdoptHash(adoptIndex, AppliedHash.of(thread)) }
            return
        }
        let archiving = thread.archived && !meta.archived
        add(archiving ? .archive : .update, .thread, key: key, name: thread.name, group: thread.group,
            fields: fields, operation: .modifyThread(thread: .existing(current.id), update),
            ownership: .record(key: key, kind: .thread, id: current.id, appliedHash: AppliedHash.of(thread)),
            reason: archiving ? (thread.locked ? "archived and locked" : "archived")
                : meta.archived ? reopenReason(thread, current.id) : nil,
            after: adoptIndex.map { [$0] } ?? [])
    }

    /// A thread Discord archived before we did (a quiet week) is locked at series archival:
    /// Discord changes only active threads, so it is reopened locked, then archived again.
    private mutating func lockArchived(_ thread: DesiredThread, _ current: Channel, after: [Int]) {
        let unlock = add(
            .update, .thread, key: thread.key, name: thread.name, group: thread.group,
            fields: [FieldChange(name: "archived", old: "true", new: "false"), FieldChange(name: "locked", old: "false", new: "true")],
            operation: .modifyThread(thread: .existing(current.id), ThreadUpdate(archived: false, locked: true)),
            reason: "archived by Discord before the series was; locked so members cannot reopen it", after: after)
        add(.archive, .thread, key: thread.key, name: thread.name, group: thread.group,
            fields: [FieldChange(name: "archived", old: "false", new: "true")],
            operation: .modifyThread(thread: .existing(current.id), ThreadUpdate(archived: true)),
            ownership: .record(key: thread.key, kind: .thread, id: current.id, appliedHash: AppliedHash.of(thread)),
            reason: "archived and locked", after: [unlock])
    }

    /// Whether an open thread has something to write: a name, a message to post or edit, or
    /// members to add or remove (Discord refuses all of these in an archived thread).
    private func needsWrite(_ thread: DesiredThread, _ id: Snowflake) -> Bool {
        if let live = live.threads[id], (live.name ?? "") != thread.name { return true }
        if options.manageMembers, membersDiffer(thread, have: Set(snapshot.threadMembers[id] ?? [])) { return true }
        for message in desired.messages + desired.lapsed where message.channel == thread.key && message.family != .card {
            if case .post = decide(message) { return true }
        }
        for message in desired.messages where message.channel == thread.key && message.family == .card {
            guard let entry = ownership[message.key], let current = snapshot.messages[entry.id],
                  current.channelID == id else { return true }
            if current.content != message.content || current.embeds != message.embeds { return true }
            if current.pinned != message.pinned { return true }
        }
        return false
    }

    private func reopenReason(_ thread: DesiredThread, _ id: Snowflake) -> String {
        needsWrite(thread, id) ? "archived by Discord while quiet; reopened to write into it"
            : "archived by Discord while quiet; reopened until the race is over"
    }

    /// Whether members would be added (those in the guild) or removed (the bot aside).
    func membersDiffer(_ thread: DesiredThread, have: Set<Snowflake>) -> Bool {
        let bot = snapshot.botUserID
        let wanted = Set(thread.members)
        if wanted.subtracting(have).contains(where: { $0 != bot && live.members[$0] != nil }) { return true }
        return have.subtracting(wanted).contains { $0 != bot }
    }

    private mutating func setThreadAdoptHash(_ index: Int, _ hash: String) {
        guard case .record(let key, let kind, let id, _) = changes[index].ownership else { return }
        changes[index].ownership = .record(key: key, kind: kind, id: id, appliedHash: hash)
    }

    /// Thread members: exactly the differences, for threads that stay active. The bot (a
    /// thread's creator) is never removed; users not in the guild are reported, not added.
    mutating func planThreadMembers() {
        guard options.manageMembers else { return }
        let bot = snapshot.botUserID
        for thread in desired.threads where !thread.archived {
            guard let ref = refs[thread.key] else { continue }
            let have: Set<Snowflake>
            switch ref {
            case .existing(let id): have = Set(snapshot.threadMembers[id] ?? [])
            case .created: have = [bot]
            }
            if have.count == thread.members.count + (have.contains(bot) ? 1 : 0),
               thread.members.allSatisfy(have.contains) { continue }
            let wanted = Set(thread.members)
            var missing: [Snowflake] = []
            for user in wanted.subtracting(have).sorted() where user != bot {
                guard live.members[user] != nil else { missing.append(user); continue }
                add(.grant, .thread, key: thread.key, name: thread.name, group: thread.group,
                    fields: [FieldChange(name: "member", old: nil, new: memberLabel(user))],
                    operation: .addThreadMember(thread: ref, user: user),
                    after: latest[thread.key].map { [$0] } ?? [])
            }
            if case .existing(let id) = ref {
                for user in have.subtracting(wanted).sorted() where user != bot {
                    add(.revoke, .thread, key: thread.key, name: thread.name, group: thread.group,
                        fields: [FieldChange(name: "member", old: memberLabel(user), new: nil)],
                        operation: .removeThreadMember(thread: id, user: user),
                        after: latest[thread.key].map { [$0] } ?? [])
                }
            }
            if !missing.isEmpty { warnNotInGuild(thread.key, missing, what: "thread \"\(thread.name)\"") }
        }
    }

    mutating func warnNotInGuild(_ key: ResourceKey, _ users: [Snowflake], what: String) {
        let shown = users.prefix(5).map(\.description).joined(separator: ", ")
        let more = users.count > 5 ? " and \(users.count - 5) more" : ""
        warn(key, "\(users.count) user(s) for \(what) are not in the guild and are skipped: \(shown)\(more)")
    }
}
