import ArgumentParser
import Foundation
import Planner
import Reconciler

/// `plan --config PATH [--at ISO8601] [--json] [--out FILE] [--detailed-exitcode]`: reads the
/// guild and shows what `apply` would change. Exit 0 (no changes, or changes without
/// `--detailed-exitcode`), 2 (changes, with `--detailed-exitcode`), 1 (error).
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the changes that would bring the guild to the club's layout.",
        discussion: """
            Without DISCORD_BOT_TOKEN (or --token-file) the target is the local sandbox guild
            stored next to the state. Exit status: 0 no changes, 1 error, 2 changes present
            (with --detailed-exitcode).
            """)

    @OptionGroup var config: ConfigOption
    @OptionGroup var at: AtOption
    @OptionGroup var state: StateOption
    @OptionGroup var target: TargetOptions
    @Flag(name: .long, help: "Print the plan as JSON (docs/plan-json.md).") var json = false
    @Option(name: .long, help: "Save the plan to FILE for `apply FILE`.") var out: String?
    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 2 when there are changes, 0 when none.")
    var detailedExitcode = false

    func run() async throws {
        var hasChanges = false
        try await withCleanErrors {
            let instant = try at.instant()
            let context = try await ReconcileContext.open(
                configPath: config.config, statePath: state.state, target: target, trigger: "plan")
            do {
                let run = try await context.reconciler.plan(config: context.config, at: instant)
                await context.close()
                if json {
                    Console.write(PlanJSONRenderer.render(run.plan))
                } else {
                    Console.write(PlanTextRenderer.render(run.plan, color: Console.stdoutIsTTY))
                }
                if let out {
                    let url = URL(fileURLWithPath: out)
                    try run.saved.encoded().write(to: url, options: .atomic)
                    if !json { Console.out("\nSaved the plan to \(out); apply it with: simlane-reconcile apply --config \(config.config) \(out)") }
                }
                hasChanges = !run.plan.isEmpty
            } catch {
                await context.close()
                throw error
            }
        }
        if detailedExitcode && hasChanges { throw ExitCode(2) }
    }
}
