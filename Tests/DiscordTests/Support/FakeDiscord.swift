import Discord
import DiscordTypes
import Foundation

/// A scripted, in-memory Discord for client tests: per-route buckets with real headers and
/// 429s, an optional global limit, scripted faults, and a log of every request with the
/// manual clock's time. Bodies are appended to `$SIMLANE_BODY_LOG_DIR` like the emulator does,
/// so the OpenAPI check also covers what these tests send.
actor FakeDiscord: HTTPTransport {
    struct Sent: Sendable {
        var method: HTTPMethod
        var path: String
        var template: String
        var query: [String: String]
        var headers: HTTPHeaders
        var body: Data?
        var at: Duration

        var key: String { "\(method) \(template)" }
        var major: String {
            let parts = path.split(separator: "/")
            guard parts.count >= 2, ["channels", "guilds", "webhooks"].contains(parts[0]) else { return "global" }
            return "\(parts[0])/\(parts[1])"
        }
        var json: [String: Any] {
            guard let body, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return [:] }
            return object
        }
    }

    /// A bucket: `limit` requests per `window`, per major parameter.
    struct Rule: Sendable {
        var hash: String
        var limit: Int
        var window: Duration
    }

    enum Scripted: Sendable {
        case respond(HTTPResponse)
        /// Answers after `delay` on the manual clock (a slow response).
        case delayed(Duration, HTTPResponse)
        case fail(TransportError)
    }

    let clock: ManualClock
    private(set) var sent: [Sent] = []
    private(set) var served429 = 0
    private var rules: [String: Rule] = [:]
    private var defaultRule: Rule?
    private var globalLimit: Int?
    private var scripts: [String: [Scripted]] = [:]
    private var usage: [String: (count: Int, windowEnd: Duration)] = [:]
    private var nextID: UInt64 = 900_000_000_000_000_000
    var memberCount = 0

    init(clock: ManualClock, defaultRule: Rule? = nil, globalLimit: Int? = nil) {
        self.clock = clock
        self.defaultRule = defaultRule
        self.globalLimit = globalLimit
    }

    /// Puts routes (`"PATCH /channels/:id"`) into a bucket.
    func setRule(_ rule: Rule, for keys: String...) {
        for key in keys { rules[key] = rule }
    }

    /// Queues answers for a route key; they are used before normal handling, in order.
    func script(_ key: String, _ answers: Scripted...) {
        scripts[key, default: []].append(contentsOf: answers)
    }

    func setMemberCount(_ count: Int) { memberCount = count }

    func requests(_ key: String) -> [Sent] { sent.filter { $0.key == key } }

    /// The most requests seen in any window of `length` (by arrival time).
    func maxInAnyWindow(_ length: Duration, where include: (Sent) -> Bool = { _ in true }) -> Int {
        let times = sent.filter(include).map(\.at).sorted()
        var best = 0
        var start = 0
        for end in times.indices {
            while times[end] - times[start] >= length { start += 1 }
            best = max(best, end - start + 1)
        }
        return best
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let now = clock.elapsed
        var path = request.url.path
        if path.hasPrefix("/api/v10") { path.removeFirst("/api/v10".count) }
        let template = path.split(separator: "/").map { $0.allSatisfy(\.isNumber) ? ":id" : String($0) }
            .reduce("") { $0 + "/" + $1 }
        var query: [String: String] = [:]
        for item in URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? [] {
            query[item.name] = item.value
        }
        let entry = Sent(method: request.method, path: path, template: template, query: query,
                         headers: request.headers, body: request.body, at: now)
        sent.append(entry)
        if let body = request.body { ClientBodyLog.append(method: request.method.rawValue, path: request.url.path, body: body) }

        if var queue = scripts[entry.key], !queue.isEmpty {
            let next = queue.removeFirst()
            scripts[entry.key] = queue
            switch next {
            case .fail(let error): throw error
            case .delayed(let delay, let response):
                try await clock.sleep(until: clock.now.advanced(by: delay), tolerance: nil)
                return response
            case .respond(let response):
                if response.status == 429 { served429 += 1 }
                return response
            }
        }
        if let globalLimit {
            let recent = sent.dropLast().filter { now - $0.at < .seconds(1) }.count
            if recent >= globalLimit {
                served429 += 1
                return Self.rateLimited(retryAfter: 1, scope: "global", headers: ["X-RateLimit-Global": "true"])
            }
        }
        var headers = HTTPHeaders()
        if let rule = rules[entry.key] ?? defaultRule {
            let bucketKey = "\(rule.hash)|\(entry.major)"
            var state = usage[bucketKey] ?? (0, now + rule.window)
            if now >= state.windowEnd { state = (0, now + rule.window) }
            let resetAfter = (state.windowEnd - now).seconds
            headers["X-RateLimit-Bucket"] = rule.hash
            headers["X-RateLimit-Limit"] = String(rule.limit)
            headers["X-RateLimit-Reset-After"] = String(format: "%.3f", resetAfter)
            if state.count >= rule.limit {
                headers["X-RateLimit-Remaining"] = "0"
                usage[bucketKey] = state
                served429 += 1
                return Self.rateLimited(retryAfter: resetAfter, scope: "user", headers: headers)
            }
            state.count += 1
            usage[bucketKey] = state
            headers["X-RateLimit-Remaining"] = String(rule.limit - state.count)
        }
        return answer(entry, headers: headers)
    }

    static func rateLimited(retryAfter: Double, scope: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers["X-RateLimit-Scope"] = scope
        headers["Retry-After"] = String(Int(retryAfter.rounded(.up)))
        let body = #"{"message":"You are being rate limited.","retry_after":\#(retryAfter),"global":\#(scope == "global")}"#
        return HTTPResponse(status: 429, headers: headers, body: Data(body.utf8))
    }

    static func error(_ status: Int, code: Int, message: String, errors: String? = nil) -> HTTPResponse {
        let tree = errors.map { #","errors":\#($0)"# } ?? ""
        return HTTPResponse(status: status, headers: ["Content-Type": "application/json"],
                            body: Data(#"{"code":\#(code),"message":"\#(message)"\#(tree)}"#.utf8))
    }

    private func newID() -> UInt64 {
        nextID += 1
        return nextID
    }

    private func answer(_ entry: Sent, headers: HTTPHeaders) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        let body = entry.json
        let name = (body["name"] as? String) ?? "x"
        let idSegment = entry.path.split(separator: "/").dropFirst().first.map(String.init) ?? "1"
        let json: String
        switch entry.key {
        case "GET /guilds/:id/roles", "GET /guilds/:id/channels":
            json = "[]"
        case "GET /users/@me":
            json = #"{"id":"42","username":"simlane-bot","bot":true}"#
        case "POST /guilds/:id/channels":
            json = #"{"id":"\#(newID())","type":\#(body["type"] as? Int ?? 0),"guild_id":"\#(idSegment)","name":"\#(name)"}"#
        case "PATCH /channels/:id", "DELETE /channels/:id", "GET /channels/:id":
            json = #"{"id":"\#(idSegment)","type":0,"name":"\#(name)"}"#
        case "POST /channels/:id/threads":
            json = #"{"id":"\#(newID())","type":\#(body["type"] as? Int ?? 12),"parent_id":"\#(idSegment)","name":"\#(name)","thread_metadata":{"archived":false,"auto_archive_duration":10080,"locked":false}}"#
        case "POST /guilds/:id/roles", "PATCH /guilds/:id/roles/:id":
            json = #"{"id":"\#(newID())","name":"\#(name)","position":1,"permissions":"0"}"#
        case "GET /guilds/:id/members":
            let limit = Int(entry.query["limit"] ?? "1") ?? 1
            let after = UInt64(entry.query["after"] ?? "0") ?? 0
            let ids = (1...max(memberCount, 1)).lazy.map { UInt64($0) * 1000 }
                .filter { $0 > after && self.memberCount > 0 }.prefix(limit)
            json = "[" + ids.map { #"{"user":{"id":"\#($0)","username":"u\#($0)"},"roles":[],"joined_at":"2026-01-01T00:00:00Z"}"# }
                .joined(separator: ",") + "]"
        case "POST /channels/:id/messages":
            json = #"{"id":"\#(newID())","channel_id":"\#(idSegment)","content":"\#(body["content"] as? String ?? "")"}"#
        default:
            if entry.method == .put || entry.method == .delete {
                return HTTPResponse(status: 204, headers: headers)
            }
            json = "{}"
        }
        return HTTPResponse(status: 200, headers: headers, body: Data(json.utf8))
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

/// Appends request bodies to `$SIMLANE_BODY_LOG_DIR/bodies-<pid>-client.jsonl` in the emulator's format.
enum ClientBodyLog {
    private static let lock = NSLock()

    static func append(method: String, path: String, body: Data) {
        guard let dir = ProcessInfo.processInfo.environment["SIMLANE_BODY_LOG_DIR"], !dir.isEmpty,
              (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) != nil,
              let text = String(data: body, encoding: .utf8), !text.contains("\n")
        else { return }
        // The body bytes are copied verbatim so booleans and integers keep their JSON types.
        var data = Data(#"{"method":"\#(method)","path":"\#(path)","body":"#.utf8)
        data.append(Data(text.utf8))
        data.append(Data("}\n".utf8))
        let file = URL(fileURLWithPath: dir).appendingPathComponent("bodies-\(getpid())-client.jsonl")
        lock.withLock {
            if !FileManager.default.fileExists(atPath: file.path) {
                _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            }
            guard let handle = try? FileHandle(forWritingTo: file) else { return }
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: data)
        }
    }
}
