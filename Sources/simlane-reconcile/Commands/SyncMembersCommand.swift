import ArgumentParser
import DiscordTypes
import Foundation
import MemberSync
import Reconciler

/// `sync-members`: matches the guild's members to the Simlane accounts that linked Discord,
/// creates club member records for new ones, marks those who left inactive, and lists
/// conflicts and unlinked members with what to do. `--dry-run` records nothing.
struct SyncMembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-members",
        abstract: "Sync guild members with linked Simlane accounts into the club's member roster.",
        discussion: "Matches by linked Discord user id only, never by name. Exit status 0, or 1 on an error.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var target: TargetOptions
    @Flag(name: .customLong("dry-run"), help: "Show what would change; record nothing.") var dryRun = false
    @Flag(name: .long, help: "Print the report as JSON.") var json = false

    func run() async throws {
        try await withCleanErrors {
            // A dry run only reads; a sync records, so it holds the guild's lock like apply.
            let context = try await ReconcileContext.open(configPath: config.config, statePath: state.state,
                                                          target: target, trigger: "sync-members",
                                                          use: dryRun ? .read : .write(lockTimeout: .seconds(600)))
            let report: MemberSyncer.Report
            do {
                report = try await MemberSyncer(client: context.client, store: context.store)
                    .sync(context.config, trigger: .manual, at: Date(), dryRun: dryRun)
            } catch {
                await context.close()
                throw error
            }
            await context.close()
            if json {
                let encoder = JSONEncoder()
                encoder.keyEncodingStrategy = .convertToSnakeCase
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Console.out(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            Console.out(Self.table(report))
        }
    }

    /// The report for people: counts, then every person who needs attention or changed.
    static func table(_ report: MemberSyncer.Report) -> String {
        let c = report.counts
        var lines = [(report.dryRun ? "Dry run (nothing recorded): " : "Member sync: ")
            + "\(c.matched) matched, \(c.created) created, \(c.reactivated) reactivated, \(c.deactivated) deactivated, "
            + "\(c.unlinked) unlinked, \(c.conflicts) conflicts, \(c.bots) bots ignored"
            + (c.forgotten > 0 ? ", \(c.forgotten) departed records forgotten" : "")]
        if let dms = report.linkReminders {
            lines.append("Link DMs (member_sync.dm_unlinked): \(dms.sent) sent, \(dms.undeliverable) refused (DMs closed), "
                + "\(dms.failed) not sent (tried at the next sync)")
        }
        let shown: [SyncOutcome.Kind] = [.created, .reactivated, .deactivated, .conflict, .unlinked]
        for kind in shown {
            let people = report.outcomes.filter { $0.kind == kind }
            guard !people.isEmpty else { continue }
            lines.append("")
            lines.append("\(kind.rawValue) (\(people.count)):")
            for person in people {
                var line = "  \(person.displayName) (\(person.discordUserID))"
                if let account = person.accountID { line += " → \(account)" }
                line += ": \(person.reason)"
                if let suggestion = person.suggestedAccount { line += "; maybe account \(suggestion)? (not linked on a guess)" }
                if let action = person.action { line += "\n      → \(action)" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// `members`: the club member roster member sync keeps, for the platform to import.
struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Export the club member roster kept by member sync (table, CSV or JSON).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @Option(name: .long, help: "table, csv or json.") var format: Format = .table
    @Option(name: .long, help: "Only members with this status (active or left).") var status: RosterRecord.Status?

    func run() async throws {
        try await withCleanErrors {
            let club = try SpecCLI.load(config.config)
            let file = StatePath.stateFile(config: config.config, override: state.state)
            var roster: [RosterRecord] = []
            if FileManager.default.fileExists(atPath: file) {
                roster = try await SQLiteStateStore(path: file).roster(guild: club.settings.discord.guildID)
                    .filter { status == nil || $0.status == status }
            } else {
                Console.note("No state store at \(Console.relative(file)) yet: run simlane-reconcile sync-members first.")
            }
            Console.write(Self.render(roster, format: format))
        }
    }

    static func render(_ roster: [RosterRecord], format: Format) -> String {
        func date(_ value: Date?) -> String { value.map { ISO8601DateFormatter().string(from: $0) } ?? "" }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: (try? encoder.encode(roster)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
        case .csv:
            func field(_ text: String) -> String {
                text.contains(where: { ",\"\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }
            let rows = roster.map { record in
                [record.accountID, record.discordUserID.description, record.displayName, record.status.rawValue,
                 date(record.since), record.via.rawValue, date(record.leftAt)].map(field).joined(separator: ",")
            }
            return (["account_id,discord_user_id,display_name,status,since,via,left_at"] + rows).joined(separator: "\n") + "\n"
        case .table:
            if roster.isEmpty { return "No club members recorded yet: run simlane-reconcile sync-members.\n" }
            let rows = roster.map { "\($0.status.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  \($0.accountID)  \($0.displayName)  \($0.discordUserID)  since \(date($0.since))  via \($0.via.rawValue)" }
            return rows.joined(separator: "\n") + "\n\(roster.count) member\(roster.count == 1 ? "" : "s")\n"
        }
    }
}

extension RosterRecord.Status: ExpressibleByArgument {}
