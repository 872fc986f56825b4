import Foundation
import Logging
import NIOSSL
import NIOWebSocket
import WSClient

/// Gateway connections over `WSClient` (swift-websocket): TLS for `wss://`, plain for the
/// emulator's `ws://127.0.0.1`. URLSession's WebSocket does not work on Linux here
/// (TOOLCHAIN.md), hence NIO.
public struct WebSocketGatewayTransport: GatewayTransport {
    let logger: Logger
    /// Largest inbound message (GUILD_CREATE of a big guild can be megabytes).
    public var maxMessageSize = 1 << 24

    public init(logger: Logger) { self.logger = logger }

    public func connect(to url: String) async throws -> any GatewayConnection {
        let connection = WebSocketGatewayConnection()
        let (opened, openedContinuation) = AsyncStream<Result<Void, any Error>>.makeStream()
        let logger = self.logger
        let maxSize = maxMessageSize
        let tls: TLSConfiguration? = url.hasPrefix("wss://") ? .makeClientConfiguration() : nil
        Task {
            var code: Int?
            do {
                let frame = try await WebSocketClient.connect(
                    url: url, configuration: .init(maxFrameSize: maxSize), tlsConfiguration: tls, logger: logger
                ) { inbound, outbound, _ in
                    openedContinuation.yield(.success(()))
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for try await message in inbound.messages(maxSize: maxSize) {
                                if case .text(let text) = message { connection.deliver(.text(text)) }
                            }
                        }
                        group.addTask {
                            for await command in connection.commands {
                                switch command {
                                case .text(let text): try await outbound.write(.text(text))
                                case .close(let code):
                                    try await outbound.close(WebSocketErrorCode(codeNumber: code), reason: nil)
                                    return
                                }
                            }
                        }
                        _ = try await group.next()
                        group.cancelAll()
                    }
                }
                code = frame.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) }
                openedContinuation.yield(.failure(GatewayTransportError.closedBeforeOpen))
            } catch {
                openedContinuation.yield(.failure(error))
            }
            openedContinuation.finish()
            connection.deliver(.closed(code: connection.localCloseCode ?? code))
        }
        for await result in opened {
            try result.get()
            return connection
        }
        throw GatewayTransportError.closedBeforeOpen
    }
}

/// Why a connection could not be opened.
public enum GatewayTransportError: Error, Sendable, Hashable {
    case closedBeforeOpen
}

/// Bridges WSClient's handler closure to the pull-style `GatewayConnection`.
final class WebSocketGatewayConnection: GatewayConnection, @unchecked Sendable {
    enum Command: Sendable { case text(String), close(Int) }

    private let lock = NSLock()
    private var buffered: [GatewayFrame] = []
    private var waiter: CheckedContinuation<GatewayFrame, Never>?
    private var finished: GatewayFrame?
    private var closeCode: Int?
    let commands: AsyncStream<Command>
    private let commandContinuation: AsyncStream<Command>.Continuation

    init() {
        (commands, commandContinuation) = AsyncStream<Command>.makeStream()
    }

    /// The code we closed with ourselves (reported as the close code of the connection).
    var localCloseCode: Int? { lock.withLock { closeCode } }

    func deliver(_ frame: GatewayFrame) {
        let continuation: CheckedContinuation<GatewayFrame, Never>? = lock.withLock {
            if finished != nil { return nil }
            if case .closed = frame { finished = frame; commandContinuation.finish() }
            if let waiter {
                self.waiter = nil
                return waiter
            }
            buffered.append(frame)
            return nil
        }
        continuation?.resume(returning: frame)
    }

    func receive() async -> GatewayFrame {
        await withCheckedContinuation { continuation in
            let ready: GatewayFrame? = lock.withLock {
                if !buffered.isEmpty { return buffered.removeFirst() }
                if let finished { return finished }
                waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    func send(_ text: String) async throws {
        if lock.withLock({ finished != nil }) { throw GatewayTransportError.closedBeforeOpen }
        commandContinuation.yield(.text(text))
    }

    func close(code: Int) async {
        lock.withLock { if closeCode == nil { closeCode = code } }
        commandContinuation.yield(.close(code))
    }
}
