import ArgumentParser
import Discord
import Foundation
import Logging
import Reconciler
import Serve

/// `serve`: the club's HTTP API, Discord's interactions endpoint and the slash commands
/// (docs/api.md, docs/api.yaml), for one club or a directory of clubs.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the clubs' HTTP API, Discord interactions and slash commands.",
        discussion: """
            PATH is one club's configuration or a directory with one sub-directory per club, as
            for `run`. Admin endpoints need `Authorization: Bearer <token>` with the token from
            SIMLANE_API_TOKEN or --api-token-file. Point the application's Interactions Endpoint
            URL at https://<your host>/api/discord/webhooks/interactions (behind a TLS proxy) and
            set discord.public_key in the settings. SIGTERM/SIGINT stop it gracefully (exit 0).
            """)

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption

    @Option(name: .long, help: "HOST:PORT to listen on.")
    var listen: String = "127.0.0.1:8080"

    @Option(name: .customLong("api-token-file"), help: "Read the API bearer token from this file (default: $SIMLANE_API_TOKEN).")
    var apiTokenFile: String?

    @Option(name: .customLong("token-file"), help: "Read the bot token from this file (default: $DISCORD_BOT_TOKEN).")
    var tokenFile: String?

    @Option(name: .long, help: "Log format: text or json (one JSON object per line).")
    var logFormat: LogFormat = .text

    @OptionGroup var link: GuildLinkArguments

    func validate() throws {
        do {
            _ = try ServeServer.parseListen(listen)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let format = logFormat
        let sink = LogSink(handle: .standardError)
        LoggingSystem.bootstrap { label in DaemonLogHandler(label: label, format: format, sink: sink, level: .info) }
        let logger = Logger(label: "simlane.serve")
        do {
            let token = try APIToken.load(file: apiTokenFile, environment: ProcessInfo.processInfo.environment)
            let clubs = try ClubSource.discover(at: config.config)
            if state.state != nil && clubs.count > 1 {
                throw ValidationError("--state names one state store, but \(config.config) holds \(clubs.count) clubs; drop --state")
            }
            let reconcilers = try DaemonDriverFactory.make(statePath: state.state, tokenFile: tokenFile, logger: logger)
            let (host, port) = try ServeServer.parseListen(listen)
            let options = ServeOptions(guildLink: try link.options(environment: ProcessInfo.processInfo.environment))
            let app = ServeApp(catalog: ClubCatalog(sources: clubs), reconcilers: reconcilers, token: token,
                               options: options, logger: logger)
            let server = try await ServeServer.start(app: app, host: host, port: port, gracefulShutdownOnSignals: true)
            logger.notice("serving \(clubs.count) club\(clubs.count == 1 ? "" : "s") on http://\(host):\(server.port)",
                          metadata: ["clubs": "\(clubs.map(\.id).joined(separator: ","))"])
            await app.background.run { await app.registerCommands() }
            try await server.wait()
            logger.notice("stopped")
            await reconcilers.close()
        } catch let error as ValidationError {
            throw error
        } catch {
            throw DaemonCommandError.fail(Console.describe(error))
        }
    }
}

/// `--public-url`, `--oauth-secret-file`, `--state-secret-file`: linking a guild to its club
/// on invite (docs/api.md). On when a public URL and the client secret are given.
struct GuildLinkArguments: ParsableArguments {
    @Option(name: .customLong("public-url"), help: "Where browsers reach this server (https://…); turns on guild linking on invite.")
    var publicURL: String?

    @Option(name: .customLong("oauth-secret-file"), help: "The application's OAuth2 client secret (default: $DISCORD_CLIENT_SECRET).")
    var oauthSecretFile: String?

    @Option(name: .customLong("state-secret-file"), help: "Key that signs invite links (default: $SIMLANE_STATE_SECRET, else random per run).")
    var stateSecretFile: String?

    func options(environment: [String: String]) throws -> GuildLinkOptions? {
        guard let publicURL else { return nil }
        guard let url = URL(string: publicURL), url.scheme == "https" || url.host == "127.0.0.1" || url.host == "localhost" else {
            throw ValidationError("--public-url '\(publicURL.prefix(80))' must be an https:// URL (Discord redirects browsers there)")
        }
        func secret(file: String?, variable: String) throws -> String? {
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
                return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let clientSecret = try secret(file: oauthSecretFile, variable: "DISCORD_CLIENT_SECRET"), !clientSecret.isEmpty else {
            throw ValidationError("--public-url needs the application's client secret: --oauth-secret-file FILE or DISCORD_CLIENT_SECRET")
        }
        var link = GuildLinkOptions(publicURL: url, clientSecret: clientSecret)
        if let stateSecret = try secret(file: stateSecretFile, variable: "SIMLANE_STATE_SECRET"), !stateSecret.isEmpty {
            link.stateKey = GuildLinkOptions.stateKey(secret: stateSecret)
        }
        return link
    }
}
