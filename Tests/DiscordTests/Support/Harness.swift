import Discord
import DiscordTypes
import Foundation
import Logging

/// The token every test client uses; tests assert it never shows up anywhere.
let secretToken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.SECRET.token-value_do_not_leak"

struct DeadlockError: Error {}

actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}

/// A client wired to a fake Discord and a manual clock.
struct Rig {
    let clock: ManualClock
    let fake: FakeDiscord
    let client: DiscordClient
    let logs: LogRecorder

    init(global: Int = 50, breaker: Int = 1000, maxRetries: Int = 3, margin: Duration = .zero,
         fakeGlobal: Int? = nil, defaultRule: FakeDiscord.Rule? = nil) {
        clock = ManualClock()
        fake = FakeDiscord(clock: clock, defaultRule: defaultRule, globalLimit: fakeGlobal)
        logs = LogRecorder()
        let configuration = DiscordConfiguration(
            baseURL: URL(string: "https://fake.invalid/api/v10")!, token: BotToken(secretToken)!,
            rateLimits: RateLimitPolicy(globalPerSecond: global, resetMargin: margin),
            retries: RetryPolicy(maxRetries: maxRetries, baseDelay: .milliseconds(500), maxDelay: .seconds(4)),
            breaker: CircuitBreakerPolicy(threshold: breaker))
        client = DiscordClient(configuration: configuration, transport: fake, clock: clock,
                               random: SeededRandomNumberGenerator(seed: 7), logger: logs.logger())
    }

    /// Runs `count` operations concurrently under the clock driver (see `drive`).
    func run<T: Sendable>(_ count: Int, _ operation: @escaping @Sendable (Int) async throws -> T) async throws
        -> [Result<T, any Error>]
    {
        try await drive(count, clock: clock, client: client, operation)
    }

    /// Runs one operation under the same clock driver.
    func one<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await run(1) { _ in try await operation() }[0].get()
    }
}

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// Runs `count` operations concurrently. Whenever every one of them is parked (asleep on the
/// manual clock, queued behind another request of its bucket, or finished), time jumps to the
/// next deadline; while any is active (computing, or waiting for an HTTP answer) time stands
/// still. Returns results in operation order; throws `DeadlockError` if all are parked and
/// nobody sleeps.
func drive<T: Sendable>(_ count: Int, clock: ManualClock, client: DiscordClient,
                        _ operation: @escaping @Sendable (Int) async throws -> T) async throws -> [Result<T, any Error>] {
    let done = Counter()
    return try await withThrowingTaskGroup(of: (Int, Result<T, any Error>)?.self) { group in
        for index in 0..<count {
            group.addTask {
                let result: Result<T, any Error>
                do { result = .success(try await operation(index)) } catch { result = .failure(error) }
                await done.increment()
                return (index, result)
            }
        }
        group.addTask {
            func parked() async -> (Int, Int, Int) {
                (await done.value, await client.metrics().queued, clock.sleeperCount)
            }
            var busyRounds = 0
            while await done.value < count {
                let first = await parked()
                for _ in 0..<20 { await Task.yield() }
                let second = await parked()
                guard first == second, first.0 + first.1 + first.2 >= count else {
                    busyRounds += 1
                    // Something is in flight (e.g. an HTTP request): let it run without spinning.
                    if busyRounds > 50 { try await Task.sleep(for: .microseconds(500)) }
                    continue
                }
                busyRounds = 0
                if first.0 == count { break }
                if !clock.advanceToNextDeadline() { throw DeadlockError() }
            }
            return nil
        }
        var results = [Result<T, any Error>?](repeating: nil, count: count)
        for try await entry in group {
            if let (index, result) = entry { results[index] = result }
        }
        return results.map { $0! }
    }
}
