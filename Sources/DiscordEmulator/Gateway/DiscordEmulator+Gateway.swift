import DiscordTypes
import Foundation

/// What Identify needs from the emulator's state.
struct GatewayReady: Sendable {
    var botID: Snowflake
    var ready: JSONValue
    var guilds: [GatewayDispatch]
}

extension DiscordEmulator {
    /// Called on every state change: schedules one publish after the current actor turn,
    /// so a request's several mutations become events together, in order.
    func stateDidChange() {
        guard published != nil, !publishScheduled else { return }
        publishScheduled = true
        Task { self.publishGatewayEvents() }
    }

    /// Publishes what changed since the last publish as gateway events.
    public func publishGatewayEvents() {
        publishScheduled = false
        guard let before = published else { return }
        published = state
        guard before != state else { return }
        gateway.publish(GatewayChangeFeed.dispatches(from: before, to: state))
    }

    /// Sets the URL `/gateway/bot` answers (`EmulatorServer` does, once bound).
    public func setGatewayURL(_ url: String?) { gatewayURL = url }

    /// READY and GUILD_CREATE for a bot identifying with `token`; nil for an unknown token.
    func gatewayIdentify(token: String, intents: Int, shard: [Int]) -> GatewayReady? {
        catchUp()
        guard let botID = state.tokens[token], let bot = state.users[botID] else { return nil }
        // Deliver changes made so far to existing sessions, then start watching from here.
        publishGatewayEvents()
        if published == nil { published = state }
        let guilds = state.guilds.values.filter { $0.members[botID] != nil }.sorted { $0.id < $1.id }
        let ready: JSONValue = .object([
            "v": .int(10), "user": Render.user(bot),
            "guilds": .array(guilds.map { .object(["id": .id($0.id), "unavailable": .bool(true)]) }),
            "session_id": .string(""), "resume_gateway_url": .string(gatewayURL ?? "ws://127.0.0.1/gateway"),
            "shard": .array(shard.map { .int($0) }), "application": .object(["id": .id(botID), "flags": .int(0)]),
        ])
        return GatewayReady(botID: botID, ready: ready, guilds: guilds.map {
            GatewayDispatch("GUILD_CREATE", guild: $0.id, data: GatewayChangeFeed.guildCreate($0, state: state),
                            intent: GatewayDispatch.guilds, audience: [botID])
        })
    }

    /// `GET /gateway/bot`: the emulator's gateway URL, shards and identify budget; 502
    /// ("no gateway available") while no server serves the gateway.
    func getGatewayBot(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        guard let gatewayURL else { return .json(502, .object(["message": .string("502: Bad Gateway"), "code": .int(0)])) }
        return .json(200, .object([
            "url": .string(gatewayURL), "shards": .int(gateway.currentSettings.shards),
            "session_start_limit": gateway.sessionStartLimit(bot: c.botID, now: Date()),
        ]))
    }
}
