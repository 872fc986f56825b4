import DiscordTypes
import Spec

extension DiffRun {
    /// Deletes last, children before parents: messages, threads, channels, categories,
    /// roles. Only owned resources are ever deleted: retired ones always, others no longer
    /// desired as `policy.orphans` says, none that are protected.
    mutating func planDeletes() {
        var desiredKeys = Set<ResourceKey>()
        desiredKeys.formUnion(desired.roles.map(\.key))
        desiredKeys.formUnion(desired.channels.map(\.key))
        desiredKeys.formUnion(desired.threads.map(\.key))
        desiredKeys.formUnion(desired.messages.map(\.key))
        let retired = Set(desired.retired)
        let orphans = desired.policy.orphans

        var messages: [(ResourceKey, Message, String)] = []
        var threads: [(ResourceKey, Channel, String)] = []
        var channels: [(ResourceKey, Channel, String)] = []
        var categories: [(ResourceKey, Channel, String)] = []
        var roles: [(ResourceKey, Role, String)] = []
        for (key, entry) in ownership.entries.sorted(by: { $0.key < $1.key }) where !desiredKeys.contains(key) {
            let reason = retired.contains(key) ? "retired" : "no longer desired"
            func wanted(_ policy: OrphanPolicy.Action) -> Bool { retired.contains(key) || policy == .remove }
            switch entry.kind {
            case .message:
                guard let message = snapshot.messages[entry.id] else { forgotten.append(key); continue }
                if wanted(orphans.messages) { messages.append((key, message, reason)) }
            case .thread:
                guard let thread = live.threads[entry.id] else { forgotten.append(key); continue }
                if wanted(orphans.threads), !protect(key, thread) { threads.append((key, thread, reason)) }
            case .text, .voice, .category:
                guard let channel = live.channels[entry.id] else { forgotten.append(key); continue }
                let policy = channel.type == .guildCategory ? orphans.categories
                    : channel.type.isVoice ? orphans.voiceChannels : orphans.textChannels
                guard wanted(policy), !protect(key, channel) else { continue }
                if channel.type == .guildCategory {
                    categories.append((key, channel, reason))
                } else {
                    channels.append((key, channel, reason))
                }
            case .role:
                guard let role = live.roles[entry.id] else { forgotten.append(key); continue }
                guard wanted(orphans.roles) else { continue }
                if isProtectedRole(id: role.id, name: role.name) {
                    warn(key, "role \"\(role.name)\" is protected; not deleted")
                    continue
                }
                roles.append((key, role, reason))
            case .guild, .member, .scheduledEvent, .announcement:
                continue // scheduled events: `planScheduledEvents`; announcements are never owned
            }
        }

        let groups = orphanGroups(nonEmpty: !(messages.isEmpty && threads.isEmpty && channels.isEmpty
                                              && categories.isEmpty && roles.isEmpty))
        func group(_ key: ResourceKey) -> String {
            let components = key.rawValue.split(separator: "/")
            guard components.count > 2 else { return "" }
            for length in stride(from: components.count - 1, through: 2, by: -1) {
                if let found = groups[components[0..<length].joined(separator: "/")] { return found.group }
            }
            return ""
        }
        for (key, message, reason) in messages {
            add(.delete, .message, key: key, name: key.rawValue.split(separator: "/").last.map(String.init) ?? "",
                group: group(key), operation: .deleteMessage(channel: message.channelID, message: message.id),
                ownership: .forget(key), reason: reason)
        }
        var deletedChannel: [Snowflake: Int] = [:]
        for (key, thread, reason) in threads {
            deletedChannel[thread.id] = add(
                .delete, .thread, key: key, name: thread.name ?? "", group: group(key),
                operation: .deleteChannel(id: thread.id), ownership: .forget(key), reason: reason)
        }
        for (key, channel, reason) in channels {
            let children = threads.filter { $0.1.parentID == channel.id }.compactMap { deletedChannel[$0.1.id] }
            deletedChannel[channel.id] = add(
                .delete, channel.type.isVoice ? .voice : .text, key: key, name: channel.name ?? "", group: group(key),
                operation: .deleteChannel(id: channel.id), ownership: .forget(key), reason: reason, after: children)
        }
        for (key, category, reason) in categories {
            let foreign = live.channels.values
                .filter { $0.parentID == category.id && live.keyByID[$0.id] == nil }
                .sorted { ($0.position ?? 0, $0.id) < ($1.position ?? 0, $1.id) }
            guard foreign.isEmpty else {
                // Deleting it would strand someone else's channels at the top of the server.
                let names = foreign.map { ($0.type.isVoice ? "" : "#") + ($0.name ?? "\($0.id)") }.joined(separator: ", ")
                warn(key, "category \"\(category.name ?? "")\" (\(reason)) is kept, not deleted: it holds "
                     + "\(foreign.count) channel(s) we do not manage (\(names)); move or delete them and a later plan removes it")
                continue
            }
            let children = channels.filter { $0.1.parentID == category.id }.compactMap { deletedChannel[$0.1.id] }
            add(.delete, .category, key: key, name: category.name ?? "", group: group(key),
                operation: .deleteChannel(id: category.id), ownership: .forget(key), reason: reason, after: children)
        }
        for (key, role, reason) in roles {
            add(.delete, .role, key: key, name: role.name, group: group(key),
                operation: .deleteRole(id: role.id), ownership: .forget(key), reason: reason)
        }
    }

    /// Headings for resources no longer desired, borrowed from the desired resource with
    /// the shortest key under each key prefix (`series/gt3-cup/event/spa-6h` -> the event's
    /// heading), so a deleted team voice channel shows under its event.
    private func orphanGroups(nonEmpty: Bool) -> [String: (depth: Int, group: String)] {
        guard nonEmpty else { return [:] }
        var result: [String: (depth: Int, group: String)] = [:]
        let keyed: [(ResourceKey, String)] = desired.roles.map { ($0.key, $0.group) }
            + desired.channels.map { ($0.key, $0.group) } + desired.threads.map { ($0.key, $0.group) }
            + desired.messages.map { ($0.key, $0.group) }
        for (key, group) in keyed where !group.isEmpty {
            let components = key.rawValue.split(separator: "/")
            guard components.count > 2 else { continue }
            for length in 2..<components.count {
                let prefix = components[0..<length].joined(separator: "/")
                if let existing = result[prefix], existing.depth <= components.count { continue }
                result[prefix] = (components.count, group)
            }
        }
        return result
    }

    /// Whether an owned channel or thread is protected (and say so).
    private mutating func protect(_ key: ResourceKey, _ channel: Channel) -> Bool {
        guard isProtectedChannel(id: channel.id, name: channel.name) else { return false }
        warn(key, "\(channel.type) \"\(channel.name ?? "")\" is protected; not deleted")
        return true
    }
}
