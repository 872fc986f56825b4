import Discord
import Foundation
import Logging
import Testing
@testable import Reconciler

/// The loop driven tick by tick with an injected `now` over `FakeGuilds`: no sleeping.
@Suite("Daemon loop")
struct DaemonLoopTests {
    let t0 = Date(iso: "2026-12-01T12:00:00Z")

    func makeLoop(
        _ clubs: [ClubSource], _ fake: FakeGuilds, now: TestNow, poll: Duration = .seconds(300),
        statusFile: StatusFile? = nil, sink: LogSink = .memory()
    ) -> ReconcileLoop<FakeGuilds> {
        ReconcileLoop(
            clubs: clubs, driver: fake, options: LoopOptions(pollInterval: poll),
            clock: VirtualClock(base: now.date), now: { now.date }, random: SeededRandomNumberGenerator(seed: 3),
            logger: .daemonTest(sink), statusFile: statusFile)
    }

    /// Follows the loop's own wakes until `end`, like `run()` would, and returns the ticks.
    @discardableResult
    func drive(_ loop: ReconcileLoop<FakeGuilds>, _ now: TestNow, until end: Date) async -> [Date] {
        var ticks: [Date] = [now.date]
        await loop.tick(at: now.date)
        await loop.waitUntilIdle()
        while let wake = await loop.nextWake(), wake.at <= end {
            now.date = wake.at
            await loop.tick(at: wake.at)
            await loop.waitUntilIdle()
            ticks.append(wake.at)
        }
        now.date = end
        return ticks
    }

    @Test func eachClubWakesExactlyAtItsTransitionsAndPollsBetween() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let a = try dir.write(club: "a", "transitions: \(t0.timeIntervalSince1970 + 100), \(t0.timeIntervalSince1970 + 4000)")
        let b = try dir.write(club: "b", "transitions: \(t0.timeIntervalSince1970 + 250)")
        let now = TestNow(t0)
        let fake = FakeGuilds()
        let loop = makeLoop([a, b], fake, now: now)
        await drive(loop, now, until: t0.addingTimeInterval(5000))
        let passesA = await fake.passes["a"] ?? []
        let passesB = await fake.passes["b"] ?? []
        #expect(passesA.first == t0)
        #expect(passesA.contains(t0.addingTimeInterval(100)))
        #expect(passesA.contains(t0.addingTimeInterval(4000)))
        #expect(passesB.contains(t0.addingTimeInterval(250)))
        // No pass between a transition and the pass that applied it; polls at most 5 min apart.
        for passes in [passesA, passesB] {
            for (earlier, later) in zip(passes, passes.dropFirst()) {
                #expect(later.timeIntervalSince(earlier) <= 300)
                #expect(later.timeIntervalSince(earlier) > 0)
            }
        }
        #expect(await fake.layouts["a"] == 2)
        #expect(await fake.layouts["b"] == 1)
        #expect(await loop.status(of: "a")?.totalChangesApplied == 3)
    }

    @Test func aFailingClubBacksOffWithoutHoldingUpTheOthers() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let ok = try dir.write(club: "ok", "transitions: \(t0.timeIntervalSince1970 + 60)")
        let down = try dir.write(club: "down", "fail: yes")
        let now = TestNow(t0)
        let fake = FakeGuilds()
        let loop = makeLoop([down, ok], fake, now: now)
        await drive(loop, now, until: t0.addingTimeInterval(3600))
        let okPasses = await fake.passes["ok"] ?? []
        #expect(okPasses.contains(t0.addingTimeInterval(60)))
        #expect(await fake.layouts["ok"] == 1)
        let downPasses = await fake.passes["down"] ?? []
        let gaps = zip(downPasses, downPasses.dropFirst()).map { $1.timeIntervalSince($0) }
        // Exponential: each gap at least ~1.6× the previous until the 5-minute cap.
        for (gap, next) in zip(gaps, gaps.dropFirst()) where next < 240 {
            #expect(next >= gap * 1.5)
        }
        #expect(gaps.allSatisfy { $0 >= 4 && $0 <= 300 })
        #expect(downPasses.count < 20)
        let status = await loop.status(of: "down")
        #expect(status?.outcome == .failed)
        #expect(status?.lastError == "Discord unavailable (503)")
        #expect((status?.consecutiveFailures ?? 0) >= 5)
        #expect(status?.nextWakeKind == "retry")
    }

    @Test func aSlowClubDoesNotDelayAnotherClubsTransition() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let slow = try dir.write(club: "slow", "transitions:")
        let fast = try dir.write(club: "fast", "transitions: \(t0.timeIntervalSince1970 + 30)")
        let now = TestNow(t0)
        let fake = FakeGuilds()
        await fake.block("slow")
        let loop = makeLoop([slow, fast], fake, now: now)
        #expect(await loop.tick(at: t0) == ["fast", "slow"])
        while await !fake.isBlocked("slow") { await Task.yield() }
        while await loop.inFlight() != ["slow"] { await Task.yield() }
        let wake = try #require(await loop.nextWake())
        #expect(wake.club == "fast")
        #expect(wake.at == t0.addingTimeInterval(30))
        now.date = wake.at
        #expect(await loop.tick(at: wake.at) == ["fast"])
        while await loop.inFlight() != ["slow"] { await Task.yield() }
        #expect(await fake.layouts["fast"] == 1)
        await fake.release("slow")
        await loop.waitUntilIdle()
        #expect(await fake.passes["slow"]?.count == 1)
    }

    @Test func configEditsArePickedUpAndBrokenEditsRejected() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let base = t0.timeIntervalSince1970
        let club = try dir.write(club: "a", "transitions: \(base + 1000)")
        let now = TestNow(t0)
        let fake = FakeGuilds()
        let sink = LogSink.memory()
        let loop = makeLoop([club], fake, now: now, sink: sink)
        await loop.tick(at: t0)
        await loop.waitUntilIdle()
        #expect(await loop.nextWake()?.at == t0.addingTimeInterval(300))

        // A valid edit: validated, then reconciled at once; its new transition scheduled.
        try dir.write(club: "a", "transitions: \(base + 50)")
        now.date = t0.addingTimeInterval(10)
        #expect(await loop.tick(at: now.date) == ["a"])
        await loop.waitUntilIdle()
        #expect(await fake.passes["a"] == [t0, t0.addingTimeInterval(10)])
        #expect(await loop.nextWake()?.at == t0.addingTimeInterval(50))

        // A broken edit: reported with its position, nothing runs, the old config stays.
        try dir.write(club: "a", "transitions: \(base + 20)\nbroken\n")
        now.date = t0.addingTimeInterval(15)
        #expect(await loop.tick(at: now.date) == [])
        let status = try #require(await loop.status(of: "a"))
        #expect(status.hasValidConfig)
        #expect(status.configErrors == ["\(club.path)/club.yaml:2:1: error: expected 'key: value'"])
        #expect(sink.lines.contains { $0.contains("configuration rejected; keeping the last good configuration") })
        #expect(sink.lines.contains { $0.contains("club.yaml:2:1: error") })
        // Still rejected on the next tick, without re-validating or running.
        #expect(await loop.tick(at: t0.addingTimeInterval(20)) == [])
        let wake = try #require(await loop.nextWake())
        #expect(wake.at == t0.addingTimeInterval(50))
        now.date = wake.at
        await loop.tick(at: wake.at)
        await loop.waitUntilIdle()
        #expect(await fake.layouts["a"] == 1)

        // Fixing the file clears the errors.
        try dir.write(club: "a", "transitions: \(base + 50), \(base + 70)")
        now.date = t0.addingTimeInterval(60)
        #expect(await loop.tick(at: now.date) == ["a"])
        await loop.waitUntilIdle()
        #expect(await loop.status(of: "a")?.configErrors == [])
        #expect(await loop.nextWake()?.at == t0.addingTimeInterval(70))
    }

    @Test func aClubWithoutValidConfigWaitsAndOthersRun() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let bad = try dir.write(club: "bad", "broken")
        let good = try dir.write(club: "good", "transitions:")
        let now = TestNow(t0)
        let fake = FakeGuilds()
        let loop = makeLoop([bad, good], fake, now: now)
        #expect(await loop.tick(at: t0) == ["good"])
        await loop.waitUntilIdle()
        #expect(await loop.schedule(of: "bad")?.reason == .waitingForValidConfig)
        try dir.write(club: "bad", "transitions:")
        #expect(await loop.tick(at: t0.addingTimeInterval(1)) == ["bad"])
    }

    @Test func runOnceReportsWhetherEveryClubConverged() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let good = try dir.write(club: "good", "transitions:")
        let down = try dir.write(club: "down", "fail: yes")
        let now = TestNow(t0)
        let allGood = await makeLoop([good], FakeGuilds(), now: now).runOnce()
        #expect(allGood.allConverged)
        let mixed = await makeLoop([good, down], FakeGuilds(), now: now).runOnce()
        #expect(!mixed.allConverged)
        #expect(mixed.clubs.map(\.outcome) == [.converged, .failed])
        let broken = try dir.write(club: "broken", "broken")
        #expect(await !makeLoop([good, broken], FakeGuilds(), now: now).runOnce().allConverged)
    }

    @Test func statusFileShowsEachClubsLastRunAndNextWake() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let club = try dir.write(club: "a", "transitions: \(t0.timeIntervalSince1970 + 90)")
        let file = StatusFile(path: dir.root.appendingPathComponent(".simlane/daemon-status.json").path)
        let now = TestNow(t0)
        let loop = makeLoop([club], FakeGuilds(), now: now, statusFile: file)
        await loop.tick(at: t0)
        await loop.waitUntilIdle()
        await loop.tick(at: t0.addingTimeInterval(1))
        let status = try file.read()
        #expect(status.state == .running)
        #expect(status.counters.passes == 1)
        #expect(status.counters.changesApplied == 1)
        #expect(status.counters.requests == 1)
        let a = try #require(status.clubs.first)
        #expect(a.lastRunAt == t0)
        #expect(a.outcome == .converged)
        #expect(a.nextWake == t0.addingTimeInterval(90))
        #expect(a.nextWakeKind == "transition")
        #expect(a.nextWakeReason == "transition: step 1")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.root.appendingPathComponent(".simlane").path)
        #expect(leftovers == ["daemon-status.json"])
    }
}
