// Gateway benchmark: N synthetic clubs (default 100, about 20 managed resources each) in one
// daemon with the gateway, against the in-process emulator (REST and gateway). Reports the
// steady-state pass from the live cache (CPU per pass, REST requests), REST requests per
// hour in steady state with and without the gateway, and the time from an out-of-band
// channel deletion in every guild at once to its repair (p50, p99).
// Usage: simlane-bench gateway [--clubs N] [--debounce SECONDS] [--unlimited]
import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Gateway
import Logging
import Reconciler

func runGatewayBench(_ arguments: [String]) async throws {
    func value(_ flag: String) -> String? {
        arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    }
    let clubCount = max(1, value("--clubs").flatMap(Int.init) ?? 100)
    let debounce = value("--debounce").flatMap(Double.init) ?? 2
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("simlane-gateway-bench-\(getpid())")
    try? FileManager.default.removeItem(at: root)
    defer { try? FileManager.default.removeItem(at: root) }
    let instant = try Date("2026-12-05T20:00:00Z", strategy: .iso8601)
    let bot = BotIdentity(id: 1_200_000_000_000_000_001, token: "gateway-bench-token")
    let members = (1...4).map { Snowflake(1_000_000_000_000_001_000 + UInt64($0)) }

    let emulator = DiscordEmulator(rateLimits: .unlimited)
    let seeded = try await DaemonBenchClub.seed(clubCount, in: root, emulator: emulator, bot: bot, members: members)
    let clubs = seeded.map(\.club)
    let guilds = seeded.map(\.guild)
    let server = try await EmulatorServer.start(emulator: emulator)
    let client = DiscordClient(configuration: DiscordConfiguration(baseURL: server.baseURL, token: BotToken(bot.token)!))
    let reconcilers = ClubReconcilers(client: client)
    var quiet = Logger(label: "bench.gateway")
    quiet.logLevel = .error

    // Converge every club first, without the gateway.
    let first = await ReconcileLoop(clubs: clubs, driver: reconcilers.driver(), now: { instant }, logger: quiet).runOnce()
    print("gateway: \(clubCount) clubs, \(first.clubs.map(\.changesApplied).reduce(0, +)) changes applied to converge")
    if !arguments.contains("--unlimited") { await emulator.setRateLimits(.discordLike) }

    // The daemon with the gateway; the layout's clock runs from `instant` at wall speed.
    let wallStart = Date()
    let now: @Sendable () -> Date = { instant.addingTimeInterval(Date().timeIntervalSince(wallStart)) }
    let cache = GatewayCache(logger: quiet)
    await reconcilers.attach(gateway: cache)
    let poll: Duration = .seconds(300)
    let loop = ReconcileLoop(clubs: clubs, driver: reconcilers.driver(), options: LoopOptions(pollInterval: poll),
                             now: now, logger: quiet)
    let link = GatewayDaemonLink(loop: loop, reconcilers: reconcilers, debounce: debounce, now: now, logger: quiet)
    let feed = try await GatewayFeed.make(client: client, token: bot.token, memberSync: true, textCommands: false, cache: cache,
                                logger: quiet, onTrigger: { await link.handle(guild: $0, trigger: $1) })
    await feed.start()
    let startupBefore = await client.metrics().requestsSent
    let startupMeasure = Measure()
    let running = Task { await loop.run() }
    func passes() async -> Int { await loop.status().counters.passes }
    func waitForPasses(_ count: Int) async {
        while true {
            let done = await passes() >= count
            let idle = await loop.inFlight().isEmpty
            if done && idle { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
    await waitForPasses(clubCount)
    let startup = startupMeasure.stop()

    // Steady state: the daemon's first round read REST (a full check, seeding the cache);
    // a round of polls now plans from the cache.
    var rounds: [(requests: Int, cpu: Double, wall: Double)] = [
        (await client.metrics().requestsSent - startupBefore, startup.cpuSeconds, startup.wallSeconds),
    ]
    for _ in 0..<1 {
        let before = await client.metrics().requestsSent
        let target = await passes() + clubCount
        let measure = Measure()
        for club in clubs { await loop.requestPass(club.id, reason: .poll, at: now()) }
        await waitForPasses(target)
        let figures = measure.stop()
        rounds.append((await client.metrics().requestsSent - before, figures.cpuSeconds, figures.wallSeconds))
    }
    let rest = rounds[0]
    let cached = rounds[1]
    print("gateway: REST round (full check, seeds the cache): \(rest.requests) requests "
          + "(\(String(format: "%.1f", Double(rest.requests) / Double(clubCount))) per club), "
          + "\(String(format: "%.1f", rest.cpu * 1000 / Double(clubCount))) ms CPU per pass")
    print("gateway: steady-state round from the cache: \(cached.requests) requests, "
          + "\(String(format: "%.1f", cached.cpu * 1000 / Double(clubCount))) ms CPU per pass "
          + "(\(String(format: "%.2f", cached.wall)) s wall for \(clubCount) passes; emulator included)")
    let perHour = 3600 / poll.seconds
    let fullChecks = 3600 / cache.fullCheckInterval
    let withGateway = Double(rest.requests) * fullChecks + Double(cached.requests) * max(0, perHour - fullChecks)
    print("gateway: steady-state REST requests per hour (poll every \(Int(poll.seconds)) s): "
          + "\(Int(withGateway)) with the gateway (a full check every \(Int(cache.fullCheckInterval / 60)) min), "
          + "\(Int(Double(rest.requests) * perHour)) without")

    // Deletion to repair: one managed channel deleted by hand in every guild at once.
    var deleted: [(guild: Snowflake, name: String, at: Date)] = []
    for guild in guilds {
        guard let channel = await emulator.guild(guild)?.channels(named: "race-1-signup").first else { continue }
        try await emulator.adminDeleteChannel(channel.id)
        deleted.append((guild, channel.name, Date()))
    }
    var latencies: [Double] = []
    let deadline = Date().addingTimeInterval(300)
    var waiting = deleted
    while !waiting.isEmpty, Date() < deadline {
        var still: [(guild: Snowflake, name: String, at: Date)] = []
        for item in waiting {
            if await emulator.guild(item.guild)?.channels(named: item.name).isEmpty == false {
                latencies.append(Date().timeIntervalSince(item.at))
            } else {
                still.append(item)
            }
        }
        waiting = still
        if !waiting.isEmpty { try? await Task.sleep(for: .milliseconds(20)) }
    }
    latencies.sort()
    func percentile(_ p: Double) -> String {
        guard !latencies.isEmpty else { return "n/a" }
        return String(format: "%.2f", latencies[min(latencies.count - 1, Int(Double(latencies.count - 1) * p))])
    }
    print("gateway: deletion to repair over \(latencies.count)/\(deleted.count) guilds (debounce \(debounce) s): "
          + "p50 \(percentile(0.5)) s, p99 \(percentile(0.99)) s (poll alone: up to \(Int(poll.seconds)) s)")
    let session = await feed.sessionStats()
    print("gateway: session: \(session.dispatches) events, \(session.heartbeatsSent) heartbeats, "
          + "\(session.connections) connection(s); cache: \(await cache.stats.cachedSnapshots) cached snapshots, "
          + "\(await cache.stats.defects) defects; peak memory \(Measure.peakRSSMegabytes()) MB")
    await loop.requestStop(reason: "bench done")
    _ = await running.value
    await feed.stop()
    await server.stop()
}
