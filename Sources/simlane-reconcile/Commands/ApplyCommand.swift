import ArgumentParser
import Foundation
import Planner
import Reconciler

/// `apply --config PATH [--at ISO8601] [--auto-approve] [FILE]`: plans (or loads a saved
/// plan), asks for `yes` on a terminal, applies with progress, and ends with a summary.
/// Exit 1 if anything failed.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make the changes that bring the guild to the club's layout.",
        discussion: """
            Shows the plan and asks for `yes` unless --auto-approve. With FILE (from
            `plan --out FILE`) applies that reviewed plan, refusing it if the guild or the
            state changed since. Without DISCORD_BOT_TOKEN the target is the local sandbox guild.
            """)

    @OptionGroup var config: ConfigOption
    @OptionGroup var at: AtOption
    @OptionGroup var state: StateOption
    @OptionGroup var target: TargetOptions
    @Flag(name: .customLong("auto-approve"), help: "Apply without asking for confirmation.")
    var autoApprove = false
    @Option(name: .customLong("lock-timeout"),
            help: "Seconds to wait for another apply or the daemon to finish with this guild (0: fail at once).")
    var lockTimeout: Double = 600
    @Argument(help: "A plan saved by `plan --out FILE`.") var planFile: String?

    func validate() throws {
        guard lockTimeout.isFinite, lockTimeout >= 0, lockTimeout <= 86_400 else {
            throw ValidationError("--lock-timeout must be between 0 and 86400 seconds")
        }
    }

    func run() async throws {
        var failed = false
        try await withCleanErrors {
            let saved = try planFile.map { path in
                do {
                    return try SavedPlan.decode(from: Data(contentsOf: URL(fileURLWithPath: path)))
                } catch {
                    throw ValidationError("cannot read the plan file \(path): \(Console.describe(error))")
                }
            }
            if saved == nil && !autoApprove && !Console.stdinIsTTY {
                Console.error("refusing to apply without confirmation: stdin is not a terminal; pass --auto-approve, or save a reviewed plan with `plan --out FILE` and run `apply FILE`")
                throw ExitCode.failure
            }
            let instant = try at.instant()
            let context = try await ReconcileContext.open(
                configPath: config.config, statePath: state.state, target: target, trigger: "apply",
                use: .write(lockTimeout: .milliseconds(Int64(lockTimeout * 1000))))
            do {
                failed = try await apply(context, saved: saved, instant: instant)
                await context.close()
            } catch {
                await context.close()
                throw error
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// Returns true if any change failed or was skipped.
    private func apply(_ context: ReconcileContext, saved: SavedPlan?, instant: Date) async throws -> Bool {
        let printer = ProgressPrinter()
        let report: ApplyReport
        let skippedAnnouncements: [SkippedAnnouncement]
        if let saved {
            skippedAnnouncements = saved.plan.skippedAnnouncements
            if saved.plan.isEmpty {
                Console.out("No changes. The saved plan is empty.")
                return false
            }
            Console.out(saved.plan.summary.line)
            report = try await context.reconciler.apply(saved: saved, config: context.config) { printer.handle($0) }
        } else {
            let run = try await context.reconciler.plan(config: context.config, at: instant)
            Console.write(PlanTextRenderer.render(run.plan, color: Console.stdoutIsTTY))
            if run.plan.isEmpty { return false }
            skippedAnnouncements = run.plan.skippedAnnouncements
            if !autoApprove {
                Console.out("\nDo you want to perform these actions? Only 'yes' will be accepted to approve.")
                FileHandle.standardOutput.write(Data("  Enter a value: ".utf8))
                guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                    Console.out("\nApply cancelled.")
                    return true
                }
            }
            Console.out("")
            report = try await context.reconciler.apply(run) { printer.handle($0) }
        }
        Console.out("")
        for skipped in skippedAnnouncements {
            Console.out("Announcement skipped, not sent: \(skipped.line)")
        }
        Console.out(report.summaryLine)
        for result in report.results where result.status == .failed {
            Console.error("\(result.summary): \(result.reason ?? "failed")")
        }
        return !report.succeeded
    }
}
