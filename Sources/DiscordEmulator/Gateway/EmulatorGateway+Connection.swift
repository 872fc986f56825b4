import DiscordTypes
import Foundation
import HummingbirdWebSocket
import NIOCore

extension EmulatorGateway {
    /// Serves one WebSocket connection: Hello, then Identify or Resume, heartbeats and the
    /// session's events, enforcing Discord's close codes (4001 unknown opcode, 4002 decode
    /// error, 4003 not authenticated, 4004 bad token, 4005 already authenticated, 4007 bad
    /// sequence, 4008 over 120 sends per 60 s, 4010/4011 shards, 4013/4014 intents).
    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, channel: any NIOCore.Channel,
               emulator: DiscordEmulator) async {
        let (stream, continuation) = AsyncStream<Outbound>.makeStream()
        let connection: Connection = lock.withLock {
            nextConnection += 1
            stats.connections += 1
            let connection = Connection(id: nextConnection, continuation: continuation)
            connections[connection.id] = connection
            return connection
        }
        defer { detach(connection) }
        let interval = lock.withLock { settings.heartbeatIntervalMs }
        continuation.yield(.text(Self.frame(op: 10, d: .object(["heartbeat_interval": .int(interval)]))))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await item in stream {
                    switch item {
                    case .text(let text): try? await outbound.write(.text(text))
                    case .close(let code):
                        try? await outbound.close(.init(codeNumber: code), reason: nil)
                        return
                    case .drop:
                        try? await channel.close()
                        return
                    }
                }
            }
            group.addTask {
                do {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        if await self.receive(text, on: connection, emulator: emulator) { break }
                    }
                } catch {}
            }
            await group.next()
            group.cancelAll()
            continuation.finish()
        }
    }

    func detach(_ connection: Connection) {
        lock.withLock {
            connections[connection.id] = nil
            if let key = connection.sessionID, sessions[key]?.connection == connection.id {
                sessions[key]?.connection = nil
            }
        }
    }

    func close(_ connection: Connection, code: Int) {
        lock.withLock { stats.closeCodes.append(code) }
        connection.continuation.yield(.close(code))
    }

    /// Handles one client frame; true when the connection is being closed.
    func receive(_ text: String, on connection: Connection, emulator: DiscordEmulator) async -> Bool {
        let overLimit: Bool = lock.withLock {
            let now = Date()
            connection.sends.removeAll { now.timeIntervalSince($0) >= 60 }
            connection.sends.append(now)
            return connection.sends.count > settings.sendLimit
        }
        if overLimit { close(connection, code: 4008); return true }
        guard let payload = try? DiscordJSON.decoder().decode(JSONValue.self, from: Data(text.utf8)),
              let op = payload["op"]?.intValue else {
            close(connection, code: 4002)
            return true
        }
        let d = payload["d"] ?? .null
        switch op {
        case 1:
            let ack = lock.withLock { () -> Bool in
                stats.heartbeats += 1
                if !settings.withholdACKs { stats.acks += 1 }
                return !settings.withholdACKs
            }
            if ack { connection.continuation.yield(.text(Self.frame(op: 11, d: .null))) }
        case 2:
            if lock.withLock({ connection.sessionID != nil }) { close(connection, code: 4005); return true }
            if let code = await identify(d, on: connection, emulator: emulator) { close(connection, code: code); return true }
        case 6:
            if lock.withLock({ connection.sessionID != nil }) { close(connection, code: 4005); return true }
            if let code = resume(d, on: connection) { close(connection, code: code); return true }
        case 3, 4, 8:
            if lock.withLock({ connection.sessionID == nil }) { close(connection, code: 4003); return true }
        default:
            close(connection, code: 4001)
            return true
        }
        return false
    }

    /// Identify: checks token, shard and intents, then READY and one GUILD_CREATE per guild.
    func identify(_ d: JSONValue, on connection: Connection, emulator: DiscordEmulator) async -> Int? {
        guard let token = d["token"]?.stringValue, let intents = d["intents"]?.intValue else { return 4002 }
        var shard = [0, 1]
        if case .array(let values)? = d["shard"] {
            shard = values.compactMap(\.intValue)
            guard shard.count == 2, shard[1] >= 1, shard[0] >= 0, shard[0] < shard[1] else { return 4010 }
        }
        let settings = lock.withLock { self.settings }
        if shard[1] < settings.shards { return 4011 }
        if intents & ~GatewayDispatch.known != 0 || intents < 0 { return 4013 }
        if intents & GatewayDispatch.privileged & ~settings.allowedPrivilegedIntents != 0 { return 4014 }
        guard let ready = await emulator.gatewayIdentify(token: token, intents: intents, shard: shard) else { return 4004 }
        lock.withLock {
            nextSession += 1
            let key = "emulated-session-\(nextSession)"
            stats.identifies += 1
            identifyTimes[ready.botID, default: []].append(Date())
            var session = Session(id: key, token: token, botID: ready.botID, intents: intents, shard: shard)
            session.connection = connection.id
            sessions[key] = session
            connection.sessionID = key
            var readyData = ready.ready
            if case .object(var object) = readyData {
                object["session_id"] = .string(key)
                readyData = .object(object)
            }
            enqueue(GatewayDispatch("READY", guild: nil, data: readyData, intent: ~0, audience: [ready.botID]), session: key)
            for guild in ready.guilds where visible(guild, to: session) { enqueue(guild, session: key) }
        }
        return nil
    }

    /// Resume: replays what the session missed after `seq`, then RESUMED; an unknown or
    /// refused session gets Invalid Session `d: false`.
    func resume(_ d: JSONValue, on connection: Connection) -> Int? {
        guard let token = d["token"]?.stringValue, let key = d["session_id"]?.stringValue,
              let seq = d["seq"]?.intValue else { return 4002 }
        return lock.withLock { () -> Int? in
            guard !settings.refuseResumes, var session = sessions[key], session.token == token else {
                stats.resumesRefused += 1
                connection.continuation.yield(.text(Self.frame(op: 9, d: .bool(false))))
                return nil
            }
            guard seq <= session.sequence else { return 4007 }
            if let first = session.buffer.first?.seq, seq < first - 1 {
                stats.resumesRefused += 1
                connection.continuation.yield(.text(Self.frame(op: 9, d: .bool(false))))
                return nil
            }
            if let old = session.connection, let previous = connections[old] { previous.continuation.yield(.drop) }
            stats.resumes += 1
            session.connection = connection.id
            connection.sessionID = key
            sessions[key] = session
            for entry in session.buffer where entry.seq > seq {
                connection.continuation.yield(.text(Self.frame(entry.dispatch, seq: entry.seq, for: session)))
                stats.dispatches += 1
                if stats.events.count < 10_000 { stats.events.append(entry.dispatch.name) }
            }
            enqueue(GatewayDispatch("RESUMED", guild: nil, data: .null, intent: ~0, audience: [session.botID]), session: key)
            return nil
        }
    }

    /// `session_start_limit` for `bot`: identifies in the last 24 h against the limit.
    func sessionStartLimit(bot: Snowflake, now: Date) -> JSONValue {
        lock.withLock {
            let recent = (identifyTimes[bot] ?? []).filter { now.timeIntervalSince($0) < 86_400 }
            identifyTimes[bot] = recent
            let reset = recent.first.map { max(0, 86_400 - now.timeIntervalSince($0)) } ?? 0
            return .object([
                "total": .int(settings.identifyLimit), "remaining": .int(max(0, settings.identifyLimit - recent.count)),
                "reset_after": .int(Int(reset * 1000)), "max_concurrency": .int(settings.maxConcurrency),
            ])
        }
    }
}
