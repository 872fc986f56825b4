import DiscordTypes
import Foundation

/// Reading what happened: request log, counters, guild state; injecting faults.
extension DiscordEmulator {
    /// Adds a fault; faults are consulted in the order they were added.
    public func inject(_ fault: Fault) { faults.append(fault) }

    /// Removes every pending fault.
    public func clearFaults() { faults.removeAll() }

    /// Faults not yet used up.
    public var pendingFaults: [Fault] { faults }

    /// Every request so far, oldest first (see `logCapacity`).
    public var requestLog: [LoggedRequest] { log }

    /// Requests whose route key is `route` (e.g. `POST /guilds/{guild_id}/channels`).
    public func requests(to route: String) -> [LoggedRequest] { log.filter { $0.route == route } }

    /// Counters, with the invalid-request window evaluated at the current time.
    public var currentCounters: EmulatorCounters {
        var result = counters
        let now = self.now
        let window = limiter.configuration.invalidRequestWindow
        result.invalidInWindow = invalidTimes.filter { now.timeIntervalSince($0) < window }.count
        return result
    }

    /// Forgets the log and counters (state, faults and rate-limit windows stay).
    public func resetLog() {
        log.removeAll()
        counters = EmulatorCounters()
        invalidTimes.removeAll()
    }

    /// A copy of guild `id` for assertions.
    public func guild(_ id: Snowflake) -> EmulatedGuild? {
        catchUp()
        return state.guilds[id]
    }

    /// A copy of everything the emulator holds.
    public var snapshot: EmulatorState {
        catchUp()
        return state
    }

    /// Guild `id`'s channels (threads excluded) as Discord's wire type.
    public func channels(of id: Snowflake) throws -> [Channel] {
        catchUp()
        guard let guild = state.guilds[id] else { throw EmulatorError.unknownGuild(id) }
        return try guild.guildChannels.map { try Self.decode(Render.channel($0)) }
    }

    /// Guild `id`'s roles as Discord's wire type, bottom first.
    public func roles(of id: Snowflake) throws -> [Role] {
        guard let guild = state.guilds[id] else { throw EmulatorError.unknownGuild(id) }
        return try guild.sortedRoles.map { try Self.decode(Render.role($0)) }
    }

    static func decode<T: Decodable>(_ value: JSONValue) throws -> T {
        try DiscordJSON.decoder().decode(T.self, from: DiscordJSON.encoder().encode(value))
    }
}
