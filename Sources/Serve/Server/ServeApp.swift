import Discord
import Foundation
import Logging
import Reconciler

/// Tunables of `serve`, with the defaults documented in docs/api.md.
public struct ServeOptions: Sendable {
    /// Largest request body read (larger: 413 before the body is read).
    public var maxBodyBytes: Int
    /// How long `POST …/sync-members` waits for the sync before answering 202 with its run.
    public var syncBudget: Duration
    /// Interactions whose `X-Signature-Timestamp` is further than this from now are refused.
    public var interactionMaxAge: TimeInterval
    /// The wall clock (injected so tests control staleness).
    public var now: @Sendable () -> Date
    /// What waits (the sync budget).
    public var clock: any Clock<Duration>
    /// Linking a guild on invite (`--public-url` with a client secret); nil: off.
    public var guildLink: GuildLinkOptions?

    public init(maxBodyBytes: Int = 1 << 20, syncBudget: Duration = .milliseconds(800),
                interactionMaxAge: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() },
                clock: any Clock<Duration> = ContinuousClock(), guildLink: GuildLinkOptions? = nil) {
        self.guildLink = guildLink
        self.maxBodyBytes = maxBodyBytes
        self.syncBudget = syncBudget
        self.interactionMaxAge = interactionMaxAge
        self.now = now
        self.clock = clock
    }
}

/// The API of `serve`, independent of HTTP: takes an `APIRequest`, checks who may call the
/// route, runs its handler and answers an `APIResponse`. It shares the daemon's pieces
/// (`ClubReconcilers`: state stores and Discord clients), so `run --serve` and `serve` alone
/// behave the same.
public final class ServeApp: Sendable {
    public let catalog: ClubCatalog
    public let reconcilers: ClubReconcilers
    public let options: ServeOptions
    public let metrics: ServeMetrics
    public let syncRuns: SyncRuns
    /// Follow-ups of deferred interactions.
    public let background = BackgroundTasks()
    /// The daemon this server runs beside (`run --serve`), for its counters in `/metrics`.
    public let daemon = DaemonStatusSource()
    let token: APIToken
    let logger: Logger
    let settingsWriter = SettingsWriter()
    /// Invite-link states already used (each link links once).
    let linkNonces = LinkNonces()

    public init(catalog: ClubCatalog, reconcilers: ClubReconcilers, token: APIToken,
                options: ServeOptions = ServeOptions(), logger: Logger = Logger(label: "simlane.serve")) {
        self.catalog = catalog
        self.reconcilers = reconcilers
        self.token = token
        self.options = options
        self.metrics = ServeMetrics()
        self.syncRuns = SyncRuns()
        self.logger = logger
    }

    /// Answers one request; never throws (every failure is a JSON error), and logs one line
    /// without secrets: method, route path (no query: the OAuth code travels there), status.
    public func handle(_ request: APIRequest) async -> APIResponse {
        let started = ContinuousClock.now
        let matched = APIRoute.match(path: request.path)
        let response: APIResponse
        do {
            response = try await dispatch(request, matched: matched)
        } catch {
            response = .error(error)
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let label = matched?.route.template ?? "unmatched"
        await metrics.recordRequest(route: label, status: response.status, milliseconds: milliseconds)
        logger.info("\(request.method) \(matched == nil ? "(unmatched path)" : request.path) \(response.status)",
                    metadata: ["route": "\(label)", "ms": "\(Int(milliseconds.rounded()))"])
        return response
    }

    private func dispatch(_ request: APIRequest, matched: (route: APIRoute, methods: [String])?) async throws(APIError) -> APIResponse {
        guard let (route, methods) = matched else {
            throw APIError(404, .notFound, "no endpoint at this path; see docs/api.yaml")
        }
        guard methods.contains(request.method) else {
            throw APIError(405, .methodNotAllowed, "\(route.template) answers \(methods.joined(separator: ", "))")
        }
        if route.guardedBy == .bearerToken && !token.accepts(authorization: request.header("authorization")) {
            throw APIError(401, .unauthorized, "send the API token as `Authorization: Bearer <token>` (SIMLANE_API_TOKEN of the server)")
        }
        switch route {
        case .health: return .json(["status": "ok"])
        case .metrics: return .text(await renderMetrics(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        case .inviteURL: return try await inviteURL(request)
        case .interactions: return try await interaction(request)
        case .startSync(let club): return try await startSync(club: club)
        case .syncRun(let club, let run): return try await syncRun(club: club, run: run)
        case .settings(let club):
            return request.method == "PUT" ? try await putSettings(club: club, request) : try await getSettings(club: club)
        case .channels(let club): return try await channels(club: club)
        case .plan(let club): return try await plan(club: club)
        case .guildLinkCallback: return await guildLinkCallback(request)
        }
    }

    private func renderMetrics() async -> String {
        let clients = await reconcilers.clientMetrics()
        func sum(_ value: (ClientMetrics) -> Int) -> Int { clients.reduce(0) { $0 + value($1) } }
        var extra = [
            "# HELP simlane_discord_retries_total Requests to Discord retried (5xx, timeouts, connection faults).",
            "# TYPE simlane_discord_retries_total counter",
            "simlane_discord_retries_total \(sum(\.retries))",
            "# HELP simlane_discord_queue_waits_total Requests that waited for a rate-limit bucket before going out.",
            "# TYPE simlane_discord_queue_waits_total counter",
            "simlane_discord_queue_waits_total \(sum(\.preemptiveWaits))",
        ]
        if let status = await daemon.status() {
            let c = status.counters
            extra += [
                "# HELP simlane_daemon_passes_total Reconcile passes of the daemon (run --serve).",
                "# TYPE simlane_daemon_passes_total counter",
                "simlane_daemon_passes_total \(c.passes)",
                "simlane_daemon_failed_passes_total \(c.failedPasses)",
                "# HELP simlane_daemon_changes_total Changes the daemon applied or failed.",
                "# TYPE simlane_daemon_changes_total counter",
                "simlane_daemon_changes_total{outcome=\"applied\"} \(c.changesApplied)",
                "simlane_daemon_changes_total{outcome=\"failed\"} \(c.changesFailed)",
            ]
        }
        return await metrics.render(discordRequests: sum(\.requestsSent), discordRateLimited: sum(\.rateLimited), extra: extra)
    }
}
