import ArgumentParser

struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "emulator", abstract: "(in development)")
    func run() async throws { throw ExitCode.failure }
}
