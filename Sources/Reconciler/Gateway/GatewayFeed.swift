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
    /// One session per shard; `sessions[i]` serves shard i.
    let sessions: [GatewaySession]
    let logger: Logger
    let onTrigger: @Sendable (Snowflake, GatewayTrigger) async -> Void
    let onMessage: @Sendable (Snowflake?, Message) async -> Void
    var task: Task<Void, Never>?
    /// Why the feed stopped for good, when it did.
    public private(set) var failure: GatewayError?
    /// Events fully handled (cache updated, trigger delivered).
    public private(set) var handled = 0

    public init(sessions: [GatewaySession], cache: GatewayCache, logger: Logger,
                onTrigger: @escaping @Sendable (Snowflake, GatewayTrigger) async -> Void,
                onMessage: @escaping @Sendable (Snowflake?, Message) async -> Void = { _, _ in }) {
        self.sessions = sessions
        self.cache = cache
        self.logger = logger
        self.onTrigger = onTrigger
        self.onMessage = onMessage
    }

    public init(session: GatewaySession, cache: GatewayCache, logger: Logger,
                onTrigger: @escaping @Sendable (Snowflake, GatewayTrigger) async -> Void,
                onMessage: @escaping @Sendable (Snowflake?, Message) async -> Void = { _, _ in }) {
        self.init(sessions: [session], cache: cache, logger: logger, onTrigger: onTrigger, onMessage: onMessage)
    }

    /// The feed for `client`'s bot: `/gateway/bot` says how many shards (one session each,
    /// identifying with `[i, n]`, spaced by `max_concurrency`), intents for the enabled
    /// features, WebSocket transport.
    public static func make(client: DiscordClient, token: String, memberSync: Bool, textCommands: Bool,
                            cache: GatewayCache, logger: Logger,
                            transport: (any GatewayTransport)? = nil,
                            onTrigger: @escaping @Sendable (Snowflake, GatewayTrigger) async -> Void,
                            onMessage: @escaping @Sendable (Snowflake?, Message) async -> Void = { _, _ in })
        async throws -> GatewayFeed
    {
        let info = try await client.gatewayBot()
        let shards = max(1, info.shards)
        let gate = IdentifyGate.discord(maxConcurrency: info.sessionStartLimit.maxConcurrency)
        let transport = transport ?? WebSocketGatewayTransport(logger: logger)
        let sessions = (0..<shards).map { shard in
            var configuration = GatewayConfiguration(
                token: token, intents: .needed(memberSync: memberSync, textCommands: textCommands),
                shard: shards > 1 ? [shard, shards] : nil)
            configuration.identifyGate = gate
            return GatewaySession(configuration: configuration, transport: transport,
                                  gatewayInfo: { try await client.gatewayBot() }, logger: logger)
        }
        if shards > 1 { logger.info("gateway sharded", metadata: ["shards": "\(shards)"]) }
        return GatewayFeed(sessions: sessions, cache: cache, logger: logger, onTrigger: onTrigger, onMessage: onMessage)
    }

    /// Starts every shard's session in the background. A fatal close on any shard stops them
    /// all (it is about the bot, not the shard): the daemon keeps polling.
    public func start() async {
        guard task == nil else { return }
        let sessions = self.sessions
        let cache = self.cache
        await cache.setShardCount(sessions.count)
        task = Task {
            await withTaskGroup(of: Void.self) { group in
                for (shard, session) in sessions.enumerated() {
                    group.addTask {
                        do {
                            try await session.run(onEvent: { event in await self.handle(event, shard: shard) },
                                                  onDisconnect: { await cache.connectionLost(shard: shard) })
                        } catch let error as GatewayError {
                            await self.failed(error)
                            for other in sessions { await other.stop() }
                        } catch {
                            self.logger.error("gateway stopped", metadata: ["error": "\(error)"])
                        }
                    }
                }
            }
            await cache.disconnected()
        }
    }

    func failed(_ error: GatewayError) {
        failure = error
        logger.error("gateway stopped; the daemon keeps polling", metadata: ["error": "\(error)"])
    }

    func handle(_ event: GatewayEvent, shard: Int = 0) async {
        if case .ready = event { logger.info("gateway connected", metadata: ["shard": "\(shard)"]) }
        if let (guild, trigger) = await cache.apply(event, shard: shard) {
            await onTrigger(guild, trigger)
        }
        if case .messageCreate(let guild, let message) = event { await onMessage(guild, message) }
        handled += 1
    }

    /// Stops every session and waits for them.
    public func stop() async {
        for session in sessions { await session.stop() }
        await task?.value
        task = nil
    }

    /// The first shard's counters (connections, resumes, heartbeats, latency).
    public func sessionStats() async -> GatewaySessionStats { await sessions[0].currentStats() }

    /// Every shard's counters, by shard.
    public func shardStats() async -> [GatewaySessionStats] {
        var all: [GatewaySessionStats] = []
        for session in sessions { all.append(await session.currentStats()) }
        return all
    }
}
