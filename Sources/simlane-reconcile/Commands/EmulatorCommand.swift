import ArgumentParser
import DiscordEmulator
import DiscordTypes
import Foundation

/// `simlane-reconcile emulator`: runs the Discord emulator standalone on 127.0.0.1 so a
/// client, a daemon or a person can talk to a Discord-like API without a real bot.
/// Prints the base URL (use it as `DISCORD_API_BASE`) and exits 0 on SIGINT/SIGTERM.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run a local Discord API emulator (for tests and trying things out).",
        discussion: """
            Serves Discord's REST API (v10) on 127.0.0.1 with Discord's permissions, limits,
            error codes and rate-limit headers. With --state the guilds persist in that JSON
            file. --seed-guild creates a guild (unless the state file already has it) whose
            bot authenticates with --token.
            """)

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 0

    @Option(help: "A JSON file that holds the emulator's guilds across runs.")
    var state: String?

    @Option(name: .customLong("seed-guild"), help: "Create a guild with this id at start (if absent).")
    var seedGuild: String?

    @Option(help: "The bot token the seeded guild accepts.")
    var token: String = BotIdentity.sandbox.token

    @Option(name: .customLong("bot-id"), help: "The bot's user id.")
    var botID: String = BotIdentity.sandbox.id.description

    @Option(name: .customLong("guild-name"), help: "The seeded guild's name.")
    var guildName: String = "Sandbox"

    @Option(help: "Number of plain members to add to the seeded guild (user ids 1000000000000001001…).")
    var members: Int = 0

    @Option(name: .customLong("rate-limits"), help: "discord (default), relaxed (windows ÷100) or off.")
    var rateLimits: String = "discord"

    func validate() throws {
        if let seedGuild, Snowflake(string: seedGuild) == nil {
            throw ValidationError("--seed-guild '\(seedGuild)' is not a snowflake (digits only, e.g. 1234567890123456789)")
        }
        if Snowflake(string: botID) == nil { throw ValidationError("--bot-id '\(botID)' is not a snowflake") }
        if !["discord", "relaxed", "off"].contains(rateLimits) {
            throw ValidationError("--rate-limits must be discord, relaxed or off")
        }
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535") }
    }

    func run() async throws {
        let limits: RateLimitConfiguration = switch rateLimits {
        case "off": .unlimited
        case "relaxed": RateLimitConfiguration.discordLike.scaled(by: 0.01)
        default: .discordLike
        }
        let emulator: DiscordEmulator
        do {
            emulator = try DiscordEmulator(
                rateLimits: limits, persistenceURL: state.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CleanExit.message("error: \(error)")
        }
        if let seedGuild, let guildID = Snowflake(string: seedGuild), let botID = Snowflake(string: botID) {
            let bot = BotIdentity(id: botID, token: token)
            if await emulator.hasGuild(guildID) {
                await emulator.registerBot(bot)
            } else {
                let memberIDs = (0..<members).map { Snowflake(1_000_000_000_000_001_001 + UInt64($0)) }
                await emulator.seedGuild(GuildSeed(id: guildID, name: guildName, bot: bot, memberIDs: memberIDs))
            }
        }
        let server = try await EmulatorServer.start(emulator: emulator, port: port)
        say("Discord emulator listening on \(server.baseURL.absoluteString)")
        for id in await emulator.guildIDs { say("guild \(id)") }
        await EmulatorSignals.waitForTermination()
        await server.stop()
        say("Discord emulator stopped.")
    }

    /// Writes a line to stdout unbuffered, so a parent process reading a pipe sees it at once.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// Waits for SIGINT or SIGTERM.
private enum EmulatorSignals {
    static func waitForTermination() async {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { continuation.yield(signalNumber) }
            source.resume()
            return source
        }
        for await _ in stream { break }
        sources.forEach { $0.cancel() }
    }
}
