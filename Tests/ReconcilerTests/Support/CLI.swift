import Foundation
import Testing

/// What a run of the real `simlane-reconcile` binary printed and how it exited.
struct CLIResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Runs the real CLI binary from the build products directory (`swift build --build-tests`
/// and `swift test` build it next to the test bundle).
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary: next to the running test bundle, else in `.build/debug`.
    static let binary: URL = {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in candidates {
            let url = directory.appendingPathComponent("simlane-reconcile")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/simlane-reconcile")
    }()

    /// The environment for a child: ours without any Discord settings, plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["DISCORD_BOT_TOKEN", "DISCORD_BOT_TOKEN_FILE", "DISCORD_API_BASE"] { env[key] = nil }
        env.merge(extra) { $1 }
        return env
    }

    /// Starts the binary; output goes to files so large outputs never block the child.
    static func start(_ arguments: [String], env: [String: String] = [:], cwd: URL? = nil) throws -> RunningCLI {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment(env)
        if let cwd { process.currentDirectoryURL = cwd }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("stdout")
        let err = dir.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let running = RunningCLI(process: process, out: out, err: err)
        process.terminationHandler = { _ in running.finished() }
        try process.run()
        return running
    }

    static func run(_ arguments: [String], env: [String: String] = [:], cwd: URL? = nil) async throws -> CLIResult {
        try await start(arguments, env: env, cwd: cwd).wait()
    }
}

/// A CLI process in flight (for kill -9 tests).
final class RunningCLI: @unchecked Sendable {
    let process: Process
    let out: URL
    let err: URL
    private let lock = NSLock()
    private var done = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(process: Process, out: URL, err: URL) {
        self.process = process
        self.out = out
        self.err = err
    }

    func finished() {
        let pending: [CheckedContinuation<Void, Never>] = lock.withLock {
            done = true
            defer { waiters.removeAll() }
            return waiters
        }
        for waiter in pending { waiter.resume() }
    }

    var isRunning: Bool { lock.withLock { !done } }

    func kill9() { kill(process.processIdentifier, SIGKILL) }

    func wait() async -> CLIResult {
        await withCheckedContinuation { continuation in
            let resumeNow = lock.withLock {
                if done { return true }
                waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
        return CLIResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
