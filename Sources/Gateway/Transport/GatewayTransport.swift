/// What the session reads from a gateway connection.
public enum GatewayFrame: Sendable, Hashable {
    case text(String)
    /// The connection ended: with the peer's close code, or nil for a drop without one.
    case closed(code: Int?)
}

/// One open gateway WebSocket. `receive` returns `.closed` once at the end, then keeps
/// returning it.
public protocol GatewayConnection: Sendable {
    func receive() async -> GatewayFrame
    func send(_ text: String) async throws
    /// Closes with `code` (never 1000/1001 when the session should stay resumable).
    func close(code: Int) async
}

/// Opens gateway connections (`WebSocketGatewayTransport` in production).
public protocol GatewayTransport: Sendable {
    func connect(to url: String) async throws -> any GatewayConnection
}
