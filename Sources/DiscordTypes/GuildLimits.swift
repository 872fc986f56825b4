/// Discord's hard limits on what one guild holds (DISCORD.md §4), stated once for the
/// product: Spec checks the layout against them, the Planner checks the live guild plus
/// the plan, the layout splits categories by them.
public enum GuildLimits {
    /// Roles per guild, @everyone, bots' and admins' roles included (error 30005).
    public static let roles = 250
    /// Channels per guild, categories included, threads excluded (error 30013).
    public static let channels = 500
    /// Channels in one category.
    public static let channelsPerCategory = 50
    /// Share of a limit above which `plan` and `doctor` warn that little room is left.
    public static let nearShare = 0.9
}
