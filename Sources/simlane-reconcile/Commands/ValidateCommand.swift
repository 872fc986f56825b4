import ArgumentParser

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(in development)")
    func run() async throws { throw ExitCode.failure }
}
