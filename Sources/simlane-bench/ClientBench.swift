// Client benchmark: N creations (channels, roles, threads) against the emulator with
// Discord-like limits, over real HTTP and real time. Prints requests, 429s, wall time, the
// lower bound the configured limits imply, and their ratio (target: within 10 %, no 429s).
//
// Usage: simlane-bench client [--count N] [--scale S] [--parents P]
//   --count   creations, split evenly over channels, roles and threads (default 300)
//   --scale   multiply every emulator window by S (default 1.0 = Discord-like 5 per 5 s)
//   --parents text channels the threads are spread over (default 10)
import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Logging

func runClientBench(_ arguments: [String]) async throws {
    func option(_ name: String, _ fallback: Double) -> Double {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
              let value = Double(arguments[index + 1]) else { return fallback }
        return value
    }
    let count = max(3, Int(option("--count", 300)))
    let scale = option("--scale", 1.0)
    let parents = max(1, Int(option("--parents", 10)))

    let limits = RateLimitConfiguration.discordLike.scaled(by: scale)
    let emulator = DiscordEmulator(clock: .system, rateLimits: limits, bodyLogDirectory: nil)
    let seeded = await emulator.seedGuild(GuildSeed(
        name: "Bench", channels: (0..<parents).map { ChannelSeed(name: "teams-\($0)") }))
    let server = try await EmulatorServer.start(emulator: emulator)
    defer { Task { await server.stop() } }

    var quiet = Logger(label: "simlane.bench")
    quiet.logLevel = .error
    let configuration = DiscordConfiguration(
        baseURL: server.baseURL, token: BotToken(seeded.bot.token)!,
        rateLimits: RateLimitPolicy(resetMargin: .milliseconds(Int64(max(2, 50 * scale)))))
    let client = DiscordClient(configuration: configuration, logger: quiet)
    let guildID = seeded.guildID
    let parentIDs = (0..<parents).map { seeded.channelIDs["teams-\($0)"]! }

    // The plan: creation i is a channel, a role or a thread (round robin).
    var channelCount = 0, roleCount = 0
    var threadsPerParent = [Int](repeating: 0, count: parents)
    for index in 0..<count {
        switch index % 3 {
        case 0: channelCount += 1
        case 1: roleCount += 1
        default: threadsPerParent[(index / 3) % parents] += 1
        }
    }

    let clock = ContinuousClock()
    let start = clock.now
    let failures = try await withThrowingTaskGroup(of: String?.self) { group in
        for index in 0..<count {
            group.addTask {
                do {
                    switch index % 3 {
                    case 0:
                        _ = try await client.createChannel(in: guildID, CreateChannelRequest(name: "bench-\(index)"), reason: "bench")
                    case 1:
                        _ = try await client.createRole(in: guildID, CreateRoleRequest(name: "bench-\(index)"), reason: "bench")
                    default:
                        _ = try await client.startThread(in: parentIDs[(index / 3) % parents],
                            StartThreadRequest(name: "bench-\(index)", type: .publicThread), reason: "bench")
                    }
                    return nil
                } catch {
                    return "\(error)"
                }
            }
        }
        var failures: [String] = []
        for try await failure in group { if let failure { failures.append(failure) } }
        return failures
    }
    let wall = (clock.now - start)
    let metrics = await client.metrics()
    let counters = await emulator.currentCounters

    // Lower bound: in each bucket the n-th request cannot go before floor((n-1)/limit) windows.
    func windows(_ n: Int, _ limit: RateLimitConfiguration.Limit) -> Double {
        n <= 0 ? 0 : Double((n - 1) / limit.limit) * limit.window
    }
    var bound = max(windows(channelCount, limits.limit(for: RateLimitBucket.createChannel)),
                    windows(roleCount, limits.limit(for: RateLimitBucket.createRole)),
                    threadsPerParent.map { windows($0, limits.limit(for: RateLimitBucket.startThread)) }.max() ?? 0)
    if let global = limits.global { bound = max(bound, windows(count, global)) }
    let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18

    print("creations:        \(count) (\(channelCount) channels, \(roleCount) roles, \(count - channelCount - roleCount) threads over \(parents) channels)")
    print("limits:           discord-like x\(scale) (create channel/role/thread \(limits.limit(for: RateLimitBucket.createChannel).limit) per \(limits.limit(for: RateLimitBucket.createChannel).window) s; global \(limits.global.map { "\($0.limit) per \($0.window) s" } ?? "off"))")
    print("requests sent:    \(metrics.requestsSent) (emulator saw \(counters.requests))")
    print("429s received:    \(metrics.rateLimited) (emulator sent \(counters.totalRateLimited))")
    print("retries:          \(metrics.retries)")
    print("failures:         \(failures.count)\(failures.first.map { " e.g. \($0)" } ?? "")")
    let limited = await emulator.requestLog.filter { $0.status == 429 }
    for entry in limited.prefix(5) {
        print("  429: \(entry.route ?? entry.path) scope \(entry.scope?.rawValue ?? "?") at +\(String(format: "%.3f", entry.time.timeIntervalSince(limited[0].time))) s")
    }
    print(String(format: "wall time:        %.3f s", wallSeconds))
    print(String(format: "lower bound:      %.3f s", bound))
    print(String(format: "ratio:            %.3f", bound > 0 ? wallSeconds / bound : 0))
}
