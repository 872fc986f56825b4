import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `ServeApp` on an HTTP port (Hummingbird 2). `start` returns once the socket is bound
/// (port 0 picks a free one); `stop` stops accepting, lets requests in flight finish and
/// returns when the server is down. `run()` (the CLI) serves until SIGTERM/SIGINT, then
/// shuts down gracefully.
public final class ServeServer: Sendable {
    public let app: ServeApp
    public let host: String
    public let port: Int
    private let task: Task<Void, any Error>

    /// `http://HOST:PORT`.
    public var baseURL: URL { URL(string: "http://\(host):\(port)")! }

    private init(app: ServeApp, host: String, port: Int, task: Task<Void, any Error>) {
        self.app = app
        self.host = host
        self.port = port
        self.task = task
    }

    /// Parses `--listen HOST:PORT`.
    public static func parseListen(_ text: String) throws(ServeSetupError) -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port), colon != text.startIndex else {
            throw .badListenAddress(text)
        }
        return (String(text[..<colon]), port)
    }

    /// Starts serving `app` on `host:port`, in a task; `gracefulShutdownOnSignals` makes
    /// SIGTERM and SIGINT stop it gracefully (the `serve` command).
    public static func start(app: ServeApp, host: String, port: Int, gracefulShutdownOnSignals: Bool = false,
                             logger: Logger? = nil) async throws -> ServeServer {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "simlane.serve.http")
        quiet.logLevel = .critical
        let application = Application(
            responder: ServeResponder(app: app),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger ?? quiet)
        let task = Task {
            defer { continuation.finish() }
            if gracefulShutdownOnSignals {
                try await application.runService()
            } else {
                try await application.run()
            }
        }
        var bound: Int?
        for await value in stream {
            bound = value
            break
        }
        guard let bound, bound > 0 else {
            task.cancel()
            _ = await task.result
            throw ServeSetupError.couldNotBind("\(host):\(port)")
        }
        return ServeServer(app: app, host: host, port: bound, task: task)
    }

    /// Stops the server (requests in flight finish) and waits until it is down.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Waits until the server stops (a signal, with `gracefulShutdownOnSignals`).
    public func wait() async throws {
        try await task.value
    }
}

/// Hummingbird's side: reads the body (refusing more than `maxBodyBytes` with 413 before
/// reading it when `Content-Length` says so), hands an `APIRequest` to the app, writes the
/// answer.
struct ServeResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let app: ServeApp

    func respond(to request: Request, context: Context) async throws -> Response {
        let limit = app.options.maxBodyBytes
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        let tooLarge = APIResponse.error(APIError(413, .payloadTooLarge, "the body is larger than \(limit) bytes"))
        if let length = headers["content-length"].flatMap(Int.init), length > limit { return Self.response(tooLarge) }
        var request = request
        let body: Data
        do {
            body = Data(try await request.collectBody(upTo: limit).readableBytesView)
        } catch {
            return Self.response(tooLarge)
        }
        var query: [String: String] = [:]
        for item in URLComponents(string: "http://x\(request.uri.description)")?.queryItems ?? [] {
            query[item.name] = item.value ?? ""
        }
        let answer = await app.handle(APIRequest(method: request.method.rawValue, path: request.uri.path, query: query,
                                                 headers: headers, body: body))
        return Self.response(answer)
    }

    static func response(_ answer: APIResponse) -> Response {
        var fields = HTTPFields()
        if let type = answer.contentType { fields[.contentType] = type }
        fields[.cacheControl] = "no-store"
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
