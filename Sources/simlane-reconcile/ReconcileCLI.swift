import ArgumentParser
import Discord
import DiscordTypes
import Foundation
import Logging
import Planner
import Reconciler
import Spec

/// `--token-file PATH` and `--allow-destroy`, shared by `plan` and `apply`.
struct TargetOptions: ParsableArguments {
    @Option(name: .customLong("token-file"), help: "Read the bot token from this file (default: $DISCORD_BOT_TOKEN).")
    var tokenFile: String?

    @Flag(name: .customLong("allow-destroy"), help: "Allow a plan that deletes more than the policy's share of managed resources.")
    var allowDestroy = false
}

/// What `plan` and `apply` work against: the club, its state store, and a reconciler for its
/// guild — on Discord when a token is set, else on the local sandbox guild.
struct ReconcileContext {
    let config: ClubConfig
    let store: SQLiteStateStore
    let reconciler: Reconciler
    let client: DiscordClient
    let sandbox: SandboxGuild?
    /// The state lock, held until the process exits (apply only).
    let lock: StateLock?

    /// How a command uses the state store.
    enum StateUse {
        /// Read it if it exists; never create it (`plan`, `doctor`).
        case read
        /// Create it if missing and hold its lock, waiting up to the timeout (`apply`).
        case write(lockTimeout: Duration?)
    }

    /// Loads the club, opens the state store and connects to Discord or the sandbox.
    static func open(configPath: String, statePath: String?, target: TargetOptions, trigger: String,
                     use: StateUse = .read) async throws -> ReconcileContext {
        let config = try SpecCLI.load(configPath)
        SpecCLI.printWarnings(config)
        let stateFile = StatePath.stateFile(config: configPath, override: statePath)
        var lock: StateLock?
        let store: SQLiteStateStore
        switch use {
        case .read:
            if FileManager.default.fileExists(atPath: stateFile) || SQLiteStateStore.existingFileProblem(stateFile) != nil {
                Console.note("Reading the state store \(Console.relative(stateFile)).")
                store = try SQLiteStateStore(path: stateFile)
            } else {
                Console.note("No state store at \(Console.relative(stateFile)) yet: nothing is managed so far (apply creates it).")
                store = try SQLiteStateStore.inMemory()
            }
        case .write(let lockTimeout):
            lock = try await StateLock.acquire(statePath: stateFile, timeout: lockTimeout) { holder in
                Console.note("Waiting for the state lock: \(holder.map { "pid \($0)" } ?? "another run") is changing this guild…")
            }
            if !FileManager.default.fileExists(atPath: stateFile) && SQLiteStateStore.existingFileProblem(stateFile) == nil {
                Console.note("Creating the state store \(Console.relative(stateFile)).")
            }
            store = try SQLiteStateStore(path: stateFile)
        }
        let environment = ProcessInfo.processInfo.environment
        let hasToken = !(environment["DISCORD_BOT_TOKEN"] ?? "").isEmpty || target.tokenFile != nil
            || !(environment["DISCORD_BOT_TOKEN_FILE"] ?? "").isEmpty
        var sandbox: SandboxGuild?
        let configuration: DiscordConfiguration
        if hasToken {
            configuration = try DiscordConfiguration.fromEnvironment(environment, tokenFile: target.tokenFile)
        } else {
            let file = StatePath.sandboxFile(stateFile: stateFile)
            let started = try await SandboxGuild.start(config: config, file: file)
            sandbox = started
            Console.note("Using the local sandbox guild (no DISCORD_BOT_TOKEN set): \(Console.relative(file))"
                + (started.seeded ? " (created now)" : "") + ".")
            configuration = started.clientConfiguration
        }
        var logger = Logger(label: "simlane.discord")
        logger.logLevel = .warning
        let client = DiscordClient(configuration: configuration, logger: logger)
        let options = ReconcilerOptions(plan: PlanOptions(allowDestroy: target.allowDestroy), trigger: trigger)
        let reconciler = Reconciler(client: client, store: store, guildID: config.settings.discord.guildID,
                                    options: options)
        return ReconcileContext(config: config, store: store, reconciler: reconciler, client: client,
                                sandbox: sandbox, lock: lock)
    }

    func close() async {
        await sandbox?.stop()
        lock?.release()
    }
}

/// Runs a command body, turning every error into one actionable line on stderr and exit 1.
func withCleanErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch let exit as CleanExit {
        throw exit
    } catch {
        Console.error(Console.describe(error))
        throw ExitCode.failure
    }
}

/// Terminal output: colour only on a TTY, errors on stderr.
enum Console {
    static let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
    static let stderrIsTTY = isatty(STDERR_FILENO) == 1
    static let stdinIsTTY = isatty(STDIN_FILENO) == 1

    static func error(_ text: String) {
        let prefix = stderrIsTTY ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: "
        FileHandle.standardError.write(Data((prefix + text + "\n").utf8))
    }

    static func note(_ text: String) {
        let line = stderrIsTTY ? "\u{1B}[1m\(text)\u{1B}[0m" : text
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes `text` to stdout as is (unbuffered, so it interleaves correctly with stderr).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }

    /// One line (or a few, for field errors) an admin can act on; never a stack trace.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as DiscordError: return error.description
        case let error as ReconcileError: return error.description
        case let error as CustomStringConvertible: return error.description
        default: return "\(error)"
        }
    }
}

/// Prints apply progress: one line per change for small applies, a counter for long ones.
final class ProgressPrinter: Sendable {
    let lineLimit = 60

    func handle(_ event: ApplyProgress) {
        switch event {
        case .started(let total):
            if total > lineLimit { Console.out("Applying \(total) changes…") }
        case .changeStarted:
            break
        case .changeFinished(let result, let completed, let total):
            let mark = switch result.status {
            case .done: Console.stdoutIsTTY ? "\u{1B}[32m✓\u{1B}[0m" : "✓"
            case .failed: Console.stdoutIsTTY ? "\u{1B}[31m✗\u{1B}[0m" : "✗"
            case .skipped: "-"
            }
            let width = String(total).count
            let counter = "[\(String(repeating: " ", count: width - String(completed).count))\(completed)/\(total)]"
            var line = "\(counter) \(mark) \(result.summary)"
            if let id = result.resourceID, result.status == .done { line += " (id \(id))" }
            if let reason = result.reason, result.status != .done { line += ": \(reason)" }
            if total <= lineLimit || result.status != .done {
                if total > lineLimit && Console.stdoutIsTTY { Console.write("\r\u{1B}[2K") }
                Console.out(line)
            } else if Console.stdoutIsTTY {
                // A live counter on one line for long applies.
                Console.write("\r\u{1B}[2K\(line)" + (completed == total ? "\n" : ""))
            } else if completed == total || completed % 25 == 0 {
                Console.out(line)
            }
        }
    }
}
