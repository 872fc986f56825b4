import DiscordTypes
import Foundation

/// One HTTP request as the engine sees it: method, path (with `/api/v10` and query string
/// or without), headers and raw body. The HTTP layer builds it; tests may build it directly.
public struct EmulatorRequest: Sendable {
    public var method: String
    public var path: String
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method.uppercased()
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// A request with a JSON body and `Content-Type: application/json`.
    public init(method: String, path: String, token: String?, json: JSONValue? = nil) {
        var headers: [String: String] = [:]
        if let token { headers["Authorization"] = "Bot \(token)" }
        var body = Data()
        if let json {
            headers["Content-Type"] = "application/json"
            body = (try? DiscordJSON.encoder().encode(json)) ?? Data()
        }
        self.init(method: method, path: path, headers: headers, body: body)
    }

    /// Case-insensitive header lookup.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first(where: { $0.key.lowercased() == lower })?.value
    }
}

/// The engine's answer. `delay` is latency a fault asked for; the HTTP layer waits that long
/// before writing the response (in-process callers may ignore it).
public struct EmulatorResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    public var delay: Duration?

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), delay: Duration? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    /// A JSON response (sorted keys, snowflakes and permissions as strings).
    static func json(_ status: Int, _ value: JSONValue) -> EmulatorResponse {
        let data = JSONWriter.data(value)
        return EmulatorResponse(status: status, headers: ["Content-Type": "application/json"], body: data)
    }

    /// `204 No Content`.
    static let noContent = EmulatorResponse(status: 204)

    /// The body parsed as JSON, nil when empty or not JSON.
    public var json: JSONValue? {
        guard !body.isEmpty else { return nil }
        return try? DiscordJSON.decoder().decode(JSONValue.self, from: body)
    }

    /// Case-insensitive header lookup.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first(where: { $0.key.lowercased() == lower })?.value
    }
}
