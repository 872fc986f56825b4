import DiscordTypes

extension ReconcileLoop where Driver == ClubDriver {
    /// The guilds named by the clubs' valid configurations in force (after any reload).
    /// Loads the configurations first if the loop has not started (an event may arrive
    /// before the first tick); nil while another caller is still loading them.
    public func configuredGuilds() async -> Set<Snowflake>? {
        await start(at: now())
        guard state == .running || state == .stopping else { return nil }
        return Set(clubs.values.compactMap { $0.config?.settings.discord.guildID })
    }
}
