import ArgumentParser
import DiscordTypes
import Foundation
import Reconciler
import Spec

/// `doctor`: checks everything the bot needs to manage the club's guild (configuration,
/// token, presence in the guild, permissions per enabled feature, role hierarchy, the Server
/// Members intent, Discord's limits with headroom, the state store against the guild) and
/// says how to fix each problem. Discord's 50013 errors point here.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check that the bot can manage the club's guild, and say how to fix what it cannot.",
        discussion: "Exit status: 0 when every check passed, 1 when a problem was found.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var target: TargetOptions
    @OptionGroup var at: AtOption

    @Flag(name: .long, help: "Print the report as JSON (for scripts).")
    var json = false

    func run() async throws {
        try await withCleanErrors {
            let instant = try at.instant()
            let context = try await ReconcileContext.open(configPath: config.config, statePath: state.state,
                                                          target: target, trigger: "doctor")
            let report: DoctorReport
            do {
                report = try await BotDoctor(client: context.client, store: context.store)
                    .examine(context.config, at: instant)
            } catch {
                await context.close()
                throw error
            }
            await context.close()
            if json {
                Console.out(try DoctorPrinter.json(report))
            } else {
                Console.out(DoctorPrinter.text(report, club: context.config.settings.club.name))
            }
            if !report.healthy { throw ExitCode.failure }
        }
    }
}

/// How `doctor` shows its report: a checklist for people, JSON for scripts.
enum DoctorPrinter {
    static func text(_ report: DoctorReport, club: String) -> String {
        var lines = ["Doctor for \(club), guild \(report.guildID)"]
        let width = DoctorReport.CheckName.allCases.map(\.rawValue.count).max() ?? 0
        for check in report.checks {
            let mark = check.passed == true ? "✓" : (check.passed == false ? "✗" : "-")
            lines.append("\(mark) \(check.name.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  \(check.detail)")
            for finding in check.findings {
                lines.append("    ✗ \(finding.problem)\n      fix: \(finding.fix)")
            }
        }
        lines.append("Invite URL with the permissions the enabled features need:\n  \(report.inviteURL)")
        let count = report.findings.count
        if report.healthy {
            lines.append("No problems found: the bot can manage this guild.")
        } else {
            lines.append("\(count) problem\(count == 1 ? "" : "s") found.")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ report: DoctorReport) throws -> String {
        struct Output: Encodable {
            var healthy: Bool
            var guildID: Snowflake
            var checks: [DoctorReport.Check]
            var inviteURL: String
            var permissions: [BotPermissionNeeds.Need]
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Output(healthy: report.healthy, guildID: report.guildID, checks: report.checks,
                                             inviteURL: report.inviteURL, permissions: report.needs))
        return String(decoding: data, as: UTF8.self)
    }
}
