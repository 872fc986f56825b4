// Club-scale benchmark: how cost grows with the club. For generated clubs of 6, 30, 60 and
// 120 events (see `ClubScale`) it measures validate (load + checks + warnings), render
// (compile + text), and against the emulator with Discord's limits (windows scaled by
// `--scale`): a first plan and its apply (wall time vs the lower bound the limits imply,
// 429s by scope), then a converged plan (requests, time) and a steady-state plan (what a
// long-lived reconciler's read cache leaves to read).
//
// Usage: simlane-bench club-scale [--events 6,30,60,120] [--scale S] [--moment early|peak|late] [--runs N]
//        [--local]   (validate and render only)
//        [--batch-from N | --no-batch]   (role changes per member batched into one PATCH from N on; default 3)
import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec

func runClubScaleBench(_ arguments: [String]) async throws {
    func value(_ name: String) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
    let sizes = (value("--events") ?? "6,30,60,120").split(separator: ",").compactMap { Int($0) }
    let scale = value("--scale").flatMap(Double.init) ?? 0.05
    let moment = value("--moment").flatMap(ClubScale.Moment.init(rawValue:)) ?? .peak
    let runs = max(1, value("--runs").flatMap(Int.init) ?? 3)
    let localOnly = arguments.contains("--local")
    let batchFrom: Int? = arguments.contains("--no-batch") ? nil
        : value("--batch-from").flatMap(Int.init) ?? PlanOptions.batchedRoleChangesFrom
    print("club-scale: moment \(moment.rawValue); emulator windows scaled by \(scale) (apply times and bounds are scaled alike); "
          + "role changes batched \(batchFrom.map { "from \($0) per member" } ?? "never")")
    var rows: [ClubScaleBench.Row] = []
    for events in sizes {
        let row = try await ClubScaleBench.measure(ClubScale(events: events), moment: moment, scale: scale, runs: runs,
                                                   localOnly: localOnly, batchFrom: batchFrom)
        rows.append(row)
        print(row.detail)
    }
    print("")
    print("| events | members | validate | render | first plan | apply (bound) | ratio | apply 429s u/g/s | converged plan | steady plan |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows { print(row.tableLine) }
}

enum ClubScaleBench {
    struct Row {
        var events = 0
        var members = 0
        var validateMs = 0.0
        var renderMs = 0.0
        var firstPlanSeconds = 0.0
        var firstPlanRequests = 0
        var changes = 0
        var applySeconds = 0.0
        var applyRequests = 0
        var boundSeconds = 0.0
        var applied429: [RateLimitScope: Int] = [:]
        var convergedSeconds = 0.0
        var convergedRequests = 0
        var convergedChanges = 0
        var steadySeconds = 0.0
        var steadyRequests = 0
        var layout = ""

        var ratio: Double { boundSeconds > 0 ? applySeconds / boundSeconds : 0 }

        var detail: String {
            """
            club-scale: \(events) events, \(members) members: \(layout)
              validate \(ms(validateMs)), render \(ms(renderMs))
              first plan: \(firstPlanRequests) requests, \(sec(firstPlanSeconds)); \(changes) changes
              apply: \(applyRequests) requests, \(sec(applySeconds)) (bound \(sec(boundSeconds)), ratio \(String(format: "%.2f", ratio))), \
            429s user \(applied429[.user] ?? 0), global \(applied429[.global] ?? 0), shared \(applied429[.shared] ?? 0)
              converged plan: \(convergedRequests) requests, \(sec(convergedSeconds)), \(convergedChanges) changes left; \
            steady-state plan (read cache): \(steadyRequests) requests, \(sec(steadySeconds))
            """
        }

        var tableLine: String {
            "| \(events) | \(members) | \(ms(validateMs)) | \(ms(renderMs)) | \(firstPlanRequests) req, \(sec(firstPlanSeconds)) "
                + "| \(sec(applySeconds)) (\(sec(boundSeconds))) | \(String(format: "%.2f", ratio)) "
                + "| \(applied429[.user] ?? 0)/\(applied429[.global] ?? 0)/\(applied429[.shared] ?? 0) "
                + "| \(convergedRequests) req, \(sec(convergedSeconds)) | \(steadyRequests) req, \(sec(steadySeconds)) |"
        }

        private func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
        private func sec(_ value: Double) -> String { String(format: "%.2f s", value) }
    }

    static func measure(_ scale: ClubScale, moment: ClubScale.Moment, scale windows: Double, runs: Int,
                        localOnly: Bool = false, batchFrom: Int? = PlanOptions.batchedRoleChangesFrom) async throws -> Row {
        var row = Row(events: scale.events, members: scale.members)
        let at = scale.instant(moment)
        let sources = scale.sources()

        var config: ClubConfig?
        row.validateMs = try median(runs) {
            let loaded = try ConfigLoader.load(sources: sources)
            _ = loaded.warnings
            config = loaded
        }
        guard let config else { return row }
        var rendered = ""
        row.renderMs = median(runs) {
            let compiled = Compiler.compile(config, at: at)
            rendered = LayoutRenderer.text(compiled, config: config, at: at)
        }
        let desired = Compiler.compile(config, at: at).desired
        row.layout = "\(desired.channels.count) channels, \(desired.roles.count) roles, \(desired.threads.count) threads, "
            + "\(desired.messages.count) messages (render \(rendered.count) characters)"
        if localOnly { return row }

        let limits = RateLimitConfiguration.discordLike.scaled(by: windows)
        let emulator = DiscordEmulator(rateLimits: limits)
        try await SandboxGuild.seed(emulator, config: config)
        let guildID = config.settings.discord.guildID
        for index in 0..<scale.members where scale.isAbsent(member: index) {
            try await emulator.adminRemoveMember(scale.userID(member: index), from: guildID)
        }
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let client = DiscordClient(configuration: DiscordConfiguration(
            baseURL: server.baseURL, token: BotToken(BotIdentity.sandbox.token)!))
        let store = try SQLiteStateStore.inMemory()
        // A long-lived reconciler, as in the daemon: what a plan read stands for 10 minutes
        // unless an apply touched it (ReadCache), so the steady-state plan reads little.
        let reconciler = Reconciler(client: client, store: store, guildID: guildID,
                                    options: ReconcilerOptions(plan: PlanOptions(batchRoleChangesFrom: batchFrom),
                                                               readCacheLifetime: 600))

        await emulator.resetLog()
        var run: PlannedRun?
        row.firstPlanSeconds = try await seconds { run = try await reconciler.plan(config: config, at: at) }
        row.firstPlanRequests = await emulator.currentCounters.requests
        guard let run else { return row }
        row.changes = run.plan.changes.count
        // The client keeps Discord's real global limit (50 per second) whatever the emulator's
        // scale, so that limit bounds apply too.
        row.boundSeconds = max(ApplyBench.lowerBound(run.plan.changes, limits: limits),
                               Double(run.plan.requestCount) / 50)

        await emulator.resetLog()
        row.applySeconds = try await seconds { _ = try await reconciler.apply(run) }
        let applied = await emulator.currentCounters
        row.applyRequests = applied.requests
        row.applied429 = applied.rateLimited

        await emulator.resetLog()
        var converged: PlannedRun?
        row.convergedSeconds = try await seconds { converged = try await reconciler.plan(config: config, at: at) }
        row.convergedRequests = await emulator.currentCounters.requests
        row.convergedChanges = converged?.plan.changes.count ?? -1

        await emulator.resetLog()
        row.steadySeconds = try await seconds { _ = try await reconciler.plan(config: config, at: at) }
        row.steadyRequests = await emulator.currentCounters.requests
        return row
    }

    static func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let start = clock.now
            try body()
            times.append(ApplyBench.seconds(clock.now - start) * 1000)
        }
        return times.sorted()[times.count / 2]
    }

    static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return ApplyBench.seconds(clock.now - start)
    }
}
