import Discord
import DiscordTypes
import Spec

/// Keeps a guild's slash commands equal to `SlashCommandSet`: reads what is registered and
/// overwrites the whole list only when it differs (a new version of the tool changed the
/// set, or someone edited the commands), so restarts cost one GET, not a registration.
public enum CommandRegistrar {
    public enum Outcome: Sendable, Equatable {
        case unchanged
        case registered(Int)
    }

    /// Registers the set in `config`'s guild if what Discord has differs.
    public static func sync(_ config: ClubConfig, client: DiscordClient, force: Bool = false) async throws -> Outcome {
        let discord = config.settings.discord
        if !force {
            let current = try await client.guildCommands(applicationID: discord.applicationID, guildID: discord.guildID)
            if Set(current.map(Shape.init)) == Set(SlashCommandSet.definitions.map(Shape.init)) { return .unchanged }
        }
        let registered = try await client.bulkOverwriteGuildCommands(
            applicationID: discord.applicationID, guildID: discord.guildID, SlashCommandSet.definitions,
            reason: "register the slash commands serve answers")
        return .registered(registered.count)
    }

    /// What makes two commands the same for registration.
    struct Shape: Hashable {
        var name: String
        var description: String
        var options: [String]
        var permissions: String?

        init(_ command: ApplicationCommand) {
            name = command.name
            description = command.description
            options = (command.options ?? []).map { "\($0.type) \($0.name) \($0.description) \($0.required ?? false)" }
            permissions = command.defaultMemberPermissions
        }

        init(_ request: ApplicationCommandRequest) {
            name = request.name
            description = request.description
            options = (request.options ?? []).map { "\($0.type) \($0.name) \($0.description) \($0.required ?? false)" }
            permissions = request.defaultMemberPermissions.map { String($0.rawValue) }
        }
    }
}

extension ServeApp {
    /// Brings every served club that takes interactions (`discord.public_key` set) to the
    /// current command set; `serve` and `run --serve` call it once at start. Failures are
    /// logged (the commands keep their previous registration).
    public func registerCommands() async {
        for (source, config) in await catalog.loadedClubs() where config.settings.discord.publicKey != nil {
            do {
                let client = try await reconcilers.client(for: source, config: config)
                let outcome = try await CommandRegistrar.sync(config, client: client)
                if case .registered(let count) = outcome {
                    logger.notice("slash commands registered", metadata: ["club": "\(source.id)", "commands": "\(count)"])
                }
            } catch {
                logger.warning("could not register the slash commands",
                               metadata: ["club": "\(source.id)", "error": "\(ServeText.describe(error))"])
            }
        }
    }
}
