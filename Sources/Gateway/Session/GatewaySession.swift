import DiscordTypes
import Foundation
import Logging

/// One gateway session (one shard): connects, heartbeats, identifies or resumes, and hands
/// every dispatch to the caller, surviving drops, Reconnect (op 7), Invalid Session (op 9),
/// zombie connections and resumable close codes. It stops only when asked (`stop()`) or on
/// a fatal close code (4004, 4010-4014: `GatewayError.fatalClose`).
///
/// Waiting goes through the injected clock and jitter through the injected generator, so
/// tests control heartbeats through the Hello interval the emulator sends.
///
/// ```swift
/// let session = GatewaySession(configuration: .init(token: token, intents: [.guilds]),
///                              transport: WebSocketGatewayTransport(logger: logger),
///                              gatewayInfo: { try await client.gatewayBot() }, logger: logger)
/// try await session.run { event in await cache.apply(event) }
/// ```
public actor GatewaySession {
    struct Resumable: Sendable {
        var sessionID: String
        var url: String
    }

    enum ConnectionEnd: Sendable { case resume, reidentify, stopped }

    let configuration: GatewayConfiguration
    let transport: any GatewayTransport
    let gatewayInfo: @Sendable () async throws -> GatewayBotInfo
    let clock: any Clock<Duration>
    let elapsed: @Sendable () -> Double
    var generator: any RandomNumberGenerator & Sendable
    let logger: Logger

    var stats = GatewaySessionStats()
    var info: GatewayBotInfo?
    var budget: IdentifyBudget?
    var resumable: Resumable?
    var sequence: Int?
    var limiter = GatewaySendLimiter()
    var current: (id: Int, connection: any GatewayConnection)?
    var connectionCounter = 0
    var acked = true
    var heartbeatSentAt: Double?
    var stopped = false
    /// Whether the current connection got READY or RESUMED (a working session).
    var confirmed = false

    public init(
        configuration: GatewayConfiguration, transport: any GatewayTransport,
        gatewayInfo: @escaping @Sendable () async throws -> GatewayBotInfo,
        clock: any Clock<Duration> = ContinuousClock(),
        random: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        logger: Logger
    ) {
        self.configuration = configuration
        self.transport = transport
        self.gatewayInfo = gatewayInfo
        self.clock = clock
        self.elapsed = Self.stopwatch(clock)
        self.generator = random
        self.logger = logger
    }

    private static func stopwatch<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Double {
        let start = clock.now
        return {
            let d = start.duration(to: clock.now).components
            return Double(d.seconds) + Double(d.attoseconds) / 1e18
        }
    }

    /// What the session has done so far.
    public func currentStats() -> GatewaySessionStats { stats }

    /// Closes the connection (1000) and makes `run` return.
    public func stop() async {
        stopped = true
        if let current { await current.connection.close(code: 1000) }
    }

    /// Runs the session until `stop()` or a fatal close; `onEvent` sees every dispatch in
    /// order (READY and RESUMED included), `onDisconnect` each connection that ended (events
    /// may be missing until RESUMED or a new READY). Throws `GatewayError` for what must not
    /// be retried.
    public func run(onEvent: @escaping @Sendable (GatewayEvent) async -> Void,
                    onDisconnect: @escaping @Sendable () async -> Void = {}) async throws {
        var failures = 0
        var resumeFailures = 0
        while !stopped {
            let end: ConnectionEnd
            do {
                let url = try await connectURL()
                end = try await runConnection(url: url, onEvent: onEvent)
                // A connection that never got READY/RESUMED counts as a failure, so a gateway
                // that closes every connection at once is retried with back-off, not hot.
                if confirmed {
                    failures = 0
                    resumeFailures = 0
                } else {
                    failures += 1
                }
                await onDisconnect()
            } catch let error as GatewayError {
                await onDisconnect()
                throw error
            } catch is CancellationError {
                return
            } catch {
                failures += 1
                logger.warning("gateway connection failed", metadata: ["error": "\(error)", "attempt": "\(failures)"])
                await onDisconnect()
                end = .resume
            }
            switch end {
            case .stopped: return
            case .reidentify:
                resumable = nil; sequence = nil; resumeFailures = 0
                let delay = configuration.invalidSessionDelay * Double.random(in: 1...5, using: &generator)
                try? await clock.sleep(for: delay, tolerance: nil)
            case .resume:
                if resumable != nil {
                    resumeFailures += 1
                    if resumeFailures > configuration.maxResumeAttempts { resumable = nil; sequence = nil; resumeFailures = 0 }
                }
            }
            if stopped || Task.isCancelled { return }
            try? await clock.sleep(for: backoff(failures), tolerance: nil)
        }
    }

    func backoff(_ failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        let factor = Double(1 << min(failures - 1, 10))
        let delay = configuration.reconnectDelay * factor
        return min(delay, configuration.maxReconnectDelay)
    }

    func connectURL() async throws -> String {
        let base: String
        if let resumable {
            base = resumable.url
        } else {
            if info == nil { try await refreshInfo() }
            base = info!.url
        }
        let separator = base.contains("?") ? "&" : "?"
        return base + separator + "v=10&encoding=json"
    }

    func refreshInfo() async throws {
        let fresh = try await gatewayInfo()
        info = fresh
        budget = IdentifyBudget(remaining: fresh.sessionStartLimit.remaining,
                                resetsAt: elapsed() + Double(fresh.sessionStartLimit.resetAfter) / 1000)
    }

    // MARK: - One connection

    func runConnection(url: String, onEvent: @escaping @Sendable (GatewayEvent) async -> Void) async throws -> ConnectionEnd {
        let connection = try await transport.connect(to: url)
        connectionCounter += 1
        let id = connectionCounter
        current = (id, connection)
        stats.connections += 1
        limiter = GatewaySendLimiter()
        acked = true
        confirmed = false
        defer { if current?.id == id { current = nil } }
        if stopped { await connection.close(code: 1000); return .stopped }

        guard case .text(let first) = await connection.receive() else { return .resume }
        let hello = try GatewayPayload.decode(first)
        guard hello.opcode == .hello, let interval = hello.d?["heartbeat_interval"]?.intValue, interval > 0 else {
            await connection.close(code: 4000)
            throw GatewayError.protocolViolation("expected Hello (op 10), got op \(hello.op)")
        }
        stats.heartbeatIntervalMs = interval
        let heartbeat = Task { await self.heartbeat(connection: id, intervalMs: interval) }
        defer { heartbeat.cancel() }

        if let resumable, let sequence {
            stats.resumes += 1
            try await send(GatewayPayload(op: .resume, d: .object([
                "token": .string(configuration.token), "session_id": .string(resumable.sessionID),
                "seq": .number(Double(sequence)),
            ])), on: connection)
        } else {
            resumable = nil
            sequence = nil
            try await identify(on: connection)
        }

        while true {
            switch await connection.receive() {
            case .closed(let code):
                if stopped { return .stopped }
                switch GatewayCloseCode.classify(code) {
                case .fatal(let reason):
                    logger.error("gateway closed with a fatal code", metadata: ["code": "\(code ?? 0)"])
                    throw GatewayError.fatalClose(code: code ?? 0, reason: reason)
                case .reidentify: return .reidentify
                case .resume: return .resume
                }
            case .text(let text):
                guard let payload = try? GatewayPayload.decode(text) else { continue }
                if let end = try await handle(payload, connection: connection, onEvent: onEvent) {
                    return end
                }
            }
        }
    }

    /// Handles one frame; returns how the connection ends when it does.
    func handle(_ payload: GatewayPayload, connection: any GatewayConnection,
                onEvent: @Sendable (GatewayEvent) async -> Void) async throws -> ConnectionEnd? {
        switch payload.opcode {
        case .dispatch:
            if let s = payload.s { sequence = s; stats.lastSequence = s }
            stats.dispatches += 1
            guard let name = payload.t else { return nil }
            let event: GatewayEvent
            do {
                event = try GatewayEvent.decode(name: name, data: payload.d ?? .null)
            } catch {
                logger.warning("undecodable gateway event", metadata: ["event": "\(name)", "error": "\(error)"])
                return nil
            }
            switch event {
            case .ready(let ready):
                resumable = Resumable(sessionID: ready.sessionID, url: ready.resumeGatewayURL)
                stats.sessionID = ready.sessionID
                confirmed = true
            case .resumed:
                stats.resumed += 1
                confirmed = true
            default: break
            }
            await onEvent(event)
        case .heartbeat:
            try await sendHeartbeat(on: connection)
        case .heartbeatACK:
            acked = true
            stats.acksReceived += 1
            if let sent = heartbeatSentAt { stats.latency = elapsed() - sent }
        case .reconnect:
            stats.reconnectRequests += 1
            await connection.close(code: 4000)
            return .resume
        case .invalidSession:
            stats.invalidSessions += 1
            await connection.close(code: 4000)
            return payload.d?.boolValue == true ? .resume : .reidentify
        default:
            break
        }
        return nil
    }

    func identify(on connection: any GatewayConnection) async throws {
        if budget == nil { try await refreshInfo() }
        let wait = budget!.wait(at: elapsed())
        if wait > 0 {
            guard Duration.seconds(wait) <= configuration.maxIdentifyWait else {
                throw GatewayError.identifyBudgetExhausted(resetAfterMs: Int(wait * 1000))
            }
            logger.warning("identify budget spent; waiting for it to refill", metadata: ["seconds": "\(Int(wait))"])
            try await clock.sleep(for: .seconds(wait), tolerance: nil)
            try await refreshInfo()
        }
        await configuration.identifyGate?.wait()
        budget!.spend(at: elapsed())
        stats.identifies += 1
        var data: [String: JSONValue] = [
            "token": .string(configuration.token),
            "intents": .number(Double(configuration.intents.rawValue)),
            "properties": .object([
                "os": .string("linux"), "browser": .string("simlane-reconcile"), "device": .string("simlane-reconcile"),
            ]),
        ]
        if let shard = configuration.shard { data["shard"] = .array(shard.map { .number(Double($0)) }) }
        try await send(GatewayPayload(op: .identify, d: .object(data)), on: connection)
    }

    // MARK: - Heartbeat and sending

    /// Heartbeats on connection `id`: the first after `interval × random(0..1)`, then every
    /// interval. A heartbeat whose predecessor was never acknowledged means a zombie
    /// connection: close it with 4000 (not 1000, so the session stays resumable).
    func heartbeat(connection id: Int, intervalMs: Int) async {
        let jitter = Double.random(in: 0..<1, using: &generator)
        let first = Double(intervalMs) / 1000 * jitter
        stats.firstHeartbeatDelay = first
        do {
            try await clock.sleep(for: .seconds(first), tolerance: nil)
            while !Task.isCancelled {
                guard let current, current.id == id else { return }
                if !acked {
                    stats.zombies += 1
                    logger.warning("gateway heartbeat not acknowledged; reconnecting")
                    await current.connection.close(code: 4000)
                    return
                }
                try await sendHeartbeat(on: current.connection)
                try await clock.sleep(for: .milliseconds(intervalMs), tolerance: nil)
            }
        } catch {
            return
        }
    }

    func sendHeartbeat(on connection: any GatewayConnection) async throws {
        acked = false
        heartbeatSentAt = elapsed()
        stats.heartbeatsSent += 1
        try await send(GatewayPayload(op: .heartbeat, d: sequence.map { .number(Double($0)) } ?? .null),
                       on: connection, heartbeat: true)
    }

    /// Sends within 120 frames per 60 s, keeping a few slots for heartbeats.
    func send(_ payload: GatewayPayload, on connection: any GatewayConnection, heartbeat: Bool = false) async throws {
        let wait = limiter.delay(at: elapsed(), reserve: heartbeat ? 0 : 3)
        if wait > 0 { try await clock.sleep(for: .seconds(wait), tolerance: nil) }
        limiter.record(at: elapsed())
        stats.framesSent += 1
        try await connection.send(try payload.encoded())
    }

    /// Sends an arbitrary frame (e.g. op 8) within the send limit.
    public func sendFrame(_ payload: GatewayPayload) async throws {
        guard let current else { throw GatewayTransportError.closedBeforeOpen }
        try await send(payload, on: current.connection)
    }
}
