import ArgumentParser

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "(in development)")
    func run() async throws { throw ExitCode.failure }
}
