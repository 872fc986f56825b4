import Discord
import DiscordTypes
import Foundation
import Gateway
import Logging

/// Runs the gateway session for the daemon: every event goes into the `GatewayCache`, and
/// events that matter to a club (`GatewayTrigger`) are handed to `onTrigger`, which asks
/// the loop for a pass. Text commands, when enabled, go to `onMessage`.
///
/// A fatal close (bad token, disallowed intents) stops the feed with a logged error; the
/// daemon keeps polling (with the gateway down, polling still converges).
public actor GatewayFeed {
    public let cache: GatewayCache
    let session: GatewaySession
    let logger: Logger
    let onTrigger: @Sendable (Snowflake, GatewayTrigger) async -> Void
    let onMessage: @Sendable (Snowflake?, Message) async -> Void
    var task: Task<Void, Never>?
    /// Why the feed stopped for good, when it did.
    public private(set) var failure: GatewayError?
    /// Events fully handled (cache updated, trigger delivered).
    public private(set) var handled = 0

    public init(session: GatewaySession, cache: GatewayCache, logger: Logger,
                onTrigger: @escaping @Sendable (Snowflake, GatewayTrigger) async -> Void,
                onMessage: @escaping @Sendable (Snowflake?, Message) async -> Void = { _, _ in }) {
        self.session = session
        self.cache = cache
        self.logger = logger
        self.onTrigger = onTrigger
        self.onMessage = onMessage
    }

    /// The feed for `client`'s bot: intents for the enabled features, `/gateway/bot` from
    /// the client, WebSocket transport.
    public static func make(client: DiscordClient, token: String, memberSync: Bool, textCommands: Bool,
                            cache: GatewayCache, logger: Logger,
                            onTrigger: @escaping @Sendable (Snowflake, GatewayTrigger) async -> Void,
                            onMessage: @escaping @Sendable (Snowflake?, Message) async -> Void = { _, _ in }) -> GatewayFeed {
        let session = GatewaySession(
            configuration: GatewayConfiguration(
                token: token, intents: .needed(memberSync: memberSync, textCommands: textCommands)),
            transport: WebSocketGatewayTransport(logger: logger),
            gatewayInfo: { try await client.gatewayBot() }, logger: logger)
        return GatewayFeed(session: session, cache: cache, logger: logger, onTrigger: onTrigger, onMessage: onMessage)
    }

    /// Starts the session in the background.
    public func start() {
        guard task == nil else { return }
        let session = self.session
        task = Task {
            do {
                try await session.run(onEvent: { event in await self.handle(event) },
                                      onDisconnect: { await self.cache.connectionLost() })
            } catch let error as GatewayError {
                self.failed(error)
            } catch {
                self.logger.error("gateway stopped", metadata: ["error": "\(error)"])
            }
            await self.cache.disconnected()
        }
    }

    func failed(_ error: GatewayError) {
        failure = error
        logger.error("gateway stopped; the daemon keeps polling", metadata: ["error": "\(error)"])
    }

    func handle(_ event: GatewayEvent) async {
        if case .ready = event { logger.info("gateway connected") }
        if let (guild, trigger) = await cache.apply(event) {
            await onTrigger(guild, trigger)
        }
        if case .messageCreate(let guild, let message) = event { await onMessage(guild, message) }
        handled += 1
    }

    /// Stops the session and waits for it.
    public func stop() async {
        await session.stop()
        await task?.value
        task = nil
    }

    /// The session's counters (connections, resumes, heartbeats, latency).
    public func sessionStats() async -> GatewaySessionStats { await session.currentStats() }
}
