import ArgumentParser
import DiscordTypes
import Reconciler

/// `doctor`: explains what stops the bot from managing the club's guild (missing permissions,
/// role hierarchy, the Server Members intent) and prints the invite URL that fixes
/// permissions. Discord's 50013 errors point here.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check that the bot can manage the club's guild, and say how to fix what it cannot.",
        discussion: "Exit status: 0 when the bot has everything it needs, 1 when a problem was found.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var target: TargetOptions

    func run() async throws {
        try await withCleanErrors {
            let context = try await ReconcileContext.open(configPath: config.config, statePath: state.state,
                                                          target: target, trigger: "doctor")
            let checkup: BotCheckup
            do {
                checkup = try await BotDoctor(client: context.client, store: context.store).examine(context.config)
            } catch {
                await context.close()
                throw error
            }
            await context.close()
            let discord = context.config.settings.discord
            Console.out("Guild \(discord.guildID) for \(context.config.settings.club.name)")
            Console.out("Bot's highest role: " + (checkup.botHighestRole.map { "\($0.name) (position \($0.position))" } ?? "none"))
            for finding in checkup.findings {
                Console.out("✗ \(finding.problem)\n    fix: \(finding.fix)")
            }
            Console.out("Invite URL with the permissions the reconciler needs:\n  "
                + BotCheckup.inviteURL(applicationID: discord.applicationID, guildID: discord.guildID))
            if checkup.healthy {
                Console.out("No problems found: the bot can manage this guild.")
            } else {
                let count = checkup.findings.count
                Console.out("\(count) problem\(count == 1 ? "" : "s") found.")
                throw ExitCode.failure
            }
        }
    }
}
