import ArgumentParser
import Spec

/// `validate --config PATH`: load and check a club, print every problem as
/// `file:line:column: error: …`; exit 1 on any error, 0 with an `OK:` summary otherwise.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a club's settings and data; print every problem with its position.")

    @OptionGroup var config: ConfigOption

    func run() async throws {
        let club = try SpecCLI.load(config.config, diagnosticsToStdout: true)
        SpecCLI.printWarnings(club, toStdout: true)
        let members = club.club.members.count
        let linked = club.club.members.filter { $0.discordUserID != nil }.count
        let teams = club.club.events.reduce(0) { $0 + $1.teams.count }
        print("""
            OK: \(club.settings.club.name) (guild \(club.settings.discord.guildID)): \(members) members (\(linked) linked), \
            \(club.club.series.count) series, \(club.club.events.count) events, \(teams) teams in \
            \(club.sources.count) file\(club.sources.count == 1 ? "" : "s")
            """)
    }
}
