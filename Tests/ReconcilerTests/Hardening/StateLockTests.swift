import DiscordTypes
import Foundation
import Reconciler
import Testing

/// One writer per guild: concurrent applies never race, `--lock-timeout 0` fails at once
/// naming the holder, and a killed holder never blocks the next apply.
@Suite(.serialized) struct StateLockTests {
    @Test func twoConcurrentAppliesMakeExactlyOneLayout() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 2, teams: 3))
        defer { Task { await s.stop() } }
        let first = try s.startApply()
        let second = try s.startApply()
        let results = [await first.wait(), await second.wait()]
        for result in results { #expect(result.status == 0, "\(result)") }
        // Exactly one of them made the layout; the other found nothing to do.
        #expect(results.filter { $0.stdout.contains("No changes.") }.count == 1, "\(results)")
        let guild = await s.guild()
        #expect(guild.duplicateChannels.isEmpty, "\(guild.duplicateChannels)")
        #expect(guild.duplicateRoles.isEmpty, "\(guild.duplicateRoles)")
        let threads = guild.channels.values.filter { $0.type == .privateThread }.map { "\($0.parentID?.description ?? "")/\($0.name)" }
        #expect(Set(threads).count == threads.count, "duplicate threads: \(threads.sorted())")
        #expect(try await s.plan().status == 0, "converged")
    }

    @Test func lockTimeoutZeroFailsAtOnceNamingTheHolder() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        let held = try await StateLock.acquire(statePath: s.statePath, timeout: .zero)
        await s.emulator.resetLog()
        let refused = try await s.apply(["--lock-timeout", "0"])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("locked by pid \(getpid())"), "\(refused.stderr)")
        #expect(await s.mutations().isEmpty)
        held.release()
        let applied = try await s.apply(["--lock-timeout", "0"])
        #expect(applied.status == 0, "\(applied)")
    }

    @Test func aKilledHolderDoesNotBlockTheNextApply() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 3, teams: 3))
        defer { Task { await s.stop() } }
        let base = await s.emulator.currentCounters.executed
        let running = try s.startApply()
        while running.isRunning {
            if await s.emulator.currentCounters.executed - base >= 3 {
                running.kill9()
                break
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        _ = await running.wait()
        let next = try await s.apply(["--lock-timeout", "0"])
        #expect(next.status == 0, "\(next)")
        #expect(try await s.plan().status == 0, "converged")
        #expect(await s.guild().duplicateChannels.isEmpty)
    }

    @Test func aWaitingRunSaysWhoItWaitsForAndTimesOut() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        let state = dir.appendingPathComponent("state.sqlite").path
        let held = try await StateLock.acquire(statePath: state, timeout: .zero)
        defer { held.release() }
        let mode = try FileManager.default.attributesOfItem(atPath: StateLock.lockFile(forState: state))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let clock = VirtualClock(base: Date(timeIntervalSince1970: 0))
        var announced: [Int32?] = []
        do {
            _ = try await StateLock.acquire(statePath: state, timeout: .seconds(1), clock: clock,
                                            pollInterval: .milliseconds(250)) { announced.append($0) }
            Issue.record("the lock is held: acquire must time out")
        } catch {
            #expect("\(error)".contains("locked by pid \(getpid())"), "\(error)")
        }
        #expect(announced == [getpid()])
        #expect(clock.recordedSleeps.reduce(.zero, +) == .seconds(1), "waited the timeout on the injected clock")
    }
}

