import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// The emulator on a loopback HTTP port (Hummingbird 2). Port 0 picks a free port;
/// `baseURL` is what a client uses as `DISCORD_API_BASE`.
///
/// ```swift
/// let server = try await EmulatorServer.start(emulator: emulator)
/// defer { Task { await server.stop() } }
/// URLSession.shared.data(from: server.baseURL.appending(path: "users/@me"))
/// ```
public final class EmulatorServer: Sendable {
    public let emulator: DiscordEmulator
    /// The bound port.
    public let port: Int
    /// `http://127.0.0.1:PORT/api/v10`.
    public let baseURL: URL
    private let task: Task<Void, any Error>

    private init(emulator: DiscordEmulator, host: String, port: Int, task: Task<Void, any Error>) {
        self.emulator = emulator
        self.port = port
        self.baseURL = URL(string: "http://\(host):\(port)/api/v10")!
        self.task = task
    }

    /// Starts serving `emulator` on `host:port` and returns once the socket is bound.
    public static func start(emulator: DiscordEmulator, host: String = "127.0.0.1", port: Int = 0,
                             logger: Logger? = nil) async throws -> EmulatorServer {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "simlane.emulator")
        quiet.logLevel = .critical
        let app = Application(
            responder: EmulatorResponder(emulator: emulator),
            server: .http1WebSocketUpgrade { request, channel, _ in
                // The gateway (`EmulatorGateway`) on the same port: ws://host:port/gateway.
                guard request.path?.hasPrefix("/gateway") == true else { return .dontUpgrade }
                return .upgrade([:]) { inbound, outbound, _ in
                    await emulator.gateway.serve(inbound: inbound, outbound: outbound, channel: channel, emulator: emulator)
                }
            },
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger ?? quiet)
        let task = Task {
            defer { continuation.finish() }
            try await app.run()
        }
        var bound: Int?
        for await value in stream {
            bound = value
            break
        }
        guard let bound, bound > 0 else {
            task.cancel()
            if case .failure(let error) = await task.result { throw error }
            throw EmulatorServerError.couldNotBind(host: host, port: port)
        }
        await emulator.setGatewayURL("ws://\(host):\(bound)/gateway")
        return EmulatorServer(emulator: emulator, host: host, port: bound, task: task)
    }

    /// `ws://127.0.0.1:PORT/gateway`: the emulator's gateway (what `/gateway/bot` answers).
    public var gatewayURL: String { "ws://\(baseURL.host ?? "127.0.0.1"):\(port)/gateway" }

    /// Stops the server and waits until it has shut down.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Runs until the task is cancelled or the server fails.
    public func wait() async throws {
        try await task.value
    }
}

/// Why the server could not start.
public enum EmulatorServerError: Error, Sendable, CustomStringConvertible {
    case couldNotBind(host: String, port: Int)

    public var description: String {
        switch self {
        case .couldNotBind(let host, let port): "the emulator could not listen on \(host):\(port)"
        }
    }
}
