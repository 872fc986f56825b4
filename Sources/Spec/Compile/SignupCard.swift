import DiscordTypes
import Foundation

/// The texts the layout carries: signup channel topic and the pinned signup card (stint
/// alerts are in `AnnouncementText`). Times appear as Discord timestamp markup (`<t:unix:F>`,
/// rendered in each reader's zone) next to UTC text, so output is deterministic.
enum SignupCard {
    static func utc(_ date: Date) -> String {
        let text = ValueParsers.timestampText(date)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }

    static func clock(_ date: Date) -> String {
        String(ValueParsers.timestampText(date).dropFirst(11).prefix(5))
    }

    static func markup(_ date: Date, _ style: Character) -> String {
        "<t:\(Int(date.timeIntervalSince1970)):\(style)>"
    }

    /// The signup channel's topic (≤ 1024 characters).
    static func topic(_ event: RaceEvent) -> String {
        var parts: [String] = []
        if let signup = event.signup { parts.append("Signup: \(signup.url)") }
        parts.append("Starts \(utc(event.start)) · \(ValueParsers.durationText(event.duration))")
        if let track = event.track { parts.append(track) }
        return String(parts.joined(separator: " · ").prefix(1024))
    }

    /// Where the event stands at `at`, in one line.
    static func status(_ event: RaceEvent, at: Date) -> String {
        if at >= event.end { return "Finished" }
        if at >= event.start { return "Race in progress" }
        if let signup = event.signup, at < signup.closes {
            return "Signup open until \(markup(signup.closes, "F"))"
        }
        return "Signup closed · race starts \(markup(event.start, "R"))"
    }

    static func content(_ event: Timeline.EventPlan, at: Date) -> String {
        "**\(event.event.name)** — \(status(event.event, at: at))"
    }

    /// The card's footer, which also marks it as ours (`MessageMarker.embedFooter`): the
    /// key is stable across renames, so a lost state store adopts the card, never re-posts it.
    static func footer(_ key: ResourceKey) -> String { "simlane · \(key.rawValue)" }

    static func embed(_ plan: Timeline.EventPlan, at: Date, members: [String: Member], footer: String) -> Embed {
        let event = plan.event
        var fields: [Embed.Field] = [
            Embed.Field(name: "Start", value: "\(markup(event.start, "F")) (\(utc(event.start)))", inline: true),
            Embed.Field(name: "Duration", value: ValueParsers.durationText(event.duration), inline: true),
        ]
        if let track = event.track { fields.append(Embed.Field(name: "Track", value: track, inline: true)) }
        if let signup = event.signup {
            fields.append(Embed.Field(name: "Signup", value: "\(utc(signup.opens)) – \(utc(signup.closes))"))
        }
        fields.append(Embed.Field(name: "Participants", value: "\(event.participants.count) signed up", inline: true))
        if !event.teams.isEmpty, at >= plan.teamsFrom {
            for team in event.teams.prefix(18) {
                let drivers = team.members.map { members[$0]?.displayName ?? $0 }.joined(separator: ", ")
                let title = team.car.map { "\(team.name) (\($0))" } ?? team.name
                fields.append(Embed.Field(name: title, value: drivers))
            }
        }
        if at >= event.end, !event.results.isEmpty {
            let names = Dictionary(event.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let lines = event.results.sorted { ($0.position, $0.team) < ($1.position, $1.team) }.map { result in
                var line = "\(result.position). \(names[result.team] ?? result.team)"
                if let laps = result.laps { line += " — \(laps) laps" }
                if let status = result.status { line += " (\(status))" }
                return line
            }
            fields.append(Embed.Field(name: "Results", value: lines.joined(separator: "\n")))
        }
        var embed = Embed(
            title: "\(event.name) — \(plan.series.name)",
            description: status(event, at: at), url: event.signup?.url, color: 0x3498DB,
            timestamp: ValueParsers.timestampText(event.start), fields: fields,
            footer: Embed.Footer(text: footer))
        // Discord rejects embeds over `Embed.Limit.total` characters (counted as sent: trimmed,
        // cut to each field's limit, blanks filled): drop team rows from the end, then say so.
        let hasResults = embed.fields?.last?.name == "Results"
        var dropped = false
        while embed.prepared.characterCount > Embed.Limit.total - 100, let count = embed.fields?.count, count > 6 {
            embed.fields?.remove(at: count - (hasResults ? 2 : 1))
            dropped = true
        }
        if dropped { embed.description = (embed.description ?? "") + " (some teams not shown)" }
        return embed.prepared
    }
}
