import ArgumentParser
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec

/// `init [DIR]`: sets up a new club from nothing. Asks for (on a terminal) or takes by flags
/// the guild, application and club, writes a commented `simlane.yaml` and a starter club
/// data file, prints the invite URL with exactly the permissions the settings need, runs
/// the doctor's checks and shows the first plan (saying what existing channels and roles
/// will be adopted). Never overwrites a file without `--force`.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a new club: write simlane.yaml, print the invite URL, check the bot and show the first plan.",
        discussion: "On a terminal, missing values are asked for; otherwise (or with --yes) every value must come from the flags.")

    @Argument(help: "The club's configuration directory (created if needed). Default: the current directory.")
    var directory: String = "."

    @Option(name: .customLong("guild-id"), help: "The Discord server's id.") var guildID: String?
    @Option(name: .customLong("application-id"), help: "The bot's application id (Developer Portal).") var applicationID: String?
    @Option(name: .customLong("club-id"), help: "The club's stable id (letters, digits, - _ .).") var clubID: String?
    @Option(name: .long, help: "The club's display name.") var name: String?
    @Option(name: .customLong("admin-role"), help: "An existing admin role's id (repeatable).") var adminRoles: [String] = []
    @Flag(name: .long, help: "Never ask: fail when a value is missing.") var yes = false
    @Flag(name: .long, help: "Overwrite existing files.") var force = false
    @Flag(name: .customLong("skip-checks"), help: "Only write the files: no doctor, no plan.") var skipChecks = false
    @OptionGroup var target: TargetOptions

    func run() async throws {
        try await withCleanErrors {
            let interactive = Console.stdinIsTTY && !yes
            let template = try gather(interactive: interactive)
            let settingsPath = (directory as NSString).appendingPathComponent("simlane.yaml")
            let clubPath = (directory as NSString).appendingPathComponent("club.yaml")
            let files = FileManager.default
            if files.fileExists(atPath: settingsPath) && !force {
                throw ValidationError("\(settingsPath) already exists; pass --force to overwrite it")
            }
            let existingYAML = ((try? files.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != "simlane.yaml" }
            let writeClub = existingYAML.isEmpty || (force && existingYAML == ["club.yaml"])
            var sources = [SourceFile(path: settingsPath, text: template.settingsYAML)]
            if writeClub { sources.append(SourceFile(path: clubPath, text: template.starterClubYAML(now: Date()))) }
            do {
                _ = try ConfigLoader.load(sources: sources)
            } catch let error as ConfigError {
                for diagnostic in error.diagnostics { SpecCLI.printError(diagnostic.description) }
                throw ValidationError("the generated configuration does not validate (a bug: please report it)")
            }
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for source in sources {
                try Data(source.text.utf8).write(to: URL(fileURLWithPath: source.path), options: .atomic)
                Console.out("Wrote \(Console.relative(source.path))")
            }
            if !writeClub { Console.out("Kept the club data already in \(directory) (\(existingYAML.joined(separator: ", ")))") }

            let config = try SpecCLI.load(directory)
            let needs = BotPermissionNeeds(settings: config.settings)
            Console.out("\n1. Invite the bot (open as a server admin):\n   "
                + BotInviteURL(applicationID: template.applicationID, guildID: template.guildID,
                               permissions: needs.permissions).string)
            guard !skipChecks else {
                Console.out("\nNext: simlane-reconcile doctor --config \(directory), then plan and apply.")
                return
            }
            let context = try await ReconcileContext.open(configPath: directory, statePath: nil, target: target,
                                                          trigger: "init")
            do {
                let report = try await BotDoctor(client: context.client, store: context.store).examine(config, at: Date())
                Console.out("\n2. Checks:")
                Console.out(DoctorPrinter.text(report, club: config.settings.club.name))
                guard report.healthy else {
                    await context.close()
                    Console.out("\nFix the problems above (the invite URL grants the permissions), then run: simlane-reconcile doctor --config \(directory)")
                    throw ExitCode.failure
                }
                let run = try await context.reconciler.plan(config: config, at: Date())
                await context.close()
                Console.out("\n3. The first plan:")
                Console.write(PlanTextRenderer.render(run.plan, color: Console.stdoutIsTTY))
                let adopted = run.plan.changes.filter { $0.action == .adopt }
                if !adopted.isEmpty {
                    Console.out("\n\(adopted.count) channel\(adopted.count == 1 ? "" : "s") and roles already in the guild match the club's and will be adopted, not duplicated: "
                        + adopted.prefix(5).map(\.name).joined(separator: ", ") + (adopted.count > 5 ? ", …" : ""))
                }
                Console.out("\nApply it with: simlane-reconcile apply --config \(directory)")
            } catch {
                await context.close()
                throw error
            }
        }
    }

    /// The values from the flags, asking on a terminal for what is missing.
    private func gather(interactive: Bool) throws -> ClubTemplate {
        func value(_ given: String?, flag: String, prompt: String, check: (String) -> String?) throws -> String {
            if let given {
                if let problem = check(given) { throw ValidationError("--\(flag) '\(given)': \(problem)") }
                return given
            }
            guard interactive else { throw ValidationError("missing --\(flag) (\(prompt.lowercased())); pass it, or run init on a terminal") }
            while true {
                Console.write("\(prompt): ")
                guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else {
                    throw ValidationError("no answer for \(prompt.lowercased()) (input ended)")
                }
                if let problem = check(line) { Console.out("  \(problem)"); continue }
                return line
            }
        }
        let snowflake: (String) -> String? = { ValueParsers.snowflake($0) == nil ? "not a Discord id: 17–20 digits (Developer Mode › right-click › Copy ID)" : nil }
        let guild = try value(guildID, flag: "guild-id", prompt: "Guild (server) id", check: snowflake)
        let application = try value(applicationID, flag: "application-id", prompt: "Bot application id", check: snowflake)
        let name = try value(self.name, flag: "name", prompt: "Club name") {
            $0.isEmpty ? "the name cannot be empty" : ($0.unicodeScalars.count > 100 ? "at most 100 characters" : nil)
        }
        let suggested = Self.identifier(from: name)
        let club = try value(clubID ?? (interactive ? nil : suggested), flag: "club-id", prompt: "Club id [\(suggested)]") {
            ValueParsers.isIdentifier($0.isEmpty ? suggested : $0) ? nil : "1–64 letters, digits, - _ . starting with a letter or digit"
        }
        var admins: [Snowflake] = []
        for role in adminRoles {
            guard let id = ValueParsers.snowflake(role) else { throw ValidationError("--admin-role '\(role)': not a Discord id") }
            admins.append(id)
        }
        return ClubTemplate(clubID: club.isEmpty ? suggested : club, clubName: name,
                            guildID: ValueParsers.snowflake(guild)!, applicationID: ValueParsers.snowflake(application)!,
                            adminRoles: admins)
    }

    /// `Apex Endurance` -> `apex-endurance`.
    static func identifier(from name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "club" : String(result.prefix(64))
    }
}
