import Foundation
import Testing

/// The real `simlane-reconcile validate` and `render` binaries, as users and CI run them.
@Suite struct CLITests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary next to the test bundle (`swift test` builds it there), else `.build/debug`.
    static let binary: URL = {
        var candidates = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates.append(Paths.repository.appendingPathComponent(".build/debug"))
        for directory in candidates {
            let url = directory.appendingPathComponent("simlane-reconcile")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Paths.repository.appendingPathComponent(".build/debug/simlane-reconcile")
    }()

    /// Runs the binary on a thread of its own (waiting for a process blocks its thread).
    func run(_ arguments: [String]) async throws -> Output {
        try await OwnThread.run { try Self.runBlocking(arguments) }
    }

    static func runBlocking(_ arguments: [String]) throws -> Output {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spec-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("stdout"), err = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Paths.repository
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    @Test func validateAcceptsTheExample() async throws {
        let output = try await run(["validate", "--config", "examples/apex-endurance"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(!output.stdout.contains(": error:"))
        #expect(output.stdout.hasSuffix("OK: Apex Endurance (guild 1180244318470983750): 30 members (27 linked), 3 series, 10 events, 23 teams in 6 files\n"))
    }

    @Test func validateListsEveryPlantedErrorAndExitsOne() async throws {
        let output = try await run(["validate", "--config", "examples/broken"])
        #expect(output.status == 1)
        let headlines = output.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        let expected = BrokenExampleTests.expected.map { "examples/broken/\($0.file):\($0.line):\($0.column): error: \($0.message)" }
        #expect(headlines == expected)
        #expect(output.stdout.split(separator: "\n").filter { $0.hasPrefix("    hint: ") }.count == expected.count)
        #expect(output.stdout.hasSuffix("\(expected.count) errors in examples/broken\n"))
    }

    @Test func renderPrintsTheSameTreeAsTheGolden() async throws {
        let output = try await run(["render", "--config", "examples/apex-endurance", "--at", "2026-12-04T19:00:00Z"])
        #expect(output.status == 0)
        let golden = try String(contentsOf: Golden.fixtures.appendingPathComponent("race-day-t-minus-23h/render.txt"), encoding: .utf8)
        #expect(output.stdout == golden)
    }

    @Test func renderMessagesPrintsThePreviewGolden() async throws {
        let output = try await run(["render", "--config", "examples/apex-endurance", "--at", "2026-12-04T19:00:00Z", "--messages"])
        #expect(output.status == 0)
        let golden = try String(contentsOf: Golden.fixtures.appendingPathComponent("race-day-t-minus-23h/messages.txt"), encoding: .utf8)
        #expect(output.stdout == golden)
    }

    @Test func renderJSON() async throws {
        let output = try await run(["render", "--config", "examples/apex-endurance", "--at", "2026-12-04T19:00:00Z", "--json"])
        #expect(output.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(object?["nextTransition"] as? String == "2026-12-05T17:45:00Z")
        #expect(((object?["desired"] as? [String: Any])?["channels"] as? [Any])?.count == 25)
    }

    @Test func renderFailsWithDiagnosticsOnABrokenConfigOrInstant() async throws {
        let broken = try await run(["render", "--config", "examples/broken"])
        #expect(broken.status == 1 && broken.stdout.isEmpty)
        #expect(broken.stderr.contains("examples/broken/simlane.yaml:7:13: error:"))
        let badInstant = try await run(["render", "--config", "examples/apex-endurance", "--at", "tomorrow"])
        #expect(badInstant.status == 1)
        #expect(badInstant.stderr.contains("not an ISO 8601 instant"))
        for lenient in ["2026-12-05T12:00:00Z junk", "2026-02-30T12:00:00Z", "2026-12-05T12:00:00+99:99",
                        "99999999-01-01T00:00:00Z"] {
            let refused = try await run(["render", "--config", "examples/apex-endurance", "--at", lenient])
            #expect(refused.status == 1 && refused.stdout.isEmpty, "\(lenient): \(refused.stdout)")
            #expect(refused.stderr.contains("not an ISO 8601 instant we accept"), "\(refused.stderr)")
        }
    }

    @Test func usageErrorsExitOneAsREADMESays() async throws {
        let unknown = try await run(["plan", "--config", "examples/apex-endurance", "--no-such-flag"])
        #expect(unknown.status == 1, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("no-such-flag"), "\(unknown.stderr)")
        let missing = try await run(["validate"])
        #expect(missing.status == 1, "\(missing.stderr)")
        let help = try await run(["--help"])
        #expect(help.status == 0)
    }
}
