import Crypto
import Discord
import DiscordTypes
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Reconciler
import Serve
import Spec
import Testing

/// A `serve` on 127.0.0.1:0 over a copy of examples/apex-endurance whose guild is a sandbox
/// (the emulator, seeded as the bot found it), with the application's Ed25519 key in the
/// settings. Every response a test receives is logged and, in `finish()`, validated against
/// docs/api.yaml by scripts/check_api_responses.py.
final class ServeFixture: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let apiToken = "test-api-token-7f3a9c"
    /// The instant the server believes it is: four days before Petit Le Mans.
    static let now = ISO8601DateFormatter().date(from: "2026-12-01T12:00:00Z")!
    /// The Stewards role of the example club (`discord.admin_roles`).
    static let adminRole: Snowflake = 1_180_246_602_878_992_404

    let directory: URL
    let club: URL
    let server: ServeServer
    let sandbox: SandboxGuild
    let reconcilers: ClubReconcilers
    let signingKey: Curve25519.Signing.PrivateKey
    /// What the server believes the time is (starts at `now`; tests move it).
    let clock: WallClock
    private let lock = NSLock()
    private var responses: [[String: Any]] = []

    var app: ServeApp { server.app }

    private init(directory: URL, club: URL, server: ServeServer, sandbox: SandboxGuild, reconcilers: ClubReconcilers,
                 signingKey: Curve25519.Signing.PrivateKey, clock: WallClock) {
        self.clock = clock
        self.directory = directory
        self.club = club
        self.server = server
        self.sandbox = sandbox
        self.reconcilers = reconcilers
        self.signingKey = signingKey
    }

    static func start(syncBudget: Duration = .seconds(30), maxBodyBytes: Int = 1 << 20,
                      publicKey: Bool = true, guildLink: GuildLinkOptions? = nil) async throws -> ServeFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        let club = directory.appendingPathComponent("apex-endurance")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("examples/apex-endurance"), to: club)
        let key = Curve25519.Signing.PrivateKey()
        if publicKey {
            let settings = club.appendingPathComponent("simlane.yaml")
            let text = try String(contentsOf: settings, encoding: .utf8)
                .replacingOccurrences(of: "discord:\n", with: "discord:\n  public_key: \"\(hex(key.publicKey.rawRepresentation))\"\n")
            try text.write(to: settings, atomically: true, encoding: .utf8)
        }
        let config = try ConfigLoader.load(path: club.path)
        let sources = try ClubSource.discover(at: club.path)
        let sandbox = try await SandboxGuild.start(
            config: config, file: StatePath.sandboxFile(stateFile: StatePath.stateFile(config: club.path, override: nil)))
        let client = DiscordClient(configuration: sandbox.clientConfiguration)
        let shared = ClubReconcilers(client: client)
        let clock = WallClock(now)
        let options = ServeOptions(maxBodyBytes: maxBodyBytes, syncBudget: syncBudget, now: { clock.now }, guildLink: guildLink)
        var logger = Logger(label: "simlane.serve")
        logger.logLevel = .warning
        let app = ServeApp(catalog: ClubCatalog(sources: sources), reconcilers: shared, token: APIToken(apiToken)!,
                           options: options, logger: logger)
        let server = try await ServeServer.start(app: app, host: "127.0.0.1", port: 0)
        return ServeFixture(directory: directory, club: club, server: server, sandbox: sandbox, reconcilers: shared,
                            signingKey: key, clock: clock)
    }

    /// One request; `token` nil sends no Authorization header.
    func request(_ method: String, _ path: String, token: String? = ServeFixture.apiToken,
                 headers: [String: String] = [:], body: Data? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: server.baseURL.absoluteString + path)!)
        request.httpMethod = method
        request.timeoutInterval = 60
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        let answer = Answer(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type"), data: data)
        record(method: method, path: path, answer: answer)
        return answer
    }

    func json(_ method: String, _ path: String, _ object: [String: Any]) async throws -> Answer {
        try await request(method, path, headers: ["Content-Type": "application/json"],
                          body: try JSONSerialization.data(withJSONObject: object))
    }

    /// POSTs `interaction` to the interactions endpoint signed with `key` (default: the
    /// club's) at `timestamp` (default: the server's now); `tamper` changes the body after
    /// signing.
    func interaction(_ interaction: [String: Any], key: Curve25519.Signing.PrivateKey? = nil, timestamp: Date? = nil,
                     headers include: Bool = true, tamper: ((Data) -> Data)? = nil) async throws -> Answer {
        let body = try JSONSerialization.data(withJSONObject: interaction, options: [.sortedKeys])
        let stamp = String(Int((timestamp ?? Self.now).timeIntervalSince1970))
        let signature = try (key ?? signingKey).signature(for: Data(stamp.utf8) + body)
        var headers = ["Content-Type": "application/json"]
        if include {
            headers["X-Signature-Ed25519"] = Self.hex(signature)
            headers["X-Signature-Timestamp"] = stamp
        }
        return try await request("POST", "/api/discord/webhooks/interactions", token: nil, headers: headers,
                                 body: tamper?(body) ?? body)
    }

    /// A slash command as Discord sends it, by a member with `roles`.
    func command(_ name: String, options: [String: String] = [:], roles: [Snowflake] = [], token: String = "itoken-\(UUID().uuidString)") -> [String: Any] {
        [
            "id": "1190000000000000001", "application_id": "1180245872113766410", "type": 2, "token": token,
            "guild_id": "1180244318470983750", "channel_id": "1180244318470983753",
            "data": ["id": "1190000000000000002", "name": name, "type": 1,
                     "options": options.map { ["name": $0.key, "type": 3, "value": $0.value] }] as [String: Any],
            "member": ["roles": roles.map(\.description), "user": ["id": "284611907262775296", "username": "alice"]] as [String: Any],
            "version": 1,
        ]
    }

    private func record(method: String, path: String, answer: Answer) {
        let body: Any = (try? JSONSerialization.jsonObject(with: answer.data, options: [.fragmentsAllowed]))
            ?? String(decoding: answer.data, as: UTF8.self)
        let entry: [String: Any] = [
            "method": method, "path": String(path.split(separator: "?", maxSplits: 1)[0]), "status": answer.status,
            "content_type": answer.contentType ?? "", "body": body,
        ]
        lock.withLock { responses.append(entry) }
    }

    /// Stops everything and checks every response received against docs/api.yaml.
    func finish(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        await server.stop()
        await reconcilers.close()
        await sandbox.stop()
        let entries = lock.withLock { responses }
        guard !entries.isEmpty else {
            try? FileManager.default.removeItem(at: directory)
            return
        }
        let log = directory.appendingPathComponent("responses.jsonl")
        let lines = try entries.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let (status, output) = try await Self.python([
            Self.repository.appendingPathComponent("scripts/check_api_responses.py").path,
            Self.repository.appendingPathComponent("docs/api.yaml").path, log.path,
        ])
        #expect(status == 0, "responses do not match docs/api.yaml:\n\(output)", sourceLocation: sourceLocation)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs python3 on a thread of its own (never blocking Swift's cooperative pool).
    static func python(_ arguments: [String]) async throws -> (Int32, String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["python3"] + arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                do {
                    try process.run()
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    static func hex(_ data: some DataProtocol) -> String { data.map { String(format: "%02x", $0) }.joined() }
}

/// One HTTP answer.
struct Answer: CustomStringConvertible {
    var status: Int
    var contentType: String?
    var data: Data

    var text: String { String(decoding: data, as: UTF8.self) }
    var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:] }
    var code: String? { object["code"] as? String }
    var description: String { "\(status) \(text.prefix(600))" }
}

extension ServeFixture {
    /// Applies the club's layout at `now` into the sandbox, as the daemon's pass does.
    func applyNow() async throws {
        let source = try ClubSource.discover(at: club.path)[0]
        let config = try ConfigLoader.load(path: club.path)
        let outcome = try await reconcilers.pass(source, config: config, at: Self.now, stop: StopSignal())
        #expect(outcome.failed == 0, "\(outcome)")
    }

    /// The roster member sync recorded in the club's state store.
    func sandboxRoster() async throws -> [String] {
        let store = try SQLiteStateStore(path: StatePath.stateFile(config: club.path, override: nil))
        return try await store.roster(guild: 1_180_244_318_470_983_750).map(\.accountID)
    }
}

/// A settable wall clock for the server under test.
final class WallClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ start: Date) { value = start }
    var now: Date { lock.withLock { value } }
    func advance(by seconds: TimeInterval) { lock.withLock { value += seconds } }
}
