import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport: Foundation's URLSession (libcurl on Linux).
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init(session: URLSession = URLSession(configuration: .ephemeral)) {
        self.session = session
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        // FoundationNetworking truncates the interval to whole seconds (0.3 s fires at once),
        // so round up to at least one second.
        urlRequest.timeoutInterval = max(1, request.timeout.seconds.rounded(.up))
        for field in request.headers.fields {
            urlRequest.setValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError {
            throw Self.transportError(error)
        } catch {
            throw TransportError.other(String(describing: type(of: error)))
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError.other("not an HTTP response")
        }
        var headers = HTTPHeaders()
        for name in Self.interestingHeaders {
            // value(forHTTPHeaderField:) is case-insensitive; allHeaderFields' subscript is not.
            if let value = http.value(forHTTPHeaderField: name) { headers[name] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// The response headers the client reads.
    static let interestingHeaders = [
        "Content-Type", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining",
        "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket",
        "X-RateLimit-Global", "X-RateLimit-Scope",
    ]

    static func transportError(_ error: URLError) -> TransportError {
        switch error.code {
        case .timedOut: return .timedOut
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return .connectionFailed("URLError \(error.code.rawValue)")
        default: return .other("URLError \(error.code.rawValue)")
        }
    }
}
