import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Spec

/// The local sandbox guild used when no bot token is set: the Discord emulator, in-process
/// on 127.0.0.1, persisted in a JSON file next to the state store, so a newcomer can plan and
/// apply the example club for real on a fresh machine.
///
/// On first use the guild is seeded as a real club server would look when the bot joins:
/// the settings' guild id, the bot with the permissions it needs and its role, every linked
/// club member as a guild member, the admin roles the settings name, and a few unmanaged
/// channels and roles (`welcome`, `rules`, `general`, …) that the reconciler must leave alone.
public final class SandboxGuild: Sendable {
    public let emulator: DiscordEmulator
    public let server: EmulatorServer
    public let file: String
    public let guildID: Snowflake
    /// Whether this run created the guild (first use).
    public let seeded: Bool

    /// The sandbox bot: its user id is the settings' application id, as for a real bot.
    public static func bot(for config: ClubConfig) -> BotIdentity {
        BotIdentity(id: config.settings.discord.applicationID, username: "Simlane Bot",
                    token: BotIdentity.sandbox.token)
    }

    /// Rate limits with Discord's shapes and headers, windows shortened 50 times.
    public static let rateLimits = RateLimitConfiguration.discordLike.scaled(by: 0.02)

    private init(emulator: DiscordEmulator, server: EmulatorServer, file: String, guildID: Snowflake, seeded: Bool) {
        self.emulator = emulator
        self.server = server
        self.file = file
        self.guildID = guildID
        self.seeded = seeded
    }

    /// Starts the sandbox from `file` (created and seeded for `config` when missing).
    public static func start(config: ClubConfig, file: String) async throws -> SandboxGuild {
        let emulator: DiscordEmulator
        do {
            emulator = try DiscordEmulator(rateLimits: rateLimits, persistenceURL: URL(fileURLWithPath: file))
        } catch {
            throw SandboxError.unreadable(file, "\(error)")
        }
        let guildID = config.settings.discord.guildID
        var seeded = false
        if await emulator.hasGuild(guildID) {
            await emulator.registerBot(bot(for: config))
        } else {
            try await seed(emulator, config: config)
            seeded = true
        }
        try await emulator.save()
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let server = try await EmulatorServer.start(emulator: emulator)
        return SandboxGuild(emulator: emulator, server: server, file: file, guildID: guildID, seeded: seeded)
    }

    /// A client configuration pointing at the sandbox with the sandbox bot's token.
    public var clientConfiguration: DiscordConfiguration {
        DiscordConfiguration(baseURL: server.baseURL, token: BotToken(BotIdentity.sandbox.token)!)
    }

    public func stop() async {
        try? await emulator.save()
        await server.stop()
    }

    /// Seeds `config`'s guild into `emulator` as a freshly installed club server (see the type).
    public static func seed(_ emulator: DiscordEmulator, config: ClubConfig) async throws {
        let settings = config.settings
        let linked = config.club.members.compactMap { member in
            member.discordUserID.map { ($0, member.displayName) }
        }
        for (id, name) in linked {
            await emulator.upsertUser(EmulatedUser(
                id: id, username: name.lowercased().replacingOccurrences(of: " ", with: "."), globalName: name))
        }
        // People member sync can find: everyone with a linked account, a guest who has not
        // linked one, and another bot.
        var present = Set(linked.map(\.0))
        var extra: [Snowflake] = []
        for account in config.club.accounts where present.insert(account.discordUserID).inserted {
            await emulator.upsertUser(EmulatedUser(
                id: account.discordUserID, username: account.displayName.lowercased().replacingOccurrences(of: " ", with: "."),
                globalName: account.displayName))
            extra.append(account.discordUserID)
        }
        if !config.club.accounts.isEmpty {
            for (id, name, bot) in [(Self.guestID, "Guest Driver", false), (Self.otherBotID, "Race Control", true)] {
                await emulator.upsertUser(EmulatedUser(id: id, username: name.lowercased().replacingOccurrences(of: " ", with: "."),
                                                       globalName: name, bot: bot))
                extra.append(id)
            }
        }
        var roles = [RoleSeed(name: "Moderator", permissions: [.kickMembers, .manageMessages]),
                     RoleSeed(name: "Member")]
        for (index, id) in settings.discord.adminRoles.enumerated() {
            let protectedName = settings.protect.first { $0.kind == .role && $0.name != nil }?.name
            let name = index == 0 ? (protectedName ?? "Club Admin") : "Club Admin \(index + 1)"
            roles.append(RoleSeed(id: id, name: name, permissions: [.manageMessages, .kickMembers],
                                  aboveBot: index == 0, memberIDs: linked.prefix(1).map(\.0)))
        }
        var channels = [
            ChannelSeed(name: "Information", type: .guildCategory),
            ChannelSeed(id: settings.protect.first { $0.kind == .channel && $0.id != nil }?.id,
                        name: "welcome", parent: "Information", topic: "Say hello!"),
            ChannelSeed(name: "rules", parent: "Information"),
            ChannelSeed(name: "announcements", parent: "Information"),
            ChannelSeed(name: "Community", type: .guildCategory),
            ChannelSeed(name: "general", parent: "Community"),
            ChannelSeed(name: "off-topic", parent: "Community"),
            ChannelSeed(name: "Lounge", type: .guildVoice, parent: "Community"),
        ]
        // Channel ids in the protect list that are not the welcome channel get a channel too,
        // so the protect list names something real.
        for (index, rule) in settings.protect.enumerated() where rule.kind == .channel {
            guard let id = rule.id, id != channels[1].id else { continue }
            channels.append(ChannelSeed(id: id, name: rule.name ?? "protected-\(index + 1)", parent: "Information"))
        }
        await emulator.seedGuild(GuildSeed(
            id: settings.discord.guildID, name: "\(settings.club.name) (sandbox)",
            bot: bot(for: config), botPermissions: .reconcilerBot,
            memberIDs: linked.map(\.0) + extra, roles: roles, channels: channels))
    }

    /// The sandbox's guest without a linked account, and its second bot.
    static let guestID: Snowflake = 1_100_000_000_000_000_101
    static let otherBotID: Snowflake = 1_100_000_000_000_000_102
}

/// Why the sandbox could not start.
public enum SandboxError: Error, CustomStringConvertible, Sendable {
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "the sandbox guild file \(file) cannot be read (\(reason)); delete it to start a fresh sandbox"
        }
    }
}
