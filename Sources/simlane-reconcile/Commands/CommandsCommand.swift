import ArgumentParser
import Discord
import Foundation
import Logging
import Reconciler
import Serve

/// `commands`: the club's slash commands in Discord.
struct CommandsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commands",
        abstract: "Manage the slash commands serve answers.",
        subcommands: [CommandsSyncCommand.self])
}

/// `commands sync --config PATH`: registers `/sync`, `/events`, `/teams`, `/schedule` and
/// `/availability` in each club's guild by bulk overwrite (the list replaces the guild's
/// commands of this application; guild commands update at once).
struct CommandsSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Register the slash commands in every club's guild (bulk overwrite).",
        discussion: "PATH is one club or a directory of clubs, as for run and serve. Exit 0, or 1 if any club failed.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @Option(name: .customLong("token-file"), help: "Read the bot token from this file (default: $DISCORD_BOT_TOKEN).")
    var tokenFile: String?

    func run() async throws {
        var failed = false
        try await withCleanErrors {
            let clubs: [ClubSource]
            do {
                clubs = try ClubSource.discover(at: config.config)
            } catch {
                throw ValidationError("\(error)")
            }
            var logger = Logger(label: "simlane.commands")
            logger.logLevel = .warning
            let reconcilers = try DaemonDriverFactory.make(statePath: state.state, tokenFile: tokenFile, logger: logger)
            for club in clubs {
                do {
                    let loaded = try SpecCLI.load(club.path)
                    let settings = loaded.settings.discord
                    let client = try await reconcilers.client(for: club, config: loaded)
                    let outcome = try await CommandRegistrar.sync(loaded, client: client, force: true)
                    let count = if case .registered(let count) = outcome { count } else { 0 }
                    Console.out("\(club.id): \(count) commands registered in guild \(settings.guildID): "
                        + SlashCommandSet.definitions.map { "/\($0.name)" }.joined(separator: " "))
                } catch {
                    failed = true
                    Console.error("\(club.id): \(Console.describe(error))")
                }
            }
            await reconcilers.close()
        }
        if failed { throw ExitCode.failure }
    }
}
