import ArgumentParser

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "(in development)")
    func run() async throws { throw ExitCode.failure }
}
