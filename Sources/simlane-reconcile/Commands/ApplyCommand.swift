import ArgumentParser

struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "(in development)")
    func run() async throws { throw ExitCode.failure }
}
