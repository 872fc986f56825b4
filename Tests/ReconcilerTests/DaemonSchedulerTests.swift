import Discord
import Foundation
import Testing
@testable import Reconciler

@Suite("Daemon scheduler")
struct DaemonSchedulerTests {
    let t0 = Date(iso: "2026-12-01T12:00:00Z")

    @Test func convergedPassWakesAtTheTransitionWhenItComesBeforeThePoll() {
        var scheduler = Scheduler(pollInterval: .seconds(300))
        var rng = SeededRandomNumberGenerator(seed: 1)
        scheduler.register("apex", at: t0)
        let transition = t0.addingTimeInterval(120)
        let schedule = scheduler.completed(
            "apex", outcome: PassOutcome(nextTransition: transition, nextTransitionReason: "signup opens"),
            startedAt: t0, finishedAt: t0.addingTimeInterval(2), using: &rng)
        #expect(schedule.nextWake == transition)
        #expect(schedule.reason == .transition("signup opens"))
        #expect(scheduler.due(at: transition.addingTimeInterval(-0.001)).isEmpty)
        #expect(scheduler.due(at: transition) == ["apex"])
    }

    @Test func convergedPassWithoutNearTransitionWakesAtThePoll() {
        var scheduler = Scheduler(pollInterval: .seconds(300))
        var rng = SeededRandomNumberGenerator(seed: 1)
        scheduler.register("apex", at: t0)
        let schedule = scheduler.completed(
            "apex", outcome: PassOutcome(nextTransition: t0.addingTimeInterval(86_400)),
            startedAt: t0, finishedAt: t0, using: &rng)
        #expect(schedule.nextWake == t0.addingTimeInterval(300))
        #expect(schedule.reason == .poll)
    }

    @Test func aTransitionAlreadyCompiledIsNotAWake() {
        var scheduler = Scheduler(pollInterval: .seconds(300))
        var rng = SeededRandomNumberGenerator(seed: 1)
        let schedule = scheduler.completed(
            "apex", outcome: PassOutcome(nextTransition: t0), startedAt: t0, finishedAt: t0, using: &rng)
        #expect(schedule.nextWake == t0.addingTimeInterval(300))
    }

    @Test func aTransitionPassedDuringALongPassWakesAtOnce() {
        var scheduler = Scheduler(pollInterval: .seconds(300))
        var rng = SeededRandomNumberGenerator(seed: 1)
        let schedule = scheduler.completed(
            "apex", outcome: PassOutcome(nextTransition: t0.addingTimeInterval(10)),
            startedAt: t0, finishedAt: t0.addingTimeInterval(30), using: &rng)
        #expect(schedule.nextWake == t0.addingTimeInterval(30))
    }

    @Test func failuresBackOffExponentiallyCappedAndJittered() {
        let backoff = Backoff(base: .seconds(5), cap: .seconds(300), jitter: 0.2)
        var scheduler = Scheduler(pollInterval: .seconds(300), backoff: backoff)
        var rng = SeededRandomNumberGenerator(seed: 42)
        var delays: [Double] = []
        for _ in 1...10 {
            let schedule = scheduler.failed("apex", at: t0, using: &rng)
            delays.append(schedule.nextWake!.timeIntervalSince(t0))
        }
        for (index, delay) in delays.enumerated() {
            let raw = min(5 * pow(2, Double(index)), 300)
            #expect(delay <= raw + 0.001)
            #expect(delay >= raw * 0.8 - 0.001)
        }
        #expect(delays.last! <= 300)
        #expect(scheduler["apex"]?.reason == .retry(attempt: 10))
        // A converged pass ends the streak.
        scheduler.completed("apex", outcome: PassOutcome(), startedAt: t0, finishedAt: t0, using: &rng)
        #expect(scheduler["apex"]?.consecutiveFailures == 0)
    }

    @Test func jitterIsDeterministicForASeed() {
        let backoff = Backoff()
        var a = SeededRandomNumberGenerator(seed: 7)
        var b = SeededRandomNumberGenerator(seed: 7)
        let first = (1...5).map { backoff.delay(attempt: $0, using: &a) }
        let second = (1...5).map { backoff.delay(attempt: $0, using: &b) }
        #expect(first == second)
        var c = SeededRandomNumberGenerator(seed: 8)
        #expect(first != (1...5).map { backoff.delay(attempt: $0, using: &c) })
    }

    @Test func partialPassRetriesButNotLaterThanTheTransition() {
        var scheduler = Scheduler(pollInterval: .seconds(300), backoff: Backoff(base: .seconds(60), jitter: 0))
        var rng = SeededRandomNumberGenerator(seed: 1)
        let partial = PassOutcome(planned: 2, applied: 1, failed: 1, nextTransition: t0.addingTimeInterval(30))
        let schedule = scheduler.completed("apex", outcome: partial, startedAt: t0, finishedAt: t0, using: &rng)
        #expect(schedule.nextWake == t0.addingTimeInterval(30))
        #expect(schedule.consecutiveFailures == 1)
        let later = PassOutcome(planned: 1, failed: 1, nextTransition: nil)
        let retry = scheduler.completed("apex", outcome: later, startedAt: t0, finishedAt: t0, using: &rng)
        #expect(retry.nextWake == t0.addingTimeInterval(120))
        #expect(retry.reason == .retry(attempt: 2))
    }

    @Test func configChangeIsDueAtOnceEvenDuringABackOff() {
        var scheduler = Scheduler()
        var rng = SeededRandomNumberGenerator(seed: 1)
        scheduler.failed("apex", at: t0, using: &rng)
        #expect(scheduler.due(at: t0.addingTimeInterval(1)).isEmpty)
        scheduler.configChanged("apex", at: t0.addingTimeInterval(1))
        #expect(scheduler.due(at: t0.addingTimeInterval(1)) == ["apex"])
        #expect(scheduler["apex"]?.reason == .configChanged)
    }

    @Test func nextWakeSkipsRunningClubsAndWaitingOnes() {
        var scheduler = Scheduler()
        scheduler.register("a", at: t0)
        scheduler.register("b", at: t0.addingTimeInterval(5))
        scheduler.registerWaiting("c")
        #expect(scheduler.nextWake()?.club == "a")
        #expect(scheduler.nextWake(excluding: ["a"])?.club == "b")
        #expect(scheduler.nextWake(excluding: ["a", "b"]) == nil)
    }

    @Test func durationsParse() {
        #expect(DurationParser.parse("5m") == .seconds(300))
        #expect(DurationParser.parse("1h30m") == .seconds(5400))
        #expect(DurationParser.parse("90") == .seconds(90))
        #expect(DurationParser.parse("250ms") == .milliseconds(250))
        #expect(DurationParser.parse("2d") == .seconds(172_800))
        #expect(DurationParser.parse("5 minutes") == nil)
        #expect(DurationParser.parse("m") == nil)
        #expect(DurationParser.parse("5x") == nil)
    }
}
