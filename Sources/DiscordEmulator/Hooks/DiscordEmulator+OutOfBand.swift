import DiscordTypes
import Foundation

/// Changes a human admin makes in Discord's UI behind the reconciler's back. They bypass
/// authentication, permissions and rate limits and are not logged as requests.
extension DiscordEmulator {
    private func guildID(ofChannel id: Snowflake) throws -> Snowflake {
        guard let guildID = state.guildID(ofChannel: id) else { throw EmulatorError.unknownChannel(id) }
        return guildID
    }

    private func mutateChannel(_ id: Snowflake, _ change: (inout EmulatedChannel) -> Void) throws {
        let guildID = try guildID(ofChannel: id)
        change(&state.guilds[guildID]!.channels[id]!)
        saveQuietly()
    }

    /// Sets a guild's features and Server Boost level, as Discord does when a guild turns
    /// Community on or gains boosts.
    public func adminSetGuildFeatures(_ features: [String], premiumTier: Int? = nil, in guildID: Snowflake) throws {
        guard state.guilds[guildID] != nil else { throw EmulatorError.unknownGuild(guildID) }
        state.guilds[guildID]!.features = features
        if let premiumTier { state.guilds[guildID]!.premiumTier = premiumTier }
        saveQuietly()
    }

    /// Deletes a channel (a category's children keep existing without a parent).
    public func adminDeleteChannel(_ id: Snowflake) throws {
        removeChannel(id, from: try guildID(ofChannel: id))
        saveQuietly()
    }

    /// Renames a channel (applying Discord's name normalisation).
    public func adminRenameChannel(_ id: Snowflake, to name: String) throws {
        try mutateChannel(id) { $0.name = EmulatorNormalization.channelName(name, type: $0.type) }
    }

    /// Sets a channel's topic.
    public func adminSetTopic(_ id: Snowflake, to topic: String?) throws {
        try mutateChannel(id) { $0.topic = topic }
    }

    /// Adds or replaces an overwrite on a channel.
    public func adminSetOverwrite(_ overwrite: PermissionOverwrite, on channelID: Snowflake) throws {
        try mutateChannel(channelID) { channel in
            channel.overwrites.removeAll { $0.id == overwrite.id }
            channel.overwrites.append(overwrite)
        }
    }

    /// Removes the overwrite for `targetID` from a channel.
    public func adminRemoveOverwrite(_ targetID: Snowflake, from channelID: Snowflake) throws {
        try mutateChannel(channelID) { $0.overwrites.removeAll { $0.id == targetID } }
    }

    /// Moves a channel to another category (nil: top level) and/or position.
    public func adminMoveChannel(_ id: Snowflake, parent: Snowflake?, position: Int? = nil) throws {
        try mutateChannel(id) { channel in
            channel.parentID = parent
            if let position { channel.position = position }
        }
    }

    /// Archives (and optionally locks) or unarchives a thread.
    public func adminSetThreadState(_ id: Snowflake, archived: Bool, locked: Bool? = nil) throws {
        let now = self.now
        try mutateChannel(id) { thread in
            thread.archived = archived
            thread.archiveTimestamp = now
            if let locked { thread.locked = locked }
        }
    }

    /// Removes a user from a thread.
    public func adminRemoveThreadMember(_ userID: Snowflake, from threadID: Snowflake) throws {
        try mutateChannel(threadID) { $0.threadMembers[userID] = nil }
    }

    /// Adds a user to a thread.
    public func adminAddThreadMember(_ userID: Snowflake, to threadID: Snowflake) throws {
        let now = self.now
        try mutateChannel(threadID) { $0.threadMembers[userID] = now }
    }

    /// Creates a channel (junk a human adds) and returns its id.
    @discardableResult
    public func adminCreateChannel(in guildID: Snowflake, name: String, type: ChannelType = .guildText,
                                   parent: Snowflake? = nil, overwrites: [PermissionOverwrite] = []) throws -> Snowflake {
        guard state.guilds[guildID] != nil else { throw EmulatorError.unknownGuild(guildID) }
        var channel = EmulatedChannel(id: state.nextID(at: now), type: type, guildID: guildID,
                                      name: EmulatorNormalization.channelName(name, type: type))
        channel.position = state.guilds[guildID]!.guildChannels.count
        channel.parentID = parent
        channel.overwrites = overwrites
        if type.isThread { channel.createTimestamp = now }
        state.guilds[guildID]!.channels[channel.id] = channel
        saveQuietly()
        return channel.id
    }

    /// Creates a role at `position` (default 1, just above `@everyone`) and returns its id.
    @discardableResult
    public func adminCreateRole(in guildID: Snowflake, name: String, permissions: Permissions = [],
                                position: Int = 1, managed: Bool = false) throws -> Snowflake {
        guard var guild = state.guilds[guildID] else { throw EmulatorError.unknownGuild(guildID) }
        let role = EmulatedRole(id: state.nextID(at: now), name: name, position: position, permissions: permissions, managed: managed)
        for id in guild.roles.keys where id != guildID && guild.roles[id]!.position >= position { guild.roles[id]!.position += 1 }
        guild.roles[role.id] = role
        state.guilds[guildID] = guild
        saveQuietly()
        return role.id
    }

    /// Edits a role's name and/or permissions.
    public func adminEditRole(_ roleID: Snowflake, in guildID: Snowflake, name: String? = nil, permissions: Permissions? = nil) throws {
        guard state.guilds[guildID]?.roles[roleID] != nil else { throw EmulatorError.unknownRole(roleID) }
        if let name { state.guilds[guildID]!.roles[roleID]!.name = name }
        if let permissions { state.guilds[guildID]!.roles[roleID]!.permissions = permissions }
        saveQuietly()
    }

    /// Moves a role to `position`, shifting the others.
    public func adminMoveRole(_ roleID: Snowflake, in guildID: Snowflake, to position: Int) throws {
        guard let guild = state.guilds[guildID], guild.roles[roleID] != nil else { throw EmulatorError.unknownRole(roleID) }
        state.guilds[guildID]!.roles = Self.reorder(guild.roles, everyone: guildID, moves: [(roleID, position)])
        saveQuietly()
    }

    /// Deletes a role (members lose it; overwrites naming it go).
    public func adminDeleteRole(_ roleID: Snowflake, in guildID: Snowflake) throws {
        guard state.guilds[guildID]?.roles[roleID] != nil else { throw EmulatorError.unknownRole(roleID) }
        removeRole(roleID, from: guildID)
        saveQuietly()
    }

    /// Gives a member a role.
    public func adminAddMemberRole(_ roleID: Snowflake, to userID: Snowflake, in guildID: Snowflake) throws {
        guard state.guilds[guildID]?.members[userID] != nil else { throw EmulatorError.unknownMember(userID) }
        guard state.guilds[guildID]?.roles[roleID] != nil else { throw EmulatorError.unknownRole(roleID) }
        if !state.guilds[guildID]!.members[userID]!.roles.contains(roleID) {
            state.guilds[guildID]!.members[userID]!.roles.append(roleID)
        }
        saveQuietly()
    }

    /// Takes a role from a member.
    public func adminRemoveMemberRole(_ roleID: Snowflake, from userID: Snowflake, in guildID: Snowflake) throws {
        guard state.guilds[guildID]?.members[userID] != nil else { throw EmulatorError.unknownMember(userID) }
        state.guilds[guildID]!.members[userID]!.roles.removeAll { $0 == roleID }
        saveQuietly()
    }

    /// Removes a member from the guild (they left or were kicked).
    public func adminRemoveMember(_ userID: Snowflake, from guildID: Snowflake) throws {
        guard state.guilds[guildID]?.members[userID] != nil else { throw EmulatorError.unknownMember(userID) }
        state.guilds[guildID]!.members[userID] = nil
        saveQuietly()
    }

    /// Deletes a message (e.g. a moderator removed the signup post).
    public func adminDeleteMessage(_ messageID: Snowflake, in guildID: Snowflake) throws {
        guard state.guilds[guildID] != nil else { throw EmulatorError.unknownGuild(guildID) }
        state.guilds[guildID]!.messages[messageID] = nil
        saveQuietly()
    }

    /// Posts a message as `authorID` (a human), returning its id.
    @discardableResult
    public func adminPostMessage(in channelID: Snowflake, content: String, authorID: Snowflake) throws -> Snowflake {
        let guildID = try guildID(ofChannel: channelID)
        ensureUser(authorID)
        let message = EmulatedMessage(id: state.nextID(at: now), channelID: channelID, authorID: authorID, content: content, timestamp: now)
        state.guilds[guildID]!.messages[message.id] = message
        state.guilds[guildID]!.channels[channelID]!.lastMessageID = message.id
        if state.guilds[guildID]!.channels[channelID]!.isThread {
            state.guilds[guildID]!.channels[channelID]!.messageCount += 1
        }
        saveQuietly()
        return message.id
    }
}
