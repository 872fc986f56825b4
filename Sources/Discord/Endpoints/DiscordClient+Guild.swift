import DiscordTypes

extension DiscordClient {
    /// `GET /users/@me`: the bot's own user (its id finds its member and roles).
    /// Fetched once per client and then remembered (the bot's identity cannot change).
    public func currentUser() async throws -> User {
        try await currentUserCache.value { try await self.call(Route(.currentUser)) }
    }

    /// `GET /guilds/{g}`.
    public func guild(_ guildID: Snowflake) async throws -> Guild {
        try await call(Route(.guild, guildID))
    }

    /// `GET /applications/{app}/guilds/{g}/commands`: the application's commands in the guild.
    public func guildCommands(applicationID: Snowflake, guildID: Snowflake) async throws -> [ApplicationCommand] {
        try await call(Route(.listGuildCommands, applicationID, guildID))
    }

    /// `PUT /applications/{app}/guilds/{g}/commands`: replaces all of the guild's commands.
    public func bulkOverwriteGuildCommands(
        applicationID: Snowflake, guildID: Snowflake, _ commands: [ApplicationCommandRequest],
        reason: String? = nil
    ) async throws -> [ApplicationCommand] {
        try await call(Route(.guildCommands,
                             applicationID, guildID), body: commands, reason: reason)
    }
}

extension DiscordClient {
    /// `GET /gateway/bot`: the gateway URL, recommended shards and identify budget.
    public func gatewayBot() async throws -> GatewayBotInfo {
        try await call(Route(.gatewayBot))
    }
}
