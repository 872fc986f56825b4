import ArgumentParser
import Foundation
import Planner
import Reconciler
import Spec

/// `archive --series ID [--at ISO8601]`: an admin archives a series by hand. The decision is
/// written into the club data (`archive: <instant>` on the series, with a comment) so it is
/// version-controlled and every later plan, apply and daemon pass honours it; then the
/// edited configuration is validated and the plan that carries it out is shown.
struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Archive a series now (or at --at): writes `archive:` into its club data and shows the plan.",
        discussion: "Nothing is written when the edited configuration would not validate. Apply the shown plan with `apply`, or let the daemon pick the change up.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: "The id of the series to archive (from the club data's `series:`).")
    var series: String

    /// `--at`: archive from this instant instead of now.
    @OptionGroup var at: AtOption

    func run() async throws {
        try await withCleanErrors {
            let now = Date()
            let instant = try at.instant(now: now)
            let club = try SpecCLI.load(config.config)
            guard club.club.series.contains(where: { $0.id == series }) else {
                let known = club.club.series.map(\.id).joined(separator: ", ")
                throw ValidationError("no series '\(series)' in the club data (known: \(known.isEmpty ? "none" : known))")
            }
            let sources: [SourceFile]
            do { sources = try ConfigLoader.sourceFiles(path: config.config) } catch let error as ConfigError {
                throw ValidationError(error.diagnostics.map(\.description).joined(separator: "\n"))
            }
            let value = ValueParsers.timestampText(instant)
            let edited = try SeriesArchiveEdit.apply(
                to: sources, seriesID: series, value: value,
                comment: "archived by hand with simlane-reconcile archive on \(ValueParsers.timestampText(now))")
            let updated = sources.map { $0.path == edited.path ? edited : $0 }
            do {
                _ = try ConfigLoader.load(sources: updated)
            } catch let error as ConfigError {
                for diagnostic in error.diagnostics { SpecCLI.printError(diagnostic.description) }
                throw ValidationError("the edited configuration does not validate; nothing was written")
            }
            try Data(edited.text.utf8).write(to: URL(fileURLWithPath: edited.path), options: .atomic)
            Console.out("Series '\(series)' is archived from \(value): wrote `archive: \(value)` to \(Console.relative(edited.path)).")

            let planAt = max(instant, now)
            let context = try await ReconcileContext.open(configPath: config.config, statePath: state.state,
                                                          target: target, trigger: "archive")
            do {
                let run = try await context.reconciler.plan(config: context.config, at: planAt)
                await context.close()
                Console.write(PlanTextRenderer.render(run.plan, color: Console.stdoutIsTTY))
                if !run.plan.isEmpty {
                    Console.out("\nApply it with: simlane-reconcile apply --config \(config.config)"
                        + (instant > now ? " --at \(value)" : "") + " (or let the daemon do it at \(value)).")
                }
            } catch {
                await context.close()
                throw error
            }
        }
    }
}
