import DiscordTypes
import Foundation

/// The emulator's gateway: sessions with their sequence numbers and replay buffers, the
/// connections serving them, and gateway faults. `GatewayConnectionServer` runs the
/// WebSocket side; `DiscordEmulator` publishes every state change here as dispatches.
///
/// Faults a test can inject: drop every connection without a close frame, send Reconnect
/// (op 7) or Invalid Session (op 9), withhold heartbeat ACKs, close with any code, refuse
/// resumes. Settings control the Hello interval (tests use short ones), the shard count
/// `/gateway/bot` recommends and which privileged intents the bot may use (else 4014).
/// A lock (not an actor) keeps publishing synchronous, so events leave in the order the
/// emulator made the changes.
public final class EmulatorGateway: @unchecked Sendable {
    /// What the gateway does; change with `configure`.
    public struct Settings: Sendable, Hashable {
        /// The `heartbeat_interval` Hello announces (Discord: 41250 ms).
        public var heartbeatIntervalMs = 41_250
        /// Whether heartbeats go unanswered (a zombie connection from the client's view).
        public var withholdACKs = false
        /// Whether a Resume is answered with Invalid Session `d: false`.
        public var refuseResumes = false
        /// `shards` in `/gateway/bot`; identifying with fewer shards closes with 4011.
        public var shards = 1
        /// Privileged intents enabled in the "Developer Portal" (else 4014).
        public var allowedPrivilegedIntents = GatewayDispatch.privileged
        /// Identifies per 24 h (`session_start_limit.total`).
        public var identifyLimit = 1000
        /// Frames a client may send per 60 s before the gateway closes with 4008.
        public var sendLimit = 120
        /// `session_start_limit.max_concurrency`: identifies allowed per 5 s.
        public var maxConcurrency = 1

        public init() {}
    }

    /// What happened on the gateway, for tests and the benchmark.
    public struct Stats: Sendable, Hashable {
        public var connections = 0
        public var identifies = 0
        public var resumes = 0
        public var resumesRefused = 0
        public var heartbeats = 0
        public var acks = 0
        public var dispatches = 0
        /// Close codes the gateway sent, in order.
        public var closeCodes: [Int] = []
        /// Dispatch names sent, in order (capped at 10,000).
        public var events: [String] = []
    }

    enum Outbound: Sendable { case text(String), close(Int), drop }

    final class Connection: @unchecked Sendable {
        let id: Int
        let continuation: AsyncStream<Outbound>.Continuation
        var sessionID: String?
        var sends: [Date] = []
        init(id: Int, continuation: AsyncStream<Outbound>.Continuation) {
            self.id = id
            self.continuation = continuation
        }
    }

    struct Session {
        var id: String
        var token: String
        var botID: Snowflake
        var intents: Int
        var shard: [Int]
        var sequence = 0
        var buffer: [(seq: Int, dispatch: GatewayDispatch)] = []
        var connection: Int?
    }

    let lock = NSLock()
    var settings = Settings()
    var stats = Stats()
    var connections: [Int: Connection] = [:]
    var sessions: [String: Session] = [:]
    var identifyTimes: [Snowflake: [Date]] = [:]
    var nextConnection = 0
    var nextSession = 0
    /// Replay buffer per session (Discord keeps a bounded backlog too).
    static let bufferLimit = 10_000

    public init() {}

    // MARK: - Settings, faults and inspection

    public func configure(_ change: (inout Settings) -> Void) { lock.withLock { change(&settings) } }
    public var currentSettings: Settings { lock.withLock { settings } }
    public var currentStats: Stats { lock.withLock { stats } }
    /// Open connections.
    public var connectionCount: Int { lock.withLock { connections.count } }
    /// Whether any session exists (connected or resumable): only then are changes published.
    var hasSessions: Bool { lock.withLock { !sessions.isEmpty } }

    /// Drops every connection without a close frame (a network failure).
    public func dropConnections() { broadcast(.drop) }

    /// Closes every connection with `code` (4004 and 4010-4014 must stop the client).
    public func closeConnections(code: Int) {
        lock.withLock { stats.closeCodes.append(code) }
        broadcast(.close(code))
    }

    /// Sends Reconnect (op 7) on every connection.
    public func sendReconnect() { broadcast(.text(Self.frame(op: 7, d: .null))) }

    /// Sends Invalid Session (op 9) on every connection; `resumable: false` also forgets
    /// the sessions, so only a new Identify works.
    public func sendInvalidSession(resumable: Bool) {
        lock.withLock {
            if !resumable {
                for connection in connections.values { connection.sessionID.map { sessions[$0] = nil } }
            }
        }
        broadcast(.text(Self.frame(op: 9, d: .bool(resumable))))
    }

    func broadcast(_ outbound: Outbound) {
        let targets = lock.withLock { Array(connections.values) }
        for connection in targets { connection.continuation.yield(outbound) }
    }

    // MARK: - Publishing

    /// Sends `dispatches` to every session allowed to see them (in its guild, with the
    /// intent, on its shard), buffering them for resume while a session is disconnected.
    func publish(_ dispatches: [GatewayDispatch]) {
        guard !dispatches.isEmpty else { return }
        lock.withLock {
            for key in sessions.keys.sorted() {
                for dispatch in dispatches where visible(dispatch, to: sessions[key]!) {
                    enqueue(dispatch, session: key)
                }
            }
        }
    }

    func visible(_ dispatch: GatewayDispatch, to session: Session) -> Bool {
        guard dispatch.audience.contains(session.botID), session.intents & dispatch.intent != 0 else { return false }
        guard let guild = dispatch.guildID, session.shard.count == 2, session.shard[1] > 1 else { return true }
        return Int((guild.rawValue >> 22) % UInt64(session.shard[1])) == session.shard[0]
    }

    /// Adds one event to a session (lock held): next sequence number, buffer, send.
    func enqueue(_ dispatch: GatewayDispatch, session key: String) {
        guard var session = sessions[key] else { return }
        session.sequence += 1
        session.buffer.append((session.sequence, dispatch))
        if session.buffer.count > Self.bufferLimit { session.buffer.removeFirst(session.buffer.count - Self.bufferLimit) }
        if let id = session.connection, let connection = connections[id] {
            connection.continuation.yield(.text(Self.frame(dispatch, seq: session.sequence, for: session)))
            stats.dispatches += 1
            if stats.events.count < 10_000 { stats.events.append(dispatch.name) }
        }
        sessions[key] = session
    }

    static func frame(op: Int, d: JSONValue) -> String {
        String(decoding: JSONWriter.data(.object(["op": .int(op), "d": d, "s": .null, "t": .null])), as: UTF8.self)
    }

    /// A dispatch frame; message content is blanked for sessions without MESSAGE_CONTENT
    /// unless the bot wrote the message (DISCORD.md §8).
    static func frame(_ dispatch: GatewayDispatch, seq: Int, for session: Session) -> String {
        var data = dispatch.data
        if dispatch.intent == GatewayDispatch.guildMessages, session.intents & GatewayDispatch.messageContent == 0,
           case .object(var object) = data, object["author"]?["id"]?.stringValue != session.botID.description,
           object["content"] != nil {
            object["content"] = .string("")
            object["embeds"] = .array([])
            data = .object(object)
        }
        return String(decoding: JSONWriter.data(.object([
            "op": .int(0), "d": data, "s": .int(seq), "t": .string(dispatch.name),
        ])), as: UTF8.self)
    }
}
