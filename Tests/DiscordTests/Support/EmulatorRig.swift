import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Logging

/// The real client, over real HTTP (URLSession), against the emulator on 127.0.0.1:0.
/// Both sides read the same manual clock, so rate-limit windows pass in virtual time and
/// tests never sleep; time only moves when every operation is parked (see `drive`).
struct EmulatorRig {
    let clock: ManualClock
    let emulator: DiscordEmulator
    let server: EmulatorServer
    let client: DiscordClient
    let seeded: SeededGuild
    let logs: LogRecorder

    static let epoch = Date(timeIntervalSince1970: 1_796_000_000)

    static func start(
        _ seed: GuildSeed = GuildSeed(), rateLimits: RateLimitConfiguration = .discordLike,
        bodyLog: Bool = true, token: String? = nil, breaker: Int = 1000, maxRetries: Int = 3,
        requestTimeout: Duration = .seconds(60)
    ) async throws -> EmulatorRig {
        let clock = ManualClock()
        let emulatorClock = EmulatorClock { epoch.addingTimeInterval(clock.elapsed.seconds) }
        let emulator = DiscordEmulator(clock: emulatorClock, rateLimits: rateLimits,
                                       bodyLogDirectory: bodyLog ? BodyLog.environmentDirectory : nil)
        let seeded = await emulator.seedGuild(seed)
        let server = try await EmulatorServer.start(emulator: emulator)
        let logs = LogRecorder()
        let configuration = DiscordConfiguration(
            baseURL: server.baseURL, token: BotToken(token ?? seeded.bot.token)!,
            requestTimeout: requestTimeout,
            retries: RetryPolicy(maxRetries: maxRetries, baseDelay: .milliseconds(200), maxDelay: .seconds(2)),
            breaker: CircuitBreakerPolicy(threshold: breaker))
        let client = DiscordClient(configuration: configuration, transport: URLSessionTransport(), clock: clock,
                                   random: SeededRandomNumberGenerator(seed: 11), logger: logs.logger())
        return EmulatorRig(clock: clock, emulator: emulator, server: server, client: client, seeded: seeded, logs: logs)
    }

    var guildID: Snowflake { seeded.guildID }

    func run<T: Sendable>(_ count: Int, _ operation: @escaping @Sendable (Int) async throws -> T) async throws
        -> [Result<T, any Error>]
    {
        try await drive(count, clock: clock, client: client, operation)
    }

    func one<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await run(1) { _ in try await operation() }[0].get()
    }

    /// The error an operation fails with (nil if it succeeds).
    func failure(_ operation: @escaping @Sendable () async throws -> Void) async throws -> DiscordError? {
        try await run(1) { _ in try await operation() }[0].error as? DiscordError
    }

    func stop() async { await server.stop() }
}

/// Runs `body` with a started rig and always stops the server.
func withEmulator<T>(
    _ seed: GuildSeed = GuildSeed(), rateLimits: RateLimitConfiguration = .discordLike, bodyLog: Bool = true,
    token: String? = nil, breaker: Int = 1000, maxRetries: Int = 3, requestTimeout: Duration = .seconds(60),
    _ body: (EmulatorRig) async throws -> T
) async throws -> T {
    let rig = try await EmulatorRig.start(seed, rateLimits: rateLimits, bodyLog: bodyLog, token: token,
                                          breaker: breaker, maxRetries: maxRetries, requestTimeout: requestTimeout)
    do {
        let result = try await body(rig)
        await rig.stop()
        return result
    } catch {
        await rig.stop()
        throw error
    }
}
