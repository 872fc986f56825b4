import Foundation
import Testing

/// README's main command with no token: the local sandbox guild, on a temp copy of the
/// example club. Also saved plans: applied when fresh, refused when stale.
@Suite(.serialized) struct EndToEndSandboxTests {
    static func exampleCopy() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("apex-endurance")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("examples/apex-endurance"), to: target)
        try? FileManager.default.removeItem(at: target.appendingPathComponent(".simlane"))
        return target
    }

    @Test func readmeCommandAppliesTheExampleThenSaysNoChanges() async throws {
        let dir = try Self.exampleCopy()
        let at = "2026-12-04T18:30:00Z"
        let first = try await CLI.run(["apply", "--config", dir.path, "--auto-approve", "--at", at])
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.contains("Using the local sandbox guild (no DISCORD_BOT_TOKEN set)"), "\(first.stderr)")
        #expect(first.stdout.contains("Apply complete"), "\(first.stdout)")
        let sandbox = dir.appendingPathComponent(".simlane/sandbox.json")
        #expect(FileManager.default.fileExists(atPath: sandbox.path))
        let state = dir.appendingPathComponent(".simlane/state.sqlite").path
        let mode = try FileManager.default.attributesOfItem(atPath: state)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = try await CLI.run(["apply", "--config", dir.path, "--auto-approve", "--at", at])
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout.contains("No changes."), "\(second.stdout)")
        let plan = try await CLI.run(["plan", "--config", dir.path, "--at", at, "--detailed-exitcode", "--json"])
        #expect(plan.status == 0, "\(plan)")
        #expect(plan.stdout.hasPrefix("{"), "--json prints only JSON on stdout")
    }

    @Test func savedPlanAppliesWhenFreshAndIsRefusedWhenStale() async throws {
        let dir = try Self.exampleCopy()
        let planFile = dir.appendingPathComponent("plan.json").path
        let made = try await CLI.run(["plan", "--config", dir.path, "--at", "2026-11-20T00:00:00Z", "--out", planFile,
                                      "--detailed-exitcode"])
        #expect(made.status == 2, "\(made)")
        let applied = try await CLI.run(["apply", "--config", dir.path, planFile])
        #expect(applied.status == 0, "\(applied)")
        #expect(applied.stdout.contains("Apply complete"), "\(applied.stdout)")

        let later = try await CLI.run(["plan", "--config", dir.path, "--at", "2026-12-04T18:30:00Z", "--out", planFile])
        #expect(later.status == 0, "\(later)")
        // The guild changes before the saved plan is applied.
        let other = try await CLI.run(["apply", "--config", dir.path, "--at", "2026-12-01T13:00:00Z", "--auto-approve"])
        #expect(other.status == 0, "\(other)")
        let stale = try await CLI.run(["apply", "--config", dir.path, planFile])
        #expect(stale.status == 1, "\(stale)")
        #expect(stale.stderr.contains("stale"), "\(stale.stderr)")
    }
}
