import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The `serve` binary: it refuses to start without an API token, answers on the port it
/// bound, logs requests without the query string or the token, and stops on SIGTERM with 0.
@Suite struct ServeCLITests {
    static let token = "cli-api-token-4411"

    @Test func withoutAnAPITokenServeRefusesToStart() async throws {
        let result = try await CLI.run(["serve", "--config", CLI.packageRoot.appendingPathComponent("examples/apex-endurance").path,
                                        "--listen", "127.0.0.1:0"], env: ["SIMLANE_API_TOKEN": ""])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("no API token: set SIMLANE_API_TOKEN or pass --api-token-file"), "\(result)")
    }

    @Test func serveAnswersLogsNoSecretsAndStopsOnSIGTERM() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let club = dir.appendingPathComponent("apex-endurance")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("examples/apex-endurance"), to: club)
        let server = try CLI.start(["serve", "--config", club.path, "--listen", "127.0.0.1:0"],
                                   env: ["SIMLANE_API_TOKEN": Self.token])
        // The bound port, from the start-up line (the binary picks a free one).
        var port: Int?
        let deadline = Date().addingTimeInterval(90)
        while port == nil && server.isRunning && Date() < deadline {
            let log = (try? String(contentsOf: server.err, encoding: .utf8)) ?? ""
            if let range = log.range(of: "on http://127.0.0.1:") {
                port = Int(log[range.upperBound...].prefix { $0.isNumber })
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let bound = try #require(port, "serve never said where it listens")
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(bound)/api/clubs/apex-endurance/discord/channels?code=SECRET-CODE")!)
        request.setValue("Bearer \(Self.token)", forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 60
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        kill(server.process.processIdentifier, SIGTERM)
        let result = await server.wait()
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("GET /api/clubs/apex-endurance/discord/channels 200"), "\(result)")
        #expect(!result.stderr.contains("SECRET-CODE") && !result.stderr.contains(Self.token), "\(result)")
    }
}
