import DiscordTypes
import Foundation

/// An HTTP method the Discord API uses (one type with `DiscordEndpoint`'s).
public typealias HTTPMethod = DiscordEndpoint.Method

extension DiscordEndpoint.Method: CustomStringConvertible {
    public var description: String { rawValue }

    /// Whether repeating the request cannot create a second resource. Only POST is not.
    public var isIdempotent: Bool { self != .post }
}

/// One HTTP request as the client hands it to a transport.
///
/// `description` and reflection never show the `Authorization` header.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    public var method: HTTPMethod
    public var url: URL
    public var headers: HTTPHeaders
    public var body: Data?
    /// How long the transport may wait for the whole response.
    public var timeout: Duration

    public init(method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: Data? = nil,
                timeout: Duration = .seconds(15)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    public var description: String { "\(method) \(url.path)" }
}

/// One HTTP response: status, headers (case-insensitive) and the raw body.
public struct HTTPResponse: Sendable, CustomStringConvertible {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var description: String { "HTTP \(status) (\(body.count) bytes)" }
}

/// Why a transport produced no response. The rate limiter decides from the case whether a
/// request may be retried: `.connectionFailed` means the request never left, `.timedOut` and
/// `.other` mean its outcome is unknown.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection could be made (refused, DNS, unreachable): the server never saw the request.
    case connectionFailed(String)
    /// The request was sent but no complete response arrived in time.
    case timedOut
    /// Any other failure after the request may have been sent.
    case other(String)

    public var description: String {
        switch self {
        case .connectionFailed(let detail): "connection failed: \(detail)"
        case .timedOut: "timed out"
        case .other(let detail): "transport failure: \(detail)"
        }
    }

    /// Whether the server certainly did not receive the request.
    public var requestNeverSent: Bool {
        if case .connectionFailed = self { return true }
        return false
    }
}

/// Sends HTTP requests. The client's only door to the network, so tests can substitute a
/// scripted fake and the CLI can substitute an in-process emulator.
public protocol HTTPTransport: Sendable {
    /// Performs one request. Non-2xx statuses are responses, not errors; throw
    /// `TransportError` only when no response was received.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
