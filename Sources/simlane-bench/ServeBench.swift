// Serve benchmark: `serve` over a copy of examples/apex-endurance on its sandbox guild.
// Interaction round trips (sign, send, verify, handle, answer) at a fixed arrival rate
// (open loop: a request leaves every 1/rate s whether or not earlier ones have answered),
// half PINGs and half /events, then each API endpoint's latency, sequentially.
//
// Usage: simlane-bench serve [--rate 200] [--seconds 5] [--repeat 50] [--config examples/apex-endurance]
import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Reconciler
import Serve
import Spec

func runServeBench(_ arguments: [String]) async throws {
    func value(_ name: String) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
    let rate = value("--rate").flatMap(Double.init) ?? 200
    let seconds = value("--seconds").flatMap(Double.init) ?? 5
    let repeats = value("--repeat").flatMap(Int.init) ?? 50
    let source = value("--config") ?? "examples/apex-endurance"
    try await ServeBench(source: source).run(rate: rate, seconds: seconds, repeats: repeats)
}

struct ServeBench {
    let source: String
    static let token = "bench-token"

    func run(rate: Double, seconds: Double, repeats: Int) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-bench-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let club = directory.appendingPathComponent("club")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: source), to: club)
        let key = Curve25519.Signing.PrivateKey()
        let settingsFile = club.appendingPathComponent("simlane.yaml")
        let hex = key.publicKey.rawRepresentation.map { String(format: "%02x", $0) }.joined()
        try String(contentsOf: settingsFile, encoding: .utf8)
            .replacingOccurrences(of: "discord:\n", with: "discord:\n  public_key: \"\(hex)\"\n")
            .write(to: settingsFile, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: club.path)
        var quiet = Logger(label: "bench")
        quiet.logLevel = .critical
        let reconcilers = ClubReconcilers(target: .sandbox)
        let sources = try ClubSource.discover(at: club.path)
        let app = ServeApp(catalog: ClubCatalog(sources: sources), reconcilers: reconcilers, token: APIToken(Self.token)!,
                           logger: quiet)
        let server = try await ServeServer.start(app: app, host: "127.0.0.1", port: 0)
        let base = server.baseURL.absoluteString
        let session = URLSession(configuration: .ephemeral)
        _ = try await reconcilers.client(for: sources[0], config: config)

        // Interactions at a fixed rate.
        let guild = config.settings.discord.guildID.description
        let bodies = [
            #"{"application_id":"1","id":"2","type":1,"token":"t","version":1}"#,
            #"{"application_id":"1","id":"3","type":2,"token":"t","guild_id":"\#(guild)","data":{"id":"4","name":"events","type":1},"member":{"roles":[],"user":{"id":"5"}},"version":1}"#,
        ]
        let total = Int(rate * seconds)
        let interval = Duration.nanoseconds(Int64(1e9 / rate))
        let clock = ContinuousClock()
        let start = clock.now
        let results = await withTaskGroup(of: (Duration, Int).self) { group in
            for index in 0..<total {
                try? await clock.sleep(until: start + interval * index, tolerance: .microseconds(200))
                group.addTask {
                    let body = Data(bodies[index % 2].utf8)
                    let stamp = String(Int(Date().timeIntervalSince1970))
                    let began = clock.now
                    var request = URLRequest(url: URL(string: base + "/api/discord/webhooks/interactions")!)
                    request.httpMethod = "POST"
                    request.httpBody = body
                    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                    request.setValue(stamp, forHTTPHeaderField: "X-Signature-Timestamp")
                    let signature = (try? key.signature(for: Data(stamp.utf8) + body)) ?? Data()
                    request.setValue(signature.map { String(format: "%02x", $0) }.joined(), forHTTPHeaderField: "X-Signature-Ed25519")
                    let status = ((try? await session.data(for: request))?.1 as? HTTPURLResponse)?.statusCode ?? 0
                    return (clock.now - began, status)
                }
            }
            var all: [(Duration, Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        let elapsed = clock.now - start
        let ok = results.filter { $0.1 == 200 }.count
        print("serve: interactions, \(total) at \(Int(rate))/s (half PING, half /events), achieved \(String(format: "%.0f", Double(total) / elapsed.seconds))/s")
        print("| requests | 200 | p50 | p99 | max |")
        print("|---|---|---|---|---|")
        let latencies = results.map(\.0)
        print("| \(total) | \(ok) | \(Self.ms(Self.percentile(latencies, 0.5))) | \(Self.ms(Self.percentile(latencies, 0.99))) | \(Self.ms(latencies.max() ?? .zero)) |")

        // Endpoint latencies.
        let clubID = config.settings.club.id
        let endpoints: [(String, String, Data?)] = [
            ("GET", "/healthz", nil), ("GET", "/metrics", nil), ("POST", "/api/discord/bot-invite-url", nil),
            ("GET", "/api/clubs/\(clubID)/discord/settings", nil), ("GET", "/api/clubs/\(clubID)/discord/channels", nil),
            ("GET", "/api/clubs/\(clubID)/plan", nil), ("POST", "/api/clubs/\(clubID)/discord/sync-members", nil),
        ]
        print("")
        print("serve: API endpoints, \(repeats) sequential requests each")
        print("| endpoint | p50 | p99 | max | statuses |")
        print("|---|---|---|---|---|")
        for (method, path, body) in endpoints {
            var latencies: [Duration] = []
            var statuses: [Int: Int] = [:]
            for _ in 0..<repeats {
                var request = URLRequest(url: URL(string: base + path)!)
                request.httpMethod = method
                request.httpBody = body
                request.setValue("Bearer \(Self.token)", forHTTPHeaderField: "Authorization")
                let began = clock.now
                let status = ((try? await session.data(for: request))?.1 as? HTTPURLResponse)?.statusCode ?? 0
                latencies.append(clock.now - began)
                statuses[status, default: 0] += 1
            }
            let shown = statuses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
            print("| \(method) \(path) | \(Self.ms(Self.percentile(latencies, 0.5))) | \(Self.ms(Self.percentile(latencies, 0.99))) | \(Self.ms(latencies.max() ?? .zero)) | \(shown) |")
        }
        await server.stop()
        await reconcilers.close()
    }

    static func percentile(_ values: [Duration], _ p: Double) -> Duration {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .zero }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func ms(_ value: Duration) -> String { String(format: "%.1f ms", value.seconds * 1000) }
}
