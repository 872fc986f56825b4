import DiscordTypes
import Planner
import Spec

/// Generates desired layouts, guilds with unmanaged junk, out-of-band drift and evolved
/// layouts from a seed. Names come from a small vocabulary so adoption collisions happen.
struct ClubGenerator {
    var rng: SplitMix64
    let guild: Snowflake = 1000
    let bot: Snowflake = 900
    let adminRole: Snowflake = 1002
    let users: [Snowflake] = (501...516).map { Snowflake(UInt64($0)) }
    let strangers: [Snowflake] = [590, 591]
    let vocabulary = ["general", "Spa 6h", "spa-6h", "Alpha", "news", "GT3 Cup", "race", "Team B", "lobby"]
    let bits: [Permissions] = [.viewChannel, .sendMessages, .connect, .speak, .readMessageHistory]
    private var nextJunk: UInt64 = 1100

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    private mutating func junkID() -> Snowflake {
        nextJunk += 1
        return Snowflake(nextJunk)
    }

    private mutating func permissions() -> Permissions {
        rng.subset(bits, 0.3).reduce(into: Permissions()) { $0.formUnion($1) }
    }

    // MARK: guild

    /// A guild with its base roles and members plus unmanaged junk.
    mutating func junkGuild() -> GuildSnapshot {
        var roles = [
            Role(id: guild, name: "@everyone", position: 0, permissions: [.viewChannel]),
            Role(id: 1001, name: "Simlane", position: 50, permissions: .reconcilerBot, managed: true),
            Role(id: adminRole, name: "Admins", position: 51, permissions: .administrator),
        ]
        for position in 1...rng.int(1...5) {
            roles.append(Role(id: junkID(), name: rng.pick(vocabulary), color: rng.pick([0, 0x3498DB]),
                              position: position, mentionable: rng.chance(0.5)))
        }
        let junkRoles = roles.filter { $0.position > 0 && $0.position < 50 }.map(\.id)
        var members = [GuildMember(user: User(id: bot, username: "bot"), roles: [1001])]
        for user in users {
            members.append(GuildMember(user: User(id: user, username: "u\(user)"), roles: rng.subset(junkRoles, 0.3)))
        }
        var channels: [Channel] = []
        var categories: [Snowflake] = []
        for _ in 0..<rng.int(0...3) {
            let id = junkID()
            categories.append(id)
            channels.append(Channel(id: id, type: .guildCategory, guildID: guild, name: rng.pick(vocabulary),
                                    position: rng.int(0...5)))
        }
        for _ in 0..<rng.int(0...6) {
            let voice = rng.chance(0.3)
            let name = rng.pick(vocabulary)
            channels.append(Channel(
                id: junkID(), type: voice ? .guildVoice : .guildText, guildID: guild,
                name: voice ? name : name.lowercased().replacingOccurrences(of: " ", with: "-"),
                topic: rng.chance(0.5) ? "junk" : nil, position: rng.int(0...5),
                parentID: rng.chance(0.6) && !categories.isEmpty ? rng.pick(categories) : nil,
                permissionOverwrites: rng.chance(0.5) ? [PermissionOverwrite(id: guild, type: .role, deny: .viewChannel)] : nil))
        }
        var threads: [Channel] = []
        var threadMembers: [Snowflake: [Snowflake]] = [:]
        let texts = channels.filter { $0.type == .guildText }.map(\.id)
        for _ in 0..<(texts.isEmpty ? 0 : rng.int(0...3)) {
            let id = junkID()
            threads.append(Channel(
                id: id, type: rng.chance(0.5) ? .privateThread : .publicThread, guildID: guild,
                name: rng.pick(vocabulary), parentID: rng.pick(texts),
                threadMetadata: ThreadMetadata(archived: rng.chance(0.3), autoArchiveDuration: 1440, locked: false)))
            threadMembers[id] = rng.subset(users, 0.3)
        }
        return GuildSnapshot(guildID: guild, ownerID: 901, channels: channels, roles: roles, threads: threads,
                             threadMembers: threadMembers, members: members, botUserID: bot)
    }

    // MARK: desired

    mutating func desired() -> DesiredGuild {
        var result = DesiredGuild(guildID: guild)
        for i in 0..<rng.int(0...5) { result.roles.append(role("r/\(i)")) }
        for i in 0..<rng.int(0...3) { result.channels.append(category("c/\(i)", roles: result.roles)) }
        for i in 0..<rng.int(0...8) {
            result.channels.append(channel("ch/\(i)", categories: result.channels.filter { $0.kind == .category },
                                           roles: result.roles))
        }
        for i in 0..<rng.int(0...4) { if let t = thread("t/\(i)", result) { result.threads.append(t) } }
        for i in 0..<rng.int(0...3) { if let m = message("m/\(i)", result) { result.messages.append(m) } }
        result.policy = policy()
        return BotAccess.ensure(result, bot: bot)  // as compile does
    }

    private mutating func role(_ key: String) -> DesiredRole {
        DesiredRole(key: ResourceKey(key), name: rng.pick(vocabulary), color: rng.pick([0, 0x3498DB, 0xE67E22]),
                    hoist: rng.chance(0.3), mentionable: rng.chance(0.5), permissions: permissions(),
                    members: rng.subset(users + strangers, 0.3), group: "Series \(rng.int(1...2))")
    }

    private mutating func overwrites(_ roles: [DesiredRole]) -> [DesiredOverwrite] {
        var result: [DesiredOverwrite] = []
        if rng.chance(0.5) { result.append(DesiredOverwrite(target: .everyone, deny: permissions())) }
        if !roles.isEmpty, rng.chance(0.6) {
            result.append(DesiredOverwrite(target: .managedRole(rng.pick(roles).key), allow: permissions()))
        }
        if rng.chance(0.2) { result.append(DesiredOverwrite(target: .role(adminRole), allow: .viewChannel)) }
        if rng.chance(0.1) { result.append(DesiredOverwrite(target: .member(rng.pick(users)), allow: .viewChannel)) }
        return result
    }

    private mutating func category(_ key: String, roles: [DesiredRole]) -> DesiredChannel {
        DesiredChannel(key: ResourceKey(key), kind: .category, name: rng.pick(vocabulary),
                       overwrites: overwrites(roles), group: "Series \(rng.int(1...2))")
    }

    private mutating func channel(_ key: String, categories: [DesiredChannel], roles: [DesiredRole]) -> DesiredChannel {
        let voice = rng.chance(0.3)
        return DesiredChannel(
            key: ResourceKey(key), kind: voice ? .voice : .text, name: rng.pick(vocabulary),
            topic: voice ? nil : rng.pick([nil, "", "Race talk", "News"]),
            parent: categories.isEmpty || rng.chance(0.3) ? nil : rng.pick(categories).key,
            overwrites: overwrites(roles), userLimit: voice ? rng.pick([nil, 0, 5]) : nil,
            group: "Series \(rng.int(1...2))")
    }

    private mutating func thread(_ key: String, _ guild: DesiredGuild) -> DesiredThread? {
        let texts = guild.channels.filter { $0.kind == .text }
        guard !texts.isEmpty else { return nil }
        return DesiredThread(
            key: ResourceKey(key), name: rng.pick(vocabulary), parent: rng.pick(texts).key,
            isPrivate: rng.chance(0.5), members: rng.subset(users + strangers, 0.3), archived: rng.chance(0.15),
            locked: rng.chance(0.2), autoArchiveMinutes: rng.pick([60, 1440, 4320, 10080]))
    }

    private mutating func message(_ key: String, _ guild: DesiredGuild) -> DesiredMessage? {
        let targets = guild.channels.filter { $0.kind == .text }.map(\.key) + guild.threads.map(\.key)
        guard !targets.isEmpty else { return nil }
        return DesiredMessage(
            key: ResourceKey(key), channel: rng.pick(targets), content: rng.pick(["Signups open", "Lineup", "Go"]),
            embeds: rng.chance(0.5) ? [Embed(title: rng.pick(["Spa", "Monza"]))] : [], pinned: rng.chance(0.5))
    }

    private mutating func policy() -> GuildPolicy {
        var protect: [ProtectRule] = []
        if rng.chance(0.2) { protect.append(ProtectRule(kind: .channel, name: rng.pick(vocabulary))) }
        if rng.chance(0.2) { protect.append(ProtectRule(kind: .role, name: rng.pick(vocabulary))) }
        return GuildPolicy(
            protect: protect,
            orphans: OrphanPolicy(
                textChannels: rng.chance(0.5) ? .keep : .remove, voiceChannels: rng.chance(0.5) ? .keep : .remove,
                categories: rng.chance(0.5) ? .keep : .remove, roles: rng.chance(0.5) ? .keep : .remove,
                threads: rng.chance(0.5) ? .keep : .remove, messages: rng.chance(0.5) ? .keep : .remove),
            maxDestroyFraction: 1.0, adminRoles: [adminRole])
    }

    // MARK: evolution and drift

    /// The next layout: some resources dropped (some retired), renamed, moved, reordered,
    /// archived, and a few new ones; references kept consistent.
    mutating func evolve(_ old: DesiredGuild) -> DesiredGuild {
        var next = old
        let droppedRoles = Set(rng.subset(next.roles.map(\.key), 0.2))
        next.roles.removeAll { droppedRoles.contains($0.key) }
        for i in next.roles.indices where rng.chance(0.2) { next.roles[i].name = rng.pick(vocabulary) }
        for i in next.roles.indices where rng.chance(0.3) { next.roles[i].members = rng.subset(users + strangers, 0.3) }
        let droppedChannels = Set(rng.subset(next.channels.map(\.key), 0.2))
        next.channels.removeAll { droppedChannels.contains($0.key) }
        let categories = next.channels.filter { $0.kind == .category }
        for i in next.channels.indices {
            next.channels[i].overwrites.removeAll {
                if case .managedRole(let key) = $0.target { return droppedRoles.contains(key) }
                return false
            }
            if let parent = next.channels[i].parent, droppedChannels.contains(parent) { next.channels[i].parent = nil }
            if rng.chance(0.15) { next.channels[i].name = rng.pick(vocabulary) }
            if next.channels[i].kind == .text, rng.chance(0.15) { next.channels[i].topic = rng.pick([nil, "New topic"]) }
            if next.channels[i].kind != .category, rng.chance(0.15) {
                next.channels[i].parent = categories.isEmpty || rng.chance(0.3) ? nil : rng.pick(categories).key
            }
        }
        if rng.chance(0.3) {
            // Reorder the non-category channels (categories stay first, before their children).
            let cats = next.channels.filter { $0.kind == .category }
            next.channels = cats + next.channels.filter { $0.kind != .category }.shuffled(using: &rng)
        }
        next.threads.removeAll { droppedChannels.contains($0.parent) || rng.chance(0.2) }
        for i in next.threads.indices where rng.chance(0.2) { next.threads[i].archived.toggle() }
        for i in next.threads.indices where rng.chance(0.2) { next.threads[i].members = rng.subset(users, 0.3) }
        let threadKeys = Set(next.threads.map(\.key))
        let channelKeys = Set(next.channels.map(\.key))
        next.messages.removeAll { !(threadKeys.contains($0.channel) || channelKeys.contains($0.channel)) || rng.chance(0.2) }
        for i in next.messages.indices where rng.chance(0.3) { next.messages[i].content = "Edited" }
        for i in next.messages.indices where rng.chance(0.2) { next.messages[i].pinned.toggle() }
        for i in 0..<rng.int(0...2) {
            next.channels.append(channel("new/ch/\(i)", categories: categories, roles: next.roles))
        }
        let gone = Set(old.roles.map(\.key) + old.channels.map(\.key) + old.threads.map(\.key) + old.messages.map(\.key))
            .subtracting(next.roles.map(\.key) + next.channels.map(\.key) + next.threads.map(\.key) + next.messages.map(\.key))
        next.retired = rng.subset(gone.sorted(), 0.5)
        return BotAccess.ensure(next, bot: bot)
    }

    /// Out-of-band edits to a guild, as admins and other bots make them.
    mutating func drift(_ snapshot: inout GuildSnapshot) {
        if !snapshot.channels.isEmpty, rng.chance(0.3) {
            let i = rng.int(0...(snapshot.channels.count - 1))
            let id = snapshot.channels[i].id
            snapshot.channels.remove(at: i)
            for j in snapshot.channels.indices where snapshot.channels[j].parentID == id { snapshot.channels[j].parentID = nil }
            let gone = Set(snapshot.threads.filter { $0.parentID == id }.map(\.id))
            snapshot.threads.removeAll { gone.contains($0.id) }
            snapshot.messages = snapshot.messages.filter { $0.value.channelID != id && !gone.contains($0.value.channelID) }
        }
        for i in snapshot.channels.indices {
            if rng.chance(0.1) { snapshot.channels[i].name = rng.pick(vocabulary) }
            if rng.chance(0.1) { snapshot.channels[i].topic = rng.pick([nil, "", "vandalised"]) }
            if rng.chance(0.1) { snapshot.channels[i].position = rng.int(0...9) }
            if rng.chance(0.1) {
                snapshot.channels[i].permissionOverwrites = [
                    PermissionOverwrite(id: guild, type: .role, allow: permissions(), deny: permissions())]
            }
            if rng.chance(0.05), snapshot.channels[i].type != .guildCategory { snapshot.channels[i].parentID = nil }
            if rng.chance(0.05) {
                // An overwrite with nothing in it is not a difference.
                snapshot.channels[i].permissionOverwrites = (snapshot.channels[i].permissionOverwrites ?? [])
                    + [PermissionOverwrite(id: users[0], type: .member)]
            }
        }
        let deletable = snapshot.roles.filter { $0.id != guild && !$0.managed && $0.id != adminRole }
        if !deletable.isEmpty, rng.chance(0.2) {
            let id = rng.pick(deletable).id
            snapshot.roles.removeAll { $0.id == id }
            for i in snapshot.members.indices { snapshot.members[i].roles.removeAll { $0 == id } }
            for i in snapshot.channels.indices { snapshot.channels[i].permissionOverwrites?.removeAll { $0.id == id } }
        }
        for i in snapshot.roles.indices where snapshot.roles[i].id != guild && rng.chance(0.1) {
            snapshot.roles[i].name = rng.pick(vocabulary)
        }
        let roleIDs = snapshot.roles.filter { $0.id != guild && !$0.managed }.map(\.id)
        for i in snapshot.members.indices where snapshot.members[i].user?.id != bot && rng.chance(0.2) && !roleIDs.isEmpty {
            let role = rng.pick(roleIDs)
            if snapshot.members[i].roles.contains(role) {
                snapshot.members[i].roles.removeAll { $0 == role }
            } else {
                snapshot.members[i].roles.append(role)
            }
        }
        for i in snapshot.threads.indices where rng.chance(0.15) {
            snapshot.threads[i].threadMetadata?.archived.toggle()
        }
        for (thread, members) in snapshot.threadMembers where rng.chance(0.3) {
            snapshot.threadMembers[thread] = rng.chance(0.5) ? Array(members.dropFirst()) : members + [rng.pick(users)]
        }
        for (id, _) in snapshot.messages where rng.chance(0.2) {
            if rng.chance(0.5) { snapshot.messages[id]?.content = "vandalised" } else { snapshot.messages[id]?.pinned.toggle() }
        }
    }
}
