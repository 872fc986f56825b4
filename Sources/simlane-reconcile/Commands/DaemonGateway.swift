import Discord
import Foundation
import Logging
import Reconciler

/// `run --gateway`: connects the daemon's Discord client to the gateway (`GatewayFeed`),
/// plans from its live cache and lets its events ask for passes (`GatewayDaemonLink`).
enum DaemonGateway {
    struct Options: Sendable {
        var textCommands: Bool
        var clubs: [ClubSource]
        var logger: Logger
    }

    /// Starts the gateway for `loop` when asked and possible; returns how to stop it.
    static func start<D>(_ options: Options?, loop: ReconcileLoop<D>, reconcilers: ClubReconcilers) async
        -> (@Sendable () async -> Void)
    {
        guard let options else { return {} }
        guard let loop = loop as? ReconcileLoop<ClubDriver> else { return {} }
        guard case .discord(let client) = reconcilers.target else {
            options.logger.warning("--gateway needs a bot token (DISCORD_BOT_TOKEN); the sandbox daemon keeps polling")
            return {}
        }
        let logger = options.logger
        let cache = GatewayCache(logger: logger)
        await reconcilers.attach(gateway: cache)
        let link = GatewayDaemonLink(loop: loop, reconcilers: reconcilers, logger: logger)
        let commands = options.textCommands
            ? TextCommandResponder(client: client, clubs: options.clubs, reconcilers: reconcilers, logger: logger) : nil
        let token = client.configuration.token.withRawValue { $0 }
        let feed: GatewayFeed
        do {
            feed = try await GatewayFeed.make(
                client: client, token: token, memberSync: true, textCommands: options.textCommands, cache: cache,
                logger: logger, onTrigger: { await link.handle(guild: $0, trigger: $1) },
                onMessage: { guild, message in await commands?.handle(guild: guild, message: message) })
        } catch {
            logger.error("could not reach the gateway (GET /gateway/bot); the daemon keeps polling",
                         metadata: ["error": "\(error)"])
            return {}
        }
        if let commands { await commands.attach(feed: feed) }
        await feed.start()
        logger.info("gateway enabled", metadata: ["text_commands": "\(options.textCommands)"])
        return { await feed.stop() }
    }
}
