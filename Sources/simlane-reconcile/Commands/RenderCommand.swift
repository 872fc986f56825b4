import ArgumentParser

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "(in development)")
    func run() async throws { throw ExitCode.failure }
}
