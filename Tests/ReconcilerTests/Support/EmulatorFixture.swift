import DiscordEmulator
import DiscordTypes
import Foundation

/// An emulator on 127.0.0.1:0 inside the test process, with a guild seeded for a club, and
/// the environment that points the CLI at it.
struct EmulatorFixture {
    let emulator: DiscordEmulator
    let server: EmulatorServer
    let bot: BotIdentity

    /// Discord's limits and headers with windows shortened 100 times.
    static let fastLimits = RateLimitConfiguration.discordLike.scaled(by: 0.01)

    static func start(limits: RateLimitConfiguration = fastLimits, botID: Snowflake = 1_200_000_000_000_000_001) async throws -> EmulatorFixture {
        let emulator = DiscordEmulator(rateLimits: limits)
        let server = try await EmulatorServer.start(emulator: emulator)
        return EmulatorFixture(emulator: emulator, server: server,
                               bot: BotIdentity(id: botID, token: "test-token-\(UUID().uuidString)"))
    }

    /// Seeds the club's guild: the bot (with `botPermissions`), every linked member, and the
    /// given unmanaged roles and channels.
    @discardableResult
    func seed(
        _ club: SyntheticClub, botPermissions: Permissions = .reconcilerBot,
        roles: [RoleSeed] = [], channels: [ChannelSeed] = [], extraMembers: [Snowflake] = []
    ) async -> SeededGuild {
        await emulator.seedGuild(GuildSeed(
            id: club.guildID, name: "Test guild", bot: bot, botPermissions: botPermissions,
            memberIDs: club.linkedMembers + extraMembers, roles: roles, channels: channels))
    }

    /// The CLI's environment for this emulator.
    var env: [String: String] {
        ["DISCORD_API_BASE": server.baseURL.absoluteString, "DISCORD_BOT_TOKEN": bot.token]
    }

    func guild(_ id: Snowflake) async -> EmulatedGuild { await emulator.guild(id)! }

    func stop() async { await server.stop() }

    /// The usual unmanaged furniture of a real server.
    static let furnitureChannels = [
        ChannelSeed(name: "Info", type: .guildCategory),
        ChannelSeed(name: "welcome", parent: "Info", topic: "hello"),
        ChannelSeed(name: "general"),
        ChannelSeed(name: "Lounge", type: .guildVoice),
    ]
    static let furnitureRoles = [RoleSeed(name: "Moderator", permissions: [.kickMembers]), RoleSeed(name: "Member")]
}

/// Fresh guild ids per test so tests never share a guild.
enum TestIDs {
    private static let counter = Counter()
    static func guild() -> Snowflake { Snowflake(1_400_000_000_000_000_000 + counter.next() * 1000) }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value: UInt64 = UInt64(ProcessInfo.processInfo.processIdentifier % 1000) * 100_000
        func next() -> UInt64 { lock.withLock { value += 1; return value } }
    }
}

/// Checks on a live guild: duplicates and what exists.
extension EmulatedGuild {
    /// (type, name, parent) of every channel and thread that appears more than once.
    var duplicateChannels: [String] {
        var seen: [String: Int] = [:]
        for channel in channels.values {
            seen["\(channel.type.rawValue)/\(channel.name)/\(channel.parentID?.description ?? "-")", default: 0] += 1
        }
        return seen.filter { $0.value > 1 }.map(\.key).sorted()
    }

    var duplicateRoles: [String] {
        var seen: [String: Int] = [:]
        for role in roles.values { seen[role.name, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.map(\.key).sorted()
    }
}
