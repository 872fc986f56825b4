import DiscordTypes
import Spec

/// Lookups over one snapshot, built once per diff so every phase is linear.
struct LiveIndex {
    let channels: [Snowflake: Channel]
    let threads: [Snowflake: Channel]
    let roles: [Snowflake: Role]
    /// User id -> position in `snapshot.members`.
    let members: [Snowflake: Int]
    /// Role id -> users holding it (one pass over the members for all roles).
    let holders: [Snowflake: [Snowflake]]
    /// Every id the state store owns, and its key.
    let keyByID: [Snowflake: ResourceKey]
    /// Adoption candidates: unowned live channels by (type, comparable name, parent).
    let channelCandidates: [ChannelMatch: [Channel]]
    /// Adoption candidates: unowned, non-integration roles by name.
    let roleCandidates: [String: [Role]]
    /// Adoption candidates: unowned threads by (parent, name, private).
    let threadCandidates: [ThreadMatch: [Channel]]
    /// Adoption candidates: unowned messages the bot wrote, by channel, oldest first.
    let messageCandidates: [Snowflake: [Message]]

    struct ChannelMatch: Hashable {
        var type: ChannelType
        var name: String
        var parent: Snowflake?
    }

    struct ThreadMatch: Hashable {
        var parent: Snowflake?
        var name: String
        var isPrivate: Bool
    }

    init(snapshot: GuildSnapshot, ownership: Ownership) {
        var keyByID: [Snowflake: ResourceKey] = [:]
        for (key, entry) in ownership.entries { keyByID[entry.id] = key }
        self.keyByID = keyByID
        var channels: [Snowflake: Channel] = [:]
        var channelCandidates: [ChannelMatch: [Channel]] = [:]
        for channel in snapshot.channels {
            channels[channel.id] = channel
            guard keyByID[channel.id] == nil else { continue }
            let match = ChannelMatch(
                type: channel.type, name: DiscordName.channel(channel.name ?? "", type: channel.type),
                parent: channel.parentID)
            channelCandidates[match, default: []].append(channel)
        }
        self.channels = channels
        self.channelCandidates = channelCandidates.mapValues { $0.sorted { $0.id < $1.id } }
        var threads: [Snowflake: Channel] = [:]
        var threadCandidates: [ThreadMatch: [Channel]] = [:]
        for thread in snapshot.threads {
            threads[thread.id] = thread
            guard keyByID[thread.id] == nil else { continue }
            let match = ThreadMatch(
                parent: thread.parentID, name: thread.name ?? "", isPrivate: thread.type == .privateThread)
            threadCandidates[match, default: []].append(thread)
        }
        self.threads = threads
        self.threadCandidates = threadCandidates.mapValues { $0.sorted { $0.id < $1.id } }
        var messageCandidates: [Snowflake: [Message]] = [:]
        for message in snapshot.messages.values
        where keyByID[message.id] == nil && message.author?.id == snapshot.botUserID {
            messageCandidates[message.channelID, default: []].append(message)
        }
        self.messageCandidates = messageCandidates.mapValues { $0.sorted { $0.id < $1.id } }
        var roles: [Snowflake: Role] = [:]
        var roleCandidates: [String: [Role]] = [:]
        for role in snapshot.roles {
            roles[role.id] = role
            guard keyByID[role.id] == nil, !role.managed, role.id != snapshot.guildID else { continue }
            roleCandidates[role.name, default: []].append(role)
        }
        self.roles = roles
        self.roleCandidates = roleCandidates.mapValues { $0.sorted { $0.id < $1.id } }
        var members: [Snowflake: Int] = [:]
        var holders: [Snowflake: [Snowflake]] = [:]
        members.reserveCapacity(snapshot.members.count)
        for position in snapshot.members.indices {
            guard let id = snapshot.members[position].user?.id else { continue }
            members[id] = position
            for role in snapshot.members[position].roles { holders[role, default: []].append(id) }
        }
        self.members = members
        self.holders = holders
    }
}
