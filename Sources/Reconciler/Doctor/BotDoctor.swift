import Discord
import DiscordTypes
import Spec

/// Fetches what `BotCheckup` judges: the bot's user and member entry, the guild's roles, and
/// whether members can be listed (four GETs), plus the roles we manage from the state store.
public struct BotDoctor: Sendable {
    public let client: DiscordClient
    public let store: any StateStore

    public init(client: DiscordClient, store: any StateStore) {
        self.client = client
        self.store = store
    }

    public func examine(_ config: ClubConfig) async throws -> BotCheckup {
        let guildID = config.settings.discord.guildID
        let guild = try await client.guild(guildID)
        let me = try await client.currentUser()
        let roles = try await client.roles(in: guildID)
        let bot = try await client.member(in: guildID, userID: me.id)
        var membersListable = true
        do {
            _ = try await client.members(in: guildID, limit: 1, after: nil)
        } catch let error as DiscordError where error.status == 403 || error.code == 50001 {
            membersListable = false
        }
        let ownership = try await store.ownership(guild: guildID)
        var managedRoles: [Snowflake: ResourceKey] = [:]
        for (key, entry) in ownership.entries where entry.kind == .role { managedRoles[entry.id] = key }
        return BotCheckup.judge(
            guildID: guildID, ownerID: guild.ownerID, roles: roles, bot: bot, botUserID: me.id,
            managedRoles: managedRoles, adminRoles: config.settings.discord.adminRoles,
            membersListable: membersListable)
    }
}
