import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Logging
@testable import Gateway

/// A gateway session against the emulator on 127.0.0.1: a seeded guild, a short Hello
/// interval the test controls, fast reconnects, and every event recorded.
final class GatewayRig: Sendable {
    static let bot = BotIdentity(id: 1_300_000_000_000_000_001, token: "gateway-test-token")
    static let guildID: Snowflake = 1_300_000_000_000_000_100
    static let members: [Snowflake] = (1...3).map { Snowflake(1_300_000_000_000_001_000 + UInt64($0)) }

    let emulator: DiscordEmulator
    let server: EmulatorServer
    let client: DiscordClient
    let events = EventRecorder()

    init(heartbeatMs: Int = 60_000) async throws {
        emulator = DiscordEmulator(rateLimits: .unlimited)
        await emulator.seedGuild(GuildSeed(id: Self.guildID, bot: Self.bot, memberIDs: Self.members))
        emulator.gateway.configure { $0.heartbeatIntervalMs = heartbeatMs }
        server = try await EmulatorServer.start(emulator: emulator)
        client = DiscordClient(configuration: DiscordConfiguration(baseURL: server.baseURL, token: BotToken(Self.bot.token)!))
    }

    func session(token: String = GatewayRig.bot.token, intents: GatewayIntents = [.guilds, .guildMembers],
                 shard: [Int]? = nil, clock: any Clock<Duration> = ContinuousClock()) -> GatewaySession {
        let client = self.client
        var logger = Logger(label: "gateway-test")
        logger.logLevel = .critical
        return GatewaySession(
            configuration: GatewayConfiguration(token: token, intents: intents, shard: shard,
                                                reconnectDelay: .milliseconds(10), maxReconnectDelay: .milliseconds(50),
                                                invalidSessionDelay: .milliseconds(1)),
            transport: WebSocketGatewayTransport(logger: logger),
            gatewayInfo: { try await client.gatewayBot() }, clock: clock,
            random: SeededRandomNumberGenerator(seed: 3), logger: logger)
    }

    /// Runs `session` in the background, recording events; the task's result is how it ended.
    func run(_ session: GatewaySession) -> Task<GatewayError?, Never> {
        let events = self.events
        return Task {
            do {
                try await session.run { event in await events.append(event) }
                return nil
            } catch let error as GatewayError {
                return error
            } catch {
                return .protocolViolation("\(error)")
            }
        }
    }

    func stop() async { await server.stop() }
}

/// Events a session delivered, with waiting for a condition (woken on each event, bounded
/// by a generous timeout so a broken build fails instead of hanging).
actor EventRecorder {
    private(set) var events: [GatewayEvent] = []
    private var waiters: [Int: (condition: ([GatewayEvent]) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = [:]
    private var nextWaiter = 0

    func append(_ event: GatewayEvent) {
        events.append(event)
        for (id, waiter) in waiters where waiter.condition(events) {
            waiters[id] = nil
            waiter.continuation.resume(returning: true)
        }
    }

    func count(_ name: String) -> Int { events.filter { $0.name == name }.count }
    var names: [String] { events.map(\.name) }

    /// Waits until `condition` holds for the events so far; false after `timeout`.
    func wait(timeout: Duration = .seconds(60), until condition: @escaping @Sendable ([GatewayEvent]) -> Bool) async -> Bool {
        if condition(events) { return true }
        nextWaiter += 1
        let id = nextWaiter
        return await withCheckedContinuation { continuation in
            waiters[id] = (condition, continuation)
            Task {
                try? await Task.sleep(for: timeout)
                self.expire(id)
            }
        }
    }

    /// Waits until `count` events named `name` arrived.
    func wait(for name: String, count: Int = 1) async -> Bool {
        await wait { events in events.filter { $0.name == name }.count >= count }
    }

    private func expire(_ id: Int) {
        waiters.removeValue(forKey: id)?.continuation.resume(returning: false)
    }
}

/// Waits until `condition` holds, checking every few milliseconds (bounded).
func eventually(timeout: Duration = .seconds(60), _ condition: @Sendable () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return await condition()
}

extension GatewayEvent {
    var name: String {
        switch self {
        case .ready: "READY"
        case .resumed: "RESUMED"
        case .guildCreate: "GUILD_CREATE"
        case .guildDelete: "GUILD_DELETE"
        case .channelCreate: "CHANNEL_CREATE"
        case .channelUpdate: "CHANNEL_UPDATE"
        case .channelDelete: "CHANNEL_DELETE"
        case .threadCreate: "THREAD_CREATE"
        case .threadUpdate: "THREAD_UPDATE"
        case .threadDelete: "THREAD_DELETE"
        case .threadMembersUpdate: "THREAD_MEMBERS_UPDATE"
        case .roleCreate: "GUILD_ROLE_CREATE"
        case .roleUpdate: "GUILD_ROLE_UPDATE"
        case .roleDelete: "GUILD_ROLE_DELETE"
        case .memberAdd: "GUILD_MEMBER_ADD"
        case .memberUpdate: "GUILD_MEMBER_UPDATE"
        case .memberRemove: "GUILD_MEMBER_REMOVE"
        case .messageCreate: "MESSAGE_CREATE"
        case .messageUpdate: "MESSAGE_UPDATE"
        case .messageDelete: "MESSAGE_DELETE"
        case .other(let name): name
        }
    }
}
