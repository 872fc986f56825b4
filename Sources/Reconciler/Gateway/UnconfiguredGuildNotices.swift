import DiscordTypes
import Logging

/// The notice for a guild the bot is in that no club is configured for (its GUILD_CREATE):
/// logged once per guild per process, naming the guild and how to link it. Linking is a
/// configuration change (`init --guild-id`, or `serve`'s OAuth link flow, docs/api.md); the
/// daemon reloads it (file change, SIGHUP, `serve` PUT settings) and reconciles at once.
public actor UnconfiguredGuildNotices {
    private var noticed: Set<Snowflake> = []
    let logger: Logger

    public init(logger: Logger) { self.logger = logger }

    /// Logs the notice for `guild` unless it was logged before; true when it was logged now.
    @discardableResult
    public func notice(guild: Snowflake, name: String?) -> Bool {
        guard noticed.insert(guild).inserted else { return false }
        logger.notice(
            "the bot is in a guild no club is configured for; link it with `simlane-reconcile init --guild-id \(guild)` (or serve's OAuth link flow, docs/api.md) and the daemon reconciles it once the configuration names it",
            metadata: ["guild": "\(guild)", "name": "\(name ?? "(unknown)")"])
        return true
    }

    /// Guilds noticed so far.
    public func noticedGuilds() -> Set<Snowflake> { noticed }
}
