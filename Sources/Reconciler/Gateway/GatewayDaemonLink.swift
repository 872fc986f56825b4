import DiscordTypes
import Foundation
import Logging

/// Connects gateway events to the daemon: a trigger on a guild becomes a `requestPass` of
/// every club reconciling that guild. Member joins and leaves ask for a pass at once (a
/// join also syncs members first); drift waits `debounce`, so a burst is one pass.
public struct GatewayDaemonLink: Sendable {
    public let loop: ReconcileLoop<ClubDriver>
    public let reconcilers: ClubReconcilers
    public let debounce: TimeInterval
    let now: @Sendable () -> Date
    let logger: Logger
    /// Logs, once per guild, that a guild the bot is in has no club configured.
    public let unconfigured: UnconfiguredGuildNotices

    public init(loop: ReconcileLoop<ClubDriver>, reconcilers: ClubReconcilers, debounce: TimeInterval = 2,
                now: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.loop = loop
        self.reconcilers = reconcilers
        self.debounce = debounce
        self.now = now
        self.logger = logger
        self.unconfigured = UnconfiguredGuildNotices(logger: logger)
    }

    /// Routes one trigger (`GatewayFeed`'s `onTrigger`).
    public func handle(guild: Snowflake, trigger: GatewayTrigger) async {
        let clubs = await reconcilers.clubs(in: guild)
        guard !clubs.isEmpty else {
            // A configured club that has not run its first pass yet gets it anyway; a guild
            // no configuration names is reported, and reconciled once one does (a reload
            // makes that club due at once).
            if case .guildAvailable = trigger, let configured = await loop.configuredGuilds(), !configured.contains(guild) {
                let name = await reconcilers.gatewayCache?.guild(guild)?.name
                await unconfigured.notice(guild: guild, name: name)
            }
            return
        }
        let at = now().addingTimeInterval(trigger.isMemberEvent ? 0 : debounce)
        for club in clubs {
            if case .memberJoined = trigger { await reconcilers.memberJoined(club: club) }
            logger.debug("gateway event", metadata: ["club": "\(club)", "event": "\(trigger)"])
            await loop.requestPass(club, reason: .gatewayEvent(trigger.description), at: at)
        }
    }
}
