import Discord
import DiscordTypes
import Foundation
import Testing

/// Configuration from the environment and token files.
@Suite struct ConfigurationTests {
    @Test func defaultsToDiscordsBase() throws {
        let configuration = try DiscordConfiguration.fromEnvironment(["DISCORD_BOT_TOKEN": secretToken])
        #expect(configuration.baseURL.absoluteString == "https://discord.com/api/v10")
        #expect(configuration.rateLimits.globalPerSecond == 50)
        #expect(configuration.breaker.threshold == 1000)
        #expect(configuration.token.withRawValue { $0 } == secretToken)
    }

    @Test func baseURLFromEnvironment() throws {
        let configuration = try DiscordConfiguration.fromEnvironment(
            ["DISCORD_BOT_TOKEN": "Bot abc", "DISCORD_API_BASE": "http://127.0.0.1:8080/api/v10/"])
        #expect(configuration.baseURL.absoluteString == "http://127.0.0.1:8080/api/v10")
        #expect(configuration.token.withRawValue { $0 } == "abc")
        #expect(throws: ConfigurationError.invalidBaseURL("ftp://x")) {
            try DiscordConfiguration.fromEnvironment(["DISCORD_BOT_TOKEN": "a", "DISCORD_API_BASE": "ftp://x"])
        }
    }

    @Test func tokenFromFileAndMissingToken() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("discord-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("token")
        try Data("\(secretToken)\n".utf8).write(to: file)
        let configuration = try DiscordConfiguration.fromEnvironment(["DISCORD_BOT_TOKEN_FILE": file.path])
        #expect(configuration.token.withRawValue { $0 } == secretToken)
        #expect(throws: ConfigurationError.missingToken) { try DiscordConfiguration.fromEnvironment([:]) }
        let missing = directory.appendingPathComponent("absent").path
        #expect(throws: ConfigurationError.tokenFileUnreadable(path: missing)) {
            try DiscordConfiguration.fromEnvironment([:], tokenFile: missing)
        }
        #expect(BotToken("  \n") == nil)
    }
}
