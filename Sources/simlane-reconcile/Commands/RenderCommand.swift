import ArgumentParser
import Foundation
import Spec

/// `render --config PATH [--at ISO8601] [--json]`: the layout the club should have at an
/// instant, as a tree or as JSON.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Show the Discord layout the club should have at an instant.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var at: AtOption
    @Flag(name: .long, help: "Print JSON instead of the tree.") var json = false
    @Flag(name: .long, help: "Print every message (cards, alerts) as members will see it, instead of the tree.")
    var messages = false

    func run() async throws {
        let instant: Date
        do {
            instant = try at.instant()
        } catch {
            SpecCLI.printError("error: \((error as? ValidationError)?.message ?? "\(error)")")
            throw ExitCode.failure
        }
        let club = try SpecCLI.load(config.config)
        let compiled = Compiler.compile(club, at: instant)
        if json {
            print(LayoutRenderer.json(compiled, at: instant))
        } else if messages {
            SpecCLI.printWarnings(club)
            print(MessagePreview.text(compiled, config: club, at: instant), terminator: "")
        } else {
            SpecCLI.printWarnings(club)
            print(LayoutRenderer.text(compiled, config: club, at: instant), terminator: "")
        }
    }
}
