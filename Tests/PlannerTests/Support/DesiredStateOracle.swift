import DiscordTypes
import Planner
import Spec

/// Checks a guild against a desired layout directly, without the planner's code: the
/// independent half of the convergence property (a diff that ignores a difference would
/// otherwise "converge" on its own blind spot). Returns one line per mismatch.
struct DesiredStateOracle {
    let desired: DesiredGuild
    let snapshot: GuildSnapshot
    let ownership: Ownership

    private func protectedChannel(_ channel: Channel) -> Bool {
        desired.policy.protect.contains { $0.kind == .channel && ($0.id == channel.id || $0.name == channel.name) }
    }

    private func protectedRole(_ role: Role) -> Bool {
        desired.policy.protect.contains { $0.kind == .role && ($0.id == role.id || $0.name == role.name) }
    }

    private func normalised(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "-")
    }

    private var inGuild: Set<Snowflake> { Set(snapshot.members.compactMap { $0.user?.id }) }

    func mismatches() -> [String] {
        var problems: [String] = []
        let roles = Dictionary(snapshot.roles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let channels = Dictionary(snapshot.channels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let threads = Dictionary(snapshot.threads.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let members = inGuild
        for role in desired.roles {
            guard let id = ownership[role.key]?.id, let live = roles[id] else { problems.append("\(role.key) missing"); continue }
            if protectedRole(live) { continue }
            if live.name != role.name || (live.colors?.primaryColor ?? live.color) != role.color || live.hoist != role.hoist
                || live.mentionable != role.mentionable || live.permissions != role.permissions {
                problems.append("\(role.key) fields differ")
            }
            let holders = Set(snapshot.members.filter { $0.roles.contains(id) }.compactMap { $0.user?.id })
            if holders != Set(role.members).intersection(members) { problems.append("\(role.key) holders differ") }
        }
        var groups: [String: [(ResourceKey, Channel)]] = [:]
        var groupOrder: [String] = []
        for channel in desired.channels {
            guard let id = ownership[channel.key]?.id, let live = channels[id], live.type == channel.kind.channelType else {
                problems.append("\(channel.key) missing")
                continue
            }
            if protectedChannel(live) { continue }
            let nameOK = channel.kind == .text ? normalised(live.name ?? "") == normalised(channel.name) : live.name == channel.name
            if !nameOK { problems.append("\(channel.key) name \(live.name ?? "") != \(channel.name)") }
            if channel.kind == .text, (live.topic ?? "") != (channel.topic ?? "") { problems.append("\(channel.key) topic") }
            if channel.kind != .category, live.parentID != channel.parent.flatMap({ ownership[$0]?.id }) {
                problems.append("\(channel.key) parent")
            }
            if channel.kind == .voice, (live.userLimit ?? 0) != (channel.userLimit ?? 0) { problems.append("\(channel.key) user limit") }
            if overwrites(channel) != liveOverwrites(live) { problems.append("\(channel.key) overwrites") }
            let group = "\(live.type == .guildCategory ? nil : live.parentID)|\(live.type == .guildCategory ? 0 : live.type.isVoice ? 2 : 1)"
            if groups[group] == nil { groupOrder.append(group) }
            groups[group, default: []].append((channel.key, live))
        }
        for group in groupOrder {
            let wanted = groups[group]!.map(\.0)
            let actual = groups[group]!.sorted {
                ($0.1.position ?? 0, $0.1.id) < ($1.1.position ?? 0, $1.1.id)
            }.map(\.0)
            if wanted != actual { problems.append("order in \(group): \(actual) != \(wanted)") }
        }
        let archivedThreads = Set(desired.threads.filter(\.archived).map(\.key))
        for thread in desired.threads {
            guard let id = ownership[thread.key]?.id, let live = threads[id] else {
                if !thread.archived { problems.append("\(thread.key) missing") }
                continue
            }
            let meta = live.threadMetadata ?? ThreadMetadata()
            // A quiet thread Discord auto-archived may rest unless it must be reopened.
            let resting = meta.archived && !thread.archived && !thread.reopen
            if meta.archived != thread.archived, !resting { problems.append("\(thread.key) archived") }
            if thread.archived || resting { continue }
            if live.name != thread.name || meta.locked != thread.locked || meta.autoArchiveDuration != thread.autoArchiveMinutes {
                problems.append("\(thread.key) fields")
            }
            let have = Set(snapshot.threadMembers[id] ?? []).subtracting([snapshot.botUserID])
            if have != Set(thread.members).intersection(members).subtracting([snapshot.botUserID]) {
                problems.append("\(thread.key) members")
            }
        }
        // Announcements are sent once and never owned: the state store's record covers them.
        for message in desired.messages where message.family == .card && !archivedThreads.contains(message.channel) {
            guard let id = ownership[message.key]?.id, let live = snapshot.messages[id] else {
                problems.append("\(message.key) missing")
                continue
            }
            if live.channelID != ownership[message.channel]?.id || live.content != message.content
                || live.embeds != message.embeds || live.pinned != message.pinned {
                problems.append("\(message.key) differs")
            }
        }
        return problems
    }

    private struct Bits: Hashable { var type: Int; var allow: UInt64; var deny: UInt64 }

    private func overwrites(_ channel: DesiredChannel) -> [Snowflake: Bits] {
        var result: [Snowflake: Bits] = [:]
        var wanted = channel.overwrites
        if wanted.isEmpty, channel.kind != .category, let parent = channel.parent {
            // Synced to the category.
            wanted = desired.channels.first { $0.key == parent }?.overwrites ?? []
        }
        for overwrite in wanted {
            let id: Snowflake?
            var type = 0
            switch overwrite.target {
            case .everyone: id = snapshot.guildID
            case .managedRole(let key): id = ownership[key]?.id
            case .role(let role): id = snapshot.roles.contains { $0.id == role } ? role : nil
            case .member(let user): id = inGuild.contains(user) ? user : nil; type = 1
            }
            guard let id else { continue }
            var bits = result[id] ?? Bits(type: type, allow: 0, deny: 0)
            bits.allow |= overwrite.allow.rawValue
            bits.deny |= overwrite.deny.rawValue
            result[id] = bits
        }
        return result.filter { $0.value.allow != 0 || $0.value.deny != 0 }
    }

    private func liveOverwrites(_ channel: Channel) -> [Snowflake: Bits] {
        var result: [Snowflake: Bits] = [:]
        for o in channel.permissionOverwrites ?? [] where o.allow.rawValue != 0 || o.deny.rawValue != 0 {
            result[o.id] = Bits(type: o.type.rawValue, allow: o.allow.rawValue, deny: o.deny.rawValue)
        }
        return result
    }
}
