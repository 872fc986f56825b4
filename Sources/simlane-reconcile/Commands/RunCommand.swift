import ArgumentParser
import Discord
import Foundation
import Logging
import Reconciler
import Serve

/// `simlane-reconcile run`: the daemon. Keeps one club, or every club in a directory of clubs,
/// converged as their seasons unfold, sharing one Discord client (one global rate limit).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Keep clubs' guilds converged continuously (the daemon).",
        discussion: """
            PATH is one club's configuration (a file or a directory of YAML documents) or a
            directory with one sub-directory per club. Each club is reconciled when its next
            transition is due (to the second), when its files change (validated first; a broken
            edit is rejected and the last good configuration stays), and at least every poll
            interval to repair drift. SIGTERM/SIGINT finish the changes in flight and exit 0;
            a rejected token exits 1. See docs/daemon.md for running it as a service.
            """
    )

    @OptionGroup var configOption: ConfigOption
    @OptionGroup var stateOption: StateOption

    @Flag(name: .long, help: "Run one pass over every club, then exit: 0 if all converged, 1 otherwise.")
    var once = false

    @Option(name: .long, help: "Reconcile every club at least this often to repair drift (e.g. 30s, 5m, 1h).")
    var pollInterval: String = "5m"

    @Option(name: .long, help: "Log format: text or json (one JSON object per line).")
    var logFormat: LogFormat = .text

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(name: .long, help: "Where to write the status file (default: .simlane/daemon-status.json next to the config).")
    var statusFile: String?

    @Option(name: .customLong("token-file"), help: "Read the bot token from this file (default: $DISCORD_BOT_TOKEN).")
    var tokenFile: String?

    @Option(name: .long, help: "How long shutdown waits for the changes in flight (e.g. 20s).")
    var shutdownGrace: String = "20s"

    @Option(name: .customLong("serve"), help: "Also serve the HTTP API and interactions on HOST:PORT (docs/api.md), sharing the daemon's clubs, state stores and Discord client.")
    var serveAddress: String?

    @Option(name: .customLong("api-token-file"), help: "With --serve: the API bearer token file (default: $SIMLANE_API_TOKEN).")
    var apiTokenFile: String?

    @OptionGroup var link: GuildLinkArguments
    @Flag(name: .long, help: "Connect to Discord's gateway: react to joins, leaves and drift within seconds and plan from a live cache (needs a bot token; see docs/gateway.md).")
    var gateway = false

    @Flag(name: .long, help: "With --gateway: answer !ping !info !club !help !link in guild channels (adds the GUILD_MESSAGES and privileged MESSAGE_CONTENT intents).")
    var textCommands = false

    func validate() throws {
        guard let poll = DurationParser.parse(pollInterval), poll >= Duration.seconds(1) else {
            throw ValidationError("--poll-interval '\(pollInterval)' is not a duration of at least 1s; write it like 30s, 5m or 1h")
        }
        guard DurationParser.parse(shutdownGrace) != nil else {
            throw ValidationError("--shutdown-grace '\(shutdownGrace)' is not a duration; write it like 20s")
        }
        if let serveAddress {
            do {
                _ = try ServeServer.parseListen(serveAddress)
            } catch {
                throw ValidationError(error.description.replacingOccurrences(of: "--listen", with: "--serve"))
            }
        }
        if textCommands && !gateway {
            throw ValidationError("--text-commands needs --gateway (commands arrive over the gateway)")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level '\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let format = logFormat
        let sink = LogSink(handle: .standardError)
        LoggingSystem.bootstrap { label in
            DaemonLogHandler(label: label, format: format, sink: sink, level: level)
        }
        let logger = Logger(label: "simlane.daemon")
        let clubs: [ClubSource]
        do {
            clubs = try ClubSource.discover(at: configOption.config)
        } catch {
            throw DaemonCommandError.fail(error.description)
        }
        if stateOption.state != nil && clubs.count > 1 {
            throw ValidationError("--state names one state store, but \(configOption.config) holds \(clubs.count) clubs; each club keeps its state in its own .simlane/ directory, so drop --state")
        }
        let options = LoopOptions(
            pollInterval: DurationParser.parse(pollInterval) ?? .seconds(300),
            shutdownGrace: DurationParser.parse(shutdownGrace) ?? .seconds(20))
        let status = StatusFile(path: statusFile ?? StatusFile.defaultPath(forConfig: configOption.config))
        let reconcilers: ClubReconcilers
        do {
            reconcilers = try DaemonDriverFactory.make(statePath: stateOption.state, tokenFile: tokenFile, logger: logger)
        } catch {
            throw DaemonCommandError.fail("\(error)")
        }
        var server: ServeServer?
        if let serveAddress {
            do {
                let environment = ProcessInfo.processInfo.environment
                let token = try APIToken.load(file: apiTokenFile, environment: environment)
                let (host, port) = try ServeServer.parseListen(serveAddress)
                let app = ServeApp(catalog: ClubCatalog(sources: clubs), reconcilers: reconcilers, token: token,
                                   options: ServeOptions(guildLink: try link.options(environment: environment)),
                                   logger: Logger(label: "simlane.serve"))
                server = try await ServeServer.start(app: app, host: host, port: port)
                await app.background.run { await app.registerCommands() }
                logger.notice("serving the API on http://\(host):\(server?.port ?? port)")
            } catch {
                await reconcilers.close()
                throw DaemonCommandError.fail("--serve: \(error)")
            }
        }
        let daemon = server?.app.daemon
        let gatewayOptions = gateway && !once
            ? DaemonGateway.Options(textCommands: textCommands, clubs: clubs, logger: logger) : nil
        let exit = await Self.drive(
            driver: reconcilers.driver(), clubs: clubs, options: options, statusFile: status, once: once,
            logger: logger, onStart: { loop in
                await daemon?.attach { await loop.status() }
                return await DaemonGateway.start(gatewayOptions, loop: loop, reconcilers: reconcilers)
            })
        await server?.stop()
        await reconcilers.close()
        if exit != 0 { throw ExitCode(exit) }
    }

    /// Runs the loop with a concrete driver; returns the exit status.
    static func drive<D: ClubReconciling>(
        driver: D, clubs: [ClubSource], options: LoopOptions, statusFile: StatusFile, once: Bool,
        logger: Logger, onStart: (ReconcileLoop<D>) async -> (@Sendable () async -> Void) = { _ in {} }
    ) async -> Int32 {
        let loop = ReconcileLoop(
            clubs: clubs, driver: driver, options: options, logger: logger, statusFile: statusFile)
        let stopExtras = await onStart(loop)
        // SIGHUP reloads the configuration (never exits); SIGTERM/SIGINT stop, twice: at once.
        let reloads = SignalWatcher(signals: [SIGHUP]) { number, _ in
            Task { await loop.requestReload(reason: SignalWatcher.name(of: number)) }
        }
        defer { reloads.cancel() }
        let signals = SignalWatcher { number, count in
            Task {
                if count == 1 {
                    await loop.requestStop(reason: SignalWatcher.name(of: number))
                } else {
                    await loop.forceStop()
                }
            }
        }
        defer { signals.cancel() }
        if once {
            let result = await loop.runOnce()
            await stopExtras()
            printSummary(result)
            // Stopped by SIGTERM/SIGINT: the contract is exit 0 (the next run finishes the work).
            let signalled = await loop.isStopping() && result.fatalError == nil
            return result.allConverged || signalled ? 0 : 1
        }
        let exit = await loop.run()
        // The gateway (if any) is closed before the process exits, not left to a detached task.
        await stopExtras()
        switch exit {
        case .stopped:
            return 0
        case .fatal(let message):
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            return 1
        }
    }

    /// One line per club after `--once`.
    static func printSummary(_ result: OncePassResult) {
        for club in result.clubs {
            var line = "\(club.id): \(club.outcome.rawValue), \(club.changesApplied) applied"
            if club.changesFailed > 0 { line += ", \(club.changesFailed) failed" }
            if !club.hasValidConfig { line += ", no valid configuration" }
            if let error = club.lastError { line += " (\(error))" }
            print(line)
            for diagnostic in club.configErrors { print("  \(diagnostic)") }
        }
        if let fatal = result.fatalError { print("error: \(fatal)") }
        let converged = result.clubs.filter { $0.outcome == .converged }.count
        print("\(converged) of \(result.clubs.count) clubs converged.")
    }
}

/// An error of the `run`/`status` commands: printed as `error: …` (no stack trace), exit 1.
struct DaemonCommandError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }

    /// Prints the message and returns the exit code to throw.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode.failure
    }
}

extension LogFormat: ExpressibleByArgument {}

/// Builds the production passes: Discord through one shared client when a token is set,
/// else each club's local sandbox guild (the same one `plan` and `apply` use).
enum DaemonDriverFactory {
    static func make(statePath: String?, tokenFile: String?, logger: Logger) throws -> ClubReconcilers {
        let environment = ProcessInfo.processInfo.environment
        let hasToken = !(environment["DISCORD_BOT_TOKEN"] ?? "").isEmpty || tokenFile != nil
            || !(environment["DISCORD_BOT_TOKEN_FILE"] ?? "").isEmpty
        guard hasToken else {
            logger.notice("no DISCORD_BOT_TOKEN: every club runs against its local sandbox guild (.simlane/sandbox.json beside its state store)")
            return ClubReconcilers(target: .sandbox, stateOverride: statePath)
        }
        let configuration = try DiscordConfiguration.fromEnvironment(environment, tokenFile: tokenFile)
        logger.info("target: Discord", metadata: ["api": "\(configuration.baseURL.absoluteString)"])
        let client = DiscordClient(configuration: configuration, logger: Logger(label: "simlane.discord"))
        return ClubReconcilers(client: client, stateOverride: statePath)
    }
}
