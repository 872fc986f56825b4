import Discord
import Foundation
import Logging
import Testing
@testable import Reconciler

/// `ReconcileLoop.run()` on a virtual clock: stopping, shutdown grace, fatal errors.
@Suite("Daemon run")
struct DaemonRunTests {
    let t0 = Date(iso: "2026-12-01T12:00:00Z")

    func makeLoop(_ clubs: [ClubSource], _ fake: FakeGuilds, clock: VirtualClock, grace: Duration = .seconds(20),
                  statusFile: StatusFile? = nil) -> ReconcileLoop<FakeGuilds> {
        ReconcileLoop(
            clubs: clubs, driver: fake, options: LoopOptions(shutdownGrace: grace), clock: clock,
            now: { clock.date }, random: SeededRandomNumberGenerator(seed: 9), logger: .daemonTest(), statusFile: statusFile)
    }

    @Test func aRejectedTokenStopsTheDaemonWithAClearError() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let ok = try dir.write(club: "ok", "transitions:")
        let revoked = try dir.write(club: "revoked", "fail: unauthorized")
        let clock = VirtualClock(base: t0)
        let exit = await makeLoop([ok, revoked], FakeGuilds(), clock: clock).run()
        #expect(exit == .fatal("Discord rejected the bot token (401 Unauthorized): check DISCORD_BOT_TOKEN"))
    }

    @Test func stopLetsThePassInFlightFinishAndExitsCleanly() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let club = try dir.write(club: "a", "transitions:")
        let file = StatusFile(path: dir.root.appendingPathComponent("status.json").path)
        let clock = VirtualClock(base: t0)
        let fake = FakeGuilds()
        await fake.block("a")
        let loop = makeLoop([club], fake, clock: clock, statusFile: file)
        let running = Task { await loop.run() }
        while await !fake.isBlocked("a") { await Task.yield() }
        await loop.requestStop(reason: "SIGTERM")
        await fake.release("a")
        #expect(await running.value == .stopped)
        #expect(await fake.stopSeen(by: "a") == true)
        let status = try file.read()
        #expect(status.state == .stopped)
        #expect(status.clubs.first?.outcome == .interrupted)
    }

    @Test func shutdownIsBoundedWhenAPassDoesNotFinish() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let club = try dir.write(club: "stuck", "transitions:")
        let clock = VirtualClock(base: t0)
        let fake = FakeGuilds()
        await fake.block("stuck")
        let loop = makeLoop([club], fake, clock: clock, grace: .seconds(7))
        let running = Task { await loop.run() }
        while await !fake.isBlocked("stuck") { await Task.yield() }
        let before = clock.date
        await loop.requestStop(reason: "SIGTERM")
        #expect(await running.value == .stopped)
        #expect(clock.date.timeIntervalSince(before) >= 7)
        #expect(clock.recordedSleeps.contains(.seconds(7)))
        await fake.release("stuck")
    }

    @Test func idleDaemonSleepsUntilTheNextWakeOrFileCheck() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let club = try dir.write(club: "a", "transitions:")
        let clock = VirtualClock(base: t0)
        let fake = FakeGuilds()
        let loop = makeLoop([club], fake, clock: clock)
        clock.setGate { await loop.inFlight().isEmpty }
        let running = Task { await loop.run() }
        while clock.date < t0.addingTimeInterval(1000) { await Task.yield() }
        await loop.requestStop(reason: "test")
        #expect(await running.value == .stopped)
        let passes = await fake.passes["a"] ?? []
        // Polls every 5 minutes, not more often: no hot loop on an idle club.
        #expect(Array(passes.prefix(4)) == [0, 300, 600, 900].map { t0.addingTimeInterval($0) })
        #expect(passes.count <= 5)
        #expect(clock.recordedSleeps.allSatisfy { $0 <= .seconds(1) })
    }

    @Test func runWakesExactlyAtATransitionBetweenFileChecks() async throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let transition = t0.addingTimeInterval(2.25)
        let club = try dir.write(club: "a", "transitions: \(transition.timeIntervalSince1970)")
        let clock = VirtualClock(base: t0)
        let fake = FakeGuilds()
        let loop = makeLoop([club], fake, clock: clock)
        clock.setGate { await loop.inFlight().isEmpty }
        let running = Task { await loop.run() }
        while clock.date < t0.addingTimeInterval(10) { await Task.yield() }
        await loop.requestStop(reason: "test")
        #expect(await running.value == .stopped)
        #expect(await fake.passes["a"] == [t0, transition])
        #expect(clock.recordedSleeps.contains(.milliseconds(250)))
    }
}
