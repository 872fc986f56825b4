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
            reason: archiving ? (thread.locked ? "archived and locked" : "archived") : nil,
            after: adoptIndex.map { [$0] } ?? [])
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
