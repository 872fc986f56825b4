import Foundation

/// Discord's OAuth2 authorisation URL that adds a bot to one guild with a permission set
/// (DISCORD.md §6, topics/oauth2.mdx): scopes `bot applications.commands`, the guild
/// pre-selected and locked (`guild_id`, `disable_guild_select=true`).
public struct BotInviteURL: Hashable, Sendable {
    public var applicationID: Snowflake
    public var guildID: Snowflake?
    public var permissions: Permissions

    public init(applicationID: Snowflake, guildID: Snowflake?, permissions: Permissions) {
        self.applicationID = applicationID
        self.guildID = guildID
        self.permissions = permissions
    }

    /// The URL as a string, parameters in a fixed order.
    public var string: String {
        var url = "https://discord.com/oauth2/authorize?client_id=\(applicationID)"
            + "&scope=bot%20applications.commands&permissions=\(permissions.rawValue)"
        if let guildID { url += "&guild_id=\(guildID)&disable_guild_select=true" }
        return url
    }
}
