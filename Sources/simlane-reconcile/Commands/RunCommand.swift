import ArgumentParser

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "(in development)")
    func run() async throws { throw ExitCode.failure }
}
