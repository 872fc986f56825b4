import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Current user, guild, commands and authentication against the emulator.
@Suite struct GuildEndpointTests {
    @Test func currentUserAndGuild() async throws {
        try await withEmulator(GuildSeed(name: "Apex Endurance")) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let user = try await rig.one { try await client.currentUser() }
            #expect(user.id == rig.seeded.bot.id)
            #expect(user.bot == true)
            let guild = try await rig.one { try await client.guild(guildID) }
            #expect(guild.name == "Apex Endurance")
            let missing = try await rig.failure { _ = try await client.guild(123_456) }
            #expect(missing?.status == 404 || missing?.status == 403)
        }
    }

    @Test func bulkOverwriteGuildCommands() async throws {
        try await withEmulator { rig in
            let client = rig.client
            let guildID = rig.guildID
            let appID = rig.seeded.bot.id
            let commands = try await rig.one {
                try await client.bulkOverwriteGuildCommands(applicationID: appID, guildID: guildID, [
                    ApplicationCommandRequest(name: "signup", description: "Sign up for an event"),
                    ApplicationCommandRequest(name: "stint", description: "Show your stints",
                                              options: [.init(type: 3, name: "event", description: "Event", required: false)],
                                              defaultMemberPermissions: []),
                ], reason: "register commands")
            }
            #expect(commands.map(\.name) == ["signup", "stint"])
            #expect(commands.allSatisfy { $0.id != nil })
            let replaced = try await rig.one {
                try await client.bulkOverwriteGuildCommands(applicationID: appID, guildID: guildID, [], reason: "clear")
            }
            #expect(replaced.isEmpty)
        }
    }

    @Test func invalidTokenStopsTheClient() async throws {
        try await withEmulator(token: "not-the-token") { rig in
            let client = rig.client
            let first = try await rig.failure { _ = try await client.currentUser() }
            #expect(first?.kind == .unauthorized)
            #expect(first?.status == 401)
            let guildID = rig.guildID
            let later = try await rig.failure { _ = try await client.channels(in: guildID) }
            #expect(later?.kind == .clientStopped)
            #expect(await rig.emulator.requestLog.count == 1)
            for line in rig.logs.entries + [String(describing: first), String(describing: later)] {
                #expect(!line.contains("not-the-token"))
            }
        }
    }
}
