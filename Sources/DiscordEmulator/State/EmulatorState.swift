import DiscordTypes
import Foundation

/// Everything the emulator holds: users, bot tokens, guilds and the last id it issued.
/// This is what the sandbox persists.
public struct EmulatorState: Sendable, Codable, Hashable {
    public var users: [Snowflake: EmulatedUser] = [:]
    /// Bot token -> bot user id.
    public var tokens: [String: Snowflake] = [:]
    public var guilds: [Snowflake: EmulatedGuild] = [:]
    /// The last snowflake issued; ids only grow.
    public var lastID: UInt64 = 0

    public init() {}

    /// The guild that holds channel `id` (threads included).
    func guildID(ofChannel id: Snowflake) -> Snowflake? {
        guilds.values.first(where: { $0.channels[id] != nil })?.id
    }

    /// A new snowflake for `now`: its timestamp bits are `now`, and it is larger than any
    /// id issued before.
    mutating func nextID(at now: Date) -> Snowflake {
        var candidate = Snowflake(at: now, worker: 1, sequence: 0).rawValue
        if candidate <= lastID { candidate = lastID + 1 }
        lastID = candidate
        return Snowflake(candidate)
    }

    /// Records an id chosen by a caller so generated ids never collide with it.
    mutating func noteID(_ id: Snowflake) {
        // Caller ids may be small (tests) or in the future; only bump for plausible ones.
        if id.rawValue > lastID, id.rawValue < (UInt64(1) << 62) { lastID = id.rawValue }
    }
}
