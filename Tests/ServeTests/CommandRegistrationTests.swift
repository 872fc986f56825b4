import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Serve
import Testing

extension ServeTestSuite {
    /// The slash command set registers by bulk overwrite, and the emulator refuses command
    /// bodies Discord's rules forbid (names, lengths, option order).
    @Suite struct CommandRegistrationTests {
        static let application: Snowflake = 1_180_245_872_113_766_410
        static let guild: Snowflake = 1_180_244_318_470_983_750

        @Test func theCommandSetRegistersWithSyncGatedByManageServer() async throws {
            let f = try await ServeFixture.start()
            let client = DiscordClient(configuration: f.sandbox.clientConfiguration)
            let registered = try await client.bulkOverwriteGuildCommands(
                applicationID: Self.application, guildID: Self.guild, SlashCommandSet.definitions)
            #expect(registered.map(\.name) == ["sync", "events", "teams", "schedule", "availability"])
            #expect(registered.first { $0.name == "sync" }?.defaultMemberPermissions == "32", "Manage Server")
            #expect(registered.first { $0.name == "teams" }?.options?.first?.name == "event")
            let again = try await client.bulkOverwriteGuildCommands(
                applicationID: Self.application, guildID: Self.guild, SlashCommandSet.definitions)
            #expect(again.count == 5, "an overwrite replaces, it does not add")
            try await f.finish()
        }

        /// Its own emulator, which logs no bodies: these are invalid on purpose, and the
        /// OpenAPI check of scripts/test reads every logged body.
        @Test func theEmulatorRefusesCommandsDiscordWouldRefuse() async throws {
            let emulator = DiscordEmulator(rateLimits: .unlimited, bodyLogDirectory: nil)
            let bot = BotIdentity(id: Self.application, token: "registration-test-token")
            await emulator.seedGuild(GuildSeed(id: Self.guild, name: "Registration", bot: bot))
            let server = try await EmulatorServer.start(emulator: emulator)
            let client = DiscordClient(configuration: DiscordConfiguration(baseURL: server.baseURL, token: BotToken(bot.token)!))
            let optional = ApplicationCommand.Option(type: 3, name: "event", description: "d", required: false)
            let required = ApplicationCommand.Option(type: 3, name: "team", description: "d", required: true)
            let cases: [(String, ApplicationCommandRequest, String)] = [
                ("uppercase name", ApplicationCommandRequest(name: "Sync", description: "d"), "APPLICATION_COMMAND_INVALID_NAME"),
                ("a space", ApplicationCommandRequest(name: "my sync", description: "d"), "APPLICATION_COMMAND_INVALID_NAME"),
                ("33 characters", ApplicationCommandRequest(name: String(repeating: "a", count: 33), description: "d"), "BASE_TYPE_BAD_LENGTH"),
                ("101-character description", ApplicationCommandRequest(name: "sync", description: String(repeating: "d", count: 101)),
                 "BASE_TYPE_BAD_LENGTH"),
                ("required after optional", ApplicationCommandRequest(name: "teams", description: "d", options: [optional, required]),
                 "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID"),
                ("bad option name", ApplicationCommandRequest(name: "teams", description: "d",
                                                              options: [ApplicationCommand.Option(type: 3, name: "Event!", description: "d")]),
                 "APPLICATION_COMMAND_INVALID_NAME"),
            ]
            for (what, command, code) in cases {
                do {
                    _ = try await client.bulkOverwriteGuildCommands(applicationID: Self.application, guildID: Self.guild, [command])
                    Issue.record("\(what) was accepted")
                } catch let error as DiscordError {
                    #expect(error.code == 50035 && error.fieldErrors.contains { $0.code == code }, "\(what): \(error)")
                }
            }
            let tooMany = (0..<101).map { ApplicationCommandRequest(name: "c\($0)", description: "d") }
            await #expect(throws: DiscordError.self) {
                try await client.bulkOverwriteGuildCommands(applicationID: Self.application, guildID: Self.guild, tooMany)
            }
            await server.stop()
        }
    }
}

extension ServeTestSuite {
    /// `serve` at start registers the set only where it differs from what Discord has.
    @Suite struct StartupRegistrationTests {
        @Test func registrationHappensOnceAndOnlyWhenTheSetDiffers() async throws {
            let f = try await ServeFixture.start()
            let emulator = f.sandbox.emulator
            await emulator.resetLog()
            await f.app.registerCommands()
            await f.app.registerCommands()
            let puts = await emulator.requestLog.filter { $0.method == "PUT" && $0.path.hasSuffix("/commands") && $0.status == 200 }
            #expect(puts.count == 1, "the second start finds the set registered: \(puts.map(\.path))")
            let client = DiscordClient(configuration: f.sandbox.clientConfiguration)
            _ = try await client.bulkOverwriteGuildCommands(
                applicationID: 1_180_245_872_113_766_410, guildID: 1_180_244_318_470_983_750,
                [ApplicationCommandRequest(name: "events", description: "edited by hand")])
            await f.app.registerCommands()
            let after = await emulator.requestLog.filter { $0.method == "PUT" && $0.path.hasSuffix("/commands") && $0.status == 200 }
            #expect(after.count == 3, "a changed set is registered again")
            try await f.finish()
        }
    }
}
