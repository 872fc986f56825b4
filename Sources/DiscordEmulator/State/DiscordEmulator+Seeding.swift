import DiscordTypes
import Foundation

/// Seeding: guilds, bots and members for tests and the sandbox.
extension DiscordEmulator {
    /// Registers a bot token (idempotent); its user id doubles as its application id.
    public func registerBot(_ bot: BotIdentity) {
        state.users[bot.id] = EmulatedUser(id: bot.id, username: bot.username, bot: true)
        state.tokens[bot.token] = bot.id
        state.noteID(bot.id)
    }

    /// Creates (or replaces) a guild as described by `seed` and returns the ids it got.
    @discardableResult
    public func seedGuild(_ seed: GuildSeed) -> SeededGuild {
        let now = self.now
        registerBot(seed.bot)
        let guildID = seed.id ?? state.nextID(at: now)
        state.noteID(guildID)
        var guild = EmulatedGuild(id: guildID, name: seed.name, ownerID: seed.ownerID, membersIntent: seed.membersIntent)
        guild.features = seed.features
        guild.premiumTier = seed.premiumTier
        ensureUser(seed.ownerID)
        guild.roles[guildID] = EmulatedRole(id: guildID, name: "@everyone", position: 0, permissions: seed.everyonePermissions)

        var roleIDs: [String: Snowflake] = [:]
        var position = 1
        func addRole(_ roleSeed: RoleSeed) {
            let id = roleSeed.id ?? state.nextID(at: now)
            state.noteID(id)
            guild.roles[id] = EmulatedRole(id: id, name: roleSeed.name, position: position,
                                           permissions: roleSeed.permissions, managed: roleSeed.managed)
            roleIDs[roleSeed.name] = id
            position += 1
        }
        for roleSeed in seed.roles where !roleSeed.aboveBot { addRole(roleSeed) }
        let botRoleID = state.nextID(at: now)
        guild.roles[botRoleID] = EmulatedRole(
            id: botRoleID, name: seed.botRoleName, position: position, permissions: seed.botPermissions,
            managed: seed.botRoleManaged, botID: seed.botRoleManaged ? seed.bot.id : nil)
        position += 1
        for roleSeed in seed.roles where roleSeed.aboveBot { addRole(roleSeed) }

        guild.members[seed.ownerID] = EmulatedMember(userID: seed.ownerID, joinedAt: now)
        guild.members[seed.bot.id] = EmulatedMember(userID: seed.bot.id, roles: [botRoleID], joinedAt: now)
        for userID in seed.memberIDs where guild.members[userID] == nil {
            ensureUser(userID)
            guild.members[userID] = EmulatedMember(userID: userID, joinedAt: now)
        }
        for roleSeed in seed.roles {
            guard let roleID = roleIDs[roleSeed.name] else { continue }
            for userID in roleSeed.memberIDs {
                ensureUser(userID)
                if guild.members[userID] == nil { guild.members[userID] = EmulatedMember(userID: userID, joinedAt: now) }
                if !guild.members[userID]!.roles.contains(roleID) { guild.members[userID]!.roles.append(roleID) }
            }
        }

        var channelIDs: [String: Snowflake] = [:]
        for (index, channelSeed) in seed.channels.enumerated() {
            let id = channelSeed.id ?? state.nextID(at: now)
            state.noteID(id)
            var channel = EmulatedChannel(id: id, type: channelSeed.type, guildID: guildID,
                                          name: EmulatorNormalization.channelName(channelSeed.name, type: channelSeed.type), position: index)
            channel.parentID = channelSeed.parent.flatMap { channelIDs[$0] }
            channel.topic = channelSeed.topic
            channel.overwrites = channelSeed.overwrites
            guild.channels[id] = channel
            channelIDs[channelSeed.name] = id
        }
        state.guilds[guildID] = guild
        saveQuietly()
        return SeededGuild(guildID: guildID, botRoleID: botRoleID, bot: seed.bot, roleIDs: roleIDs, channelIDs: channelIDs)
    }

    /// Adds users as members of `guildID` (ids not yet known become users named `user<id>`).
    public func addMembers(_ userIDs: [Snowflake], to guildID: Snowflake, roles: [Snowflake] = []) throws {
        guard state.guilds[guildID] != nil else { throw EmulatorError.unknownGuild(guildID) }
        let now = self.now
        for userID in userIDs {
            ensureUser(userID)
            var member = state.guilds[guildID]!.members[userID] ?? EmulatedMember(userID: userID, joinedAt: now)
            for role in roles where !member.roles.contains(role) { member.roles.append(role) }
            state.guilds[guildID]!.members[userID] = member
        }
        saveQuietly()
    }

    /// Adds or renames a user (for readable member lists).
    public func upsertUser(_ user: EmulatedUser) {
        state.users[user.id] = user
        saveQuietly()
    }

    /// Whether the emulator already holds guild `id` (e.g. loaded from the sandbox file).
    public func hasGuild(_ id: Snowflake) -> Bool { state.guilds[id] != nil }

    /// The ids of every guild the emulator holds.
    public var guildIDs: [Snowflake] { state.guilds.keys.sorted() }

    func ensureUser(_ id: Snowflake) {
        if state.users[id] == nil { state.users[id] = EmulatedUser(id: id, username: "user\(id)") }
    }
}
