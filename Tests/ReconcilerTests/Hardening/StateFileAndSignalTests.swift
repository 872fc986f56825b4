import DiscordTypes
import Foundation
import Reconciler
import Testing

/// The state path is checked, never chmodded; only `apply` and `run` create a state; and
/// SIGHUP makes the daemon reload its configuration instead of killing it.
@Suite(.serialized) struct StateFileAndSignalTests {
    func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func anExistingStatePathIsCheckedNeverChmodded() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        let notes = s.dir.appendingPathComponent("notes.txt").path
        try "my notes\n".write(toFile: notes, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: notes)
        for command in [["plan"], ["apply", "--auto-approve"]] {
            let result = try await CLI.run(command + ["--config", s.dir.path, "--state", notes, "--at", SyntheticClub.instant],
                                           env: s.fixture.env)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("not a SQLite database"), "\(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"), "\(result.stderr)")
            #expect(try mode(notes) == 0o644, "\(command): an existing file keeps its mode")
            #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")
        }
        let directory = s.dir.appendingPathComponent("a-directory").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        let result = try await CLI.run(["plan", "--config", s.dir.path, "--state", directory], env: s.fixture.env)
        #expect(result.status == 1)
        #expect(result.stderr.contains("it is a directory"), "\(result.stderr)")
        #expect(try mode(directory) == 0o755)
        #expect(await s.mutations().isEmpty)
    }

    @Test func planNeverCreatesAStateAndSaysWhichItReads() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        let typo = s.dir.appendingPathComponent("typo/stat.sqlite").path
        let plan = try await s.plan(["--state", typo])
        #expect(plan.status == 2, "\(plan)")
        #expect(plan.stderr.contains("No state store at"), "\(plan.stderr)")
        #expect(!FileManager.default.fileExists(atPath: typo))
        #expect(!FileManager.default.fileExists(atPath: s.dir.appendingPathComponent("typo").path), "nor its directory")

        let apply = try await s.apply(["--state", typo])
        #expect(apply.status == 0, "\(apply)")
        #expect(apply.stderr.contains("Creating the state store"), "\(apply.stderr)")
        #expect(try mode(typo) == 0o600, "a state the tool creates is private")
        let again = try await s.plan(["--state", typo])
        #expect(again.status == 0, "\(again)")
        #expect(again.stderr.contains("Reading the state store"), "\(again.stderr)")
    }

    @Test func sighupReloadsTheDaemonsConfigurationAndNeverExits() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        let daemon = try CLI.start(["run", "--config", s.dir.path, "--log-format", "json"], env: s.fixture.env)
        func stderr() -> String { (try? String(contentsOf: daemon.err, encoding: .utf8)) ?? "" }
        func waitFor(_ text: String) async throws {
            let deadline = Date().addingTimeInterval(60)
            while !stderr().contains(text) {
                guard daemon.isRunning else { return }
                try #require(Date() < deadline, "never logged \(text): \(stderr())")
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        try await waitFor("daemon starting")
        kill(daemon.process.processIdentifier, SIGHUP)
        try await waitFor("reloading the configuration")
        try await waitFor("configuration changed; reconciling")
        #expect(daemon.isRunning, "SIGHUP must not stop the daemon: \(stderr())")
        kill(daemon.process.processIdentifier, SIGTERM)
        let result = await daemon.wait()
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("\"reason\":\"SIGHUP\""), "\(result.stderr)")
    }
}
