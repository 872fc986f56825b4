import DiscordTypes
import Foundation
import Planner
import Reconciler
import Testing

/// A saved plan is input, not a trusted program: an edited operation, target id or config
/// hash is refused before any request, naming the offending change.
@Suite(.serialized) struct SavedPlanVerificationTests {
    /// A converged guild with one managed channel renamed by hand, and a saved plan that
    /// renames it back (a `modifyChannel` on the owned id).
    static func driftPlan() async throws -> (Scenario, String, Snowflake) {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        try #require(try await s.apply().status == 0)
        let signup = try await s.id("series/s0/event/s0e0/signup")
        try await s.emulator.adminRenameChannel(signup, to: "renamed-by-hand")
        let planFile = s.dir.appendingPathComponent("plan.json").path
        let made = try await s.plan(["--out", planFile])
        try #require(made.status == 2, "\(made)")
        return (s, planFile, signup)
    }

    static func edit(_ path: String, _ body: (inout [String: Any]) throws -> Void) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        try body(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    }

    static func editFirstChange(_ path: String, _ body: (inout [String: Any]) throws -> Void) throws {
        try edit(path) { json in
            var plan = try #require(json["plan"] as? [String: Any])
            var changes = try #require(plan["changes"] as? [[String: Any]])
            let index = try #require(changes.firstIndex { ($0["operation"] as? [String: Any])?["modifyChannel"] != nil })
            try body(&changes[index])
            plan["changes"] = changes
            json["plan"] = plan
        }
    }

    func general(_ s: Scenario) async throws -> Snowflake {
        try #require(await s.guild().channels.values.first { $0.name == "general" }?.id)
    }

    func applySaved(_ s: Scenario, _ planFile: String) async throws -> CLIResult {
        await s.emulator.resetLog()
        return try await CLI.run(["apply", "--config", s.dir.path, planFile], env: s.fixture.env)
    }

    @Test func anUntouchedSavedPlanApplies() async throws {
        let (s, planFile, signup) = try await Self.driftPlan()
        defer { Task { await s.stop() } }
        let applied = try await applySaved(s, planFile)
        #expect(applied.status == 0, "\(applied)")
        #expect(await s.guild().channels[signup]?.name != "renamed-by-hand")
    }

    @Test func aChangedOperationIsRefusedBeforeAnyRequest() async throws {
        let (s, planFile, _) = try await Self.driftPlan()
        defer { Task { await s.stop() } }
        let general = try await general(s)
        try Self.editFirstChange(planFile) { change in
            change["operation"] = ["deleteChannel": ["id": general.description]]
        }
        let applied = try await applySaved(s, planFile)
        #expect(applied.status == 1, "\(applied)")
        #expect(applied.stderr.contains("refusing the saved plan"), "\(applied.stderr)")
        #expect(applied.stderr.contains("series/s0/event/s0e0/signup"), "names the change: \(applied.stderr)")
        #expect(await s.mutations().isEmpty)
        #expect(await s.guild().channels[general] != nil)
    }

    @Test func aChangedTargetIdIsRefusedBeforeAnyRequest() async throws {
        let (s, planFile, _) = try await Self.driftPlan()
        defer { Task { await s.stop() } }
        let general = try await general(s)
        try Self.editFirstChange(planFile) { change in
            var operation = try #require(change["operation"] as? [String: Any])
            var modify = try #require(operation["modifyChannel"] as? [String: Any])
            modify["id"] = general.description
            operation["modifyChannel"] = modify
            change["operation"] = operation
        }
        let applied = try await applySaved(s, planFile)
        #expect(applied.status == 1, "\(applied)")
        #expect(applied.stderr.contains("targets \(general)"), "\(applied.stderr)")
        #expect(await s.emulator.requestLog.isEmpty, "refused from the state store alone, before any request")
        #expect(await s.guild().channels[general]?.name == "general")
    }

    @Test func aChangedConfigHashIsRefusedBeforeAnyRequest() async throws {
        let (s, planFile, _) = try await Self.driftPlan()
        defer { Task { await s.stop() } }
        try Self.edit(planFile) { json in json["configHash"] = "0000000000000000" }
        let applied = try await applySaved(s, planFile)
        #expect(applied.status == 1, "\(applied)")
        #expect(applied.stderr.contains("another configuration"), "\(applied.stderr)")
        #expect(await s.emulator.requestLog.isEmpty)
    }

    @Test func anEditedRequestBodyIsRefusedBeforeAnyMutation() async throws {
        // The id and key still fit; only the body differs from what the configuration plans.
        let (s, planFile, signup) = try await Self.driftPlan()
        defer { Task { await s.stop() } }
        try Self.editFirstChange(planFile) { change in
            var operation = try #require(change["operation"] as? [String: Any])
            var modify = try #require(operation["modifyChannel"] as? [String: Any])
            var update = try #require(modify["_1"] as? [String: Any])
            update["name"] = "pwned"
            modify["_1"] = update
            operation["modifyChannel"] = modify
            change["operation"] = operation
        }
        let applied = try await applySaved(s, planFile)
        #expect(applied.status == 1, "\(applied)")
        #expect(applied.stderr.contains("its request differs"), "\(applied.stderr)")
        #expect(await s.mutations().isEmpty)
        #expect(await s.guild().channels[signup]?.name == "renamed-by-hand")
    }
}
