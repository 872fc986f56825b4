import Discord
import DiscordTypes
import Foundation
import MemberSync
import Reconciler
import Spec

/// Answers one club's slash commands (`SlashCommandSet`) from its configuration. Times are
/// Discord timestamps (`<t:UNIX:f>`), which every reader's client shows in their own time
/// zone. Errors and answers that concern only the invoker are ephemeral.
struct SlashCommands {
    let app: ServeApp
    let source: ClubSource
    let config: ClubConfig

    /// How long `/sync` may take before it defers (Discord invalidates the interaction
    /// after 3 s without an answer).
    static let inlineBudget: Duration = .milliseconds(1500)

    func respond(to interaction: Interaction) async -> InteractionResponse {
        guard let name = interaction.data.flatMap({ SlashCommandSet.Name(rawValue: $0.name) }) else {
            return .message("Unknown command. Ask an admin to run `simlane-reconcile commands sync`.", ephemeral: true)
        }
        let now = app.options.now()
        switch name {
        case .sync: return await sync(interaction)
        case .events: return .message(events(at: now), ephemeral: false)
        case .teams, .schedule:
            guard let event = event(named: interaction.option("event"), at: now) else {
                return .message(noEvent(interaction.option("event")), ephemeral: true)
            }
            return .message(name == .teams ? teams(event) : schedule(event), ephemeral: false)
        case .availability:
            guard let url = config.settings.availabilityFormURL else {
                return .message("No availability form is set up. Ask an admin to add `availability_form_url` to the club's settings.",
                                ephemeral: true)
            }
            return .message("Tell \(config.settings.club.name) when you can race: \(url)", ephemeral: true)
        }
    }

    // MARK: /sync

    /// Admins only (a role in `discord.admin_roles`); runs a member sync. Answers inline when
    /// it finishes within `inlineBudget`, else defers and edits the answer when it is done.
    private func sync(_ interaction: Interaction) async -> InteractionResponse {
        let admins = Set(config.settings.discord.adminRoles)
        guard let member = interaction.member, !admins.isDisjoint(with: member.roles) else {
            return .message("Only club admins can run /sync (a role listed in discord.admin_roles of the club's settings).",
                            ephemeral: true)
        }
        let id = await app.startSync(source: source, config: config)
        let budget = min(Self.inlineBudget, app.options.syncBudget)
        if let run = await app.syncRuns.wait(id, budget: budget, clock: app.options.clock), run.status != .running {
            return .message(Self.summary(run), ephemeral: true)
        }
        guard let token = interaction.token else { return .message("Member sync started.", ephemeral: true) }
        let app = self.app
        let source = self.source
        let config = self.config
        let applicationID = interaction.applicationId
        await app.background.run {
            guard let run = await app.syncRuns.finished(id) else { return }
            do {
                let client = try await app.reconcilers.client(for: source, config: config)
                try await client.editOriginalInteractionResponse(applicationID: applicationID, token: token,
                                                                 content: Self.summary(run))
            } catch {
                app.logger.warning("could not follow up /sync", metadata: ["error": "\(ServeText.describe(error))"])
            }
        }
        return .deferred(ephemeral: true)
    }

    static func summary(_ run: SyncRuns.Run) -> String {
        guard let report = run.report else {
            return "Member sync failed: \(run.error ?? "unknown error"). Run `simlane-reconcile doctor` on the server for what to fix."
        }
        let c = report.counts
        var text = "Member sync: \(c.matched) matched, \(c.created) created, \(c.reactivated) reactivated, "
            + "\(c.deactivated) deactivated, \(c.unlinked) unlinked, \(c.conflicts) conflicts."
        let attention = report.outcomes.filter { $0.kind == .conflict }.prefix(5)
        for outcome in attention { text += "\n• \(outcome.displayName): \(outcome.reason)" }
        return text
    }

    // MARK: /events, /teams, /schedule

    /// Events that have not ended, soonest first.
    private func upcoming(at now: Date) -> [RaceEvent] {
        config.club.events.filter { $0.end > now }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    private func events(at now: Date) -> String {
        let list = upcoming(at: now).prefix(10)
        guard !list.isEmpty else { return "No upcoming events." }
        let series = Dictionary(config.club.series.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return "Upcoming events:\n" + list.map { event in
            var line = "• **\(event.name)** (\(series[event.series] ?? event.series))"
            if let track = event.track { line += " at \(track)" }
            line += ": \(Self.stamp(event.start, "F")) (\(Self.stamp(event.start, "R")))"
            if event.start <= now { line += " (running now)" }
            return line
        }.joined(separator: "\n")
    }

    /// The event `query` names (id, or a case-insensitive part of its name), else the next one.
    private func event(named query: String?, at now: Date) -> RaceEvent? {
        guard let query = query?.trimmingCharacters(in: .whitespaces), !query.isEmpty else { return upcoming(at: now).first }
        let lower = query.lowercased()
        return config.club.events.first { $0.id == query }
            ?? upcoming(at: now).first { $0.name.lowercased().contains(lower) }
            ?? config.club.events.first { $0.name.lowercased().contains(lower) }
    }

    private func noEvent(_ query: String?) -> String {
        guard let query, !query.isEmpty else { return "No upcoming events." }
        return "No event matches “\(query.prefix(50))”. Try /events for the list."
    }

    private var names: [String: String] {
        Dictionary(config.club.members.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
    }

    private func teams(_ event: RaceEvent) -> String {
        guard !event.teams.isEmpty else { return "No teams are published for **\(event.name)** yet." }
        let names = self.names
        return "Teams for **\(event.name)** (\(Self.stamp(event.start, "f"))):\n" + event.teams.map { team in
            let members = team.members.map { names[$0] ?? $0 }.joined(separator: ", ")
            return "• **\(team.name)**" + (team.car.map { " (\($0))" } ?? "") + ": \(members)"
        }.joined(separator: "\n")
    }

    private func schedule(_ event: RaceEvent) -> String {
        let names = self.names
        let teams = event.teams.filter { !$0.stints.isEmpty }
        guard !teams.isEmpty else { return "No stint plan for **\(event.name)** yet." }
        var lines = ["Stint plan for **\(event.name)**, times in your local time:"]
        for team in teams {
            lines.append("**\(team.name)**")
            for stint in team.stints.sorted(by: { $0.start < $1.start }) {
                lines.append("  \(Self.stamp(stint.start, "t"))–\(Self.stamp(stint.end, "t")) \(names[stint.driver] ?? stint.driver)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A Discord timestamp: shown in each reader's own time zone (`t` time, `f` date and
    /// time, `F` with weekday, `R` relative).
    static func stamp(_ date: Date, _ style: String) -> String { "<t:\(Int(date.timeIntervalSince1970)):\(style)>" }
}
