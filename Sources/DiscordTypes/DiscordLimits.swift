/// Discord's hard limits on a guild's layout (DISCORD.md §4): stated once, used by
/// validation, the planner's pre-flight checks and `doctor`.
public enum DiscordLimits {
    /// Channels per guild, categories included, threads not (30013).
    public static let channelsPerGuild = 500
    /// Channels inside one category.
    public static let channelsPerCategory = 50
    /// Roles per guild, `@everyone` included (30005).
    public static let rolesPerGuild = 250
    /// Share of a limit above which `doctor` warns that little room is left.
    public static let headroomWarningShare = 0.9
}
