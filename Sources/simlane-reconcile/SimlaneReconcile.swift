import ArgumentParser
import Foundation

/// The `simlane-reconcile` command line: thin commands over the library (DESIGN.md
/// "What users run"). Exit status: 0 success, 1 error, 2 changes present with
/// `--detailed-exitcode`.
@main
struct SimlaneReconcile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simlane-reconcile",
        abstract: "Run a sim-racing club's Discord server as code.",
        discussion: "Compiles club data and settings into the Discord layout the club should have now, plans the difference to the live guild, and applies it. Without DISCORD_BOT_TOKEN the target is a local sandbox guild under .simlane/ next to the config.",
        version: ToolInfo.version,
        subcommands: [
            ValidateCommand.self, RenderCommand.self, PlanCommand.self, ApplyCommand.self,
            RunCommand.self, StatusCommand.self, DoctorCommand.self, InviteURLCommand.self,
            InitCommand.self, ArchiveCommand.self, SyncMembersCommand.self, MembersCommand.self,
            EmulatorCommand.self, ServeCommand.self, CommandsCommand.self,
        ]
    )

    /// Parses and runs a command. A usage error (unknown flag, bad value, failed `validate`)
    /// exits 1 like every other error, as README promises, not ArgumentParser's 64; help and
    /// `--version` exit 0.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}

/// The tool's name, version and project URL (also used in Discord's User-Agent).
enum ToolInfo {
    static let version = "0.1.0"
    static let url = "https://github.com/simlane/simlane-reconcile"
}
