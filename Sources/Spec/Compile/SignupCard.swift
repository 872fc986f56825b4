import DiscordTypes
import Foundation

/// The texts the layout carries: signup channel topic and the pinned signup card (stint
/// alerts are in `AnnouncementText`). Times on the card are Discord timestamp markup
/// (`<t:unix:F>`, rendered in each reader's zone, with a relative countdown); club text is
/// escaped (`DiscordMarkdown`).
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

    /// Where the event stands at `at`, in one line. Each status change (opened, closed,
    /// started, finished) changes this line, which is the card's content: the planner edits
    /// a changed content line at once, while count-only changes wait for
    /// `signup_update_frequency` (`PlanOptions.heldMessageEdits`).
    static func status(_ event: RaceEvent, at: Date) -> String {
        if at >= event.end { return "Finished" }
        if at >= event.start { return "Race in progress" }
        if let signup = event.signup, at < signup.closes {
            return "Signup open until \(DiscordMarkdown.timestamp(signup.closes, .longDateTime))"
        }
        return "Signup closed · race starts \(DiscordMarkdown.timestamp(event.start, .relative))"
    }

    static func content(_ event: Timeline.EventPlan, at: Date) -> String {
        "**\(DiscordMarkdown.escape(event.event.name))** — \(status(event.event, at: at))"
    }

    /// The card's footer and marker (`CardText.footer`).
    static func footer(_ key: ResourceKey) -> String { CardText.footer(key) }

    /// `18 / 24 signed up · 2 reserves`, or `18 signed up` without a capacity.
    static func count(_ event: RaceEvent) -> String {
        let signedUp = event.participants.count
        var text = event.signup?.capacity.map { capacity in
            signedUp >= capacity ? "\(signedUp) / \(capacity) signed up · full" : "\(signedUp) / \(capacity) signed up"
        } ?? "\(signedUp) signed up"
        if let reserves = event.signup?.reserves.count, reserves > 0 {
            text += " · \(reserves) reserve\(reserves == 1 ? "" : "s")"
        }
        return text
    }

    /// The link button to the signup sheet: "Sign up" while the signup is open, "Signup
    /// sheet" after (entries stay readable there). None without a sheet.
    static func buttons(_ event: RaceEvent, at: Date) -> [ActionRow] {
        guard let signup = event.signup else { return [] }
        let label = at >= signup.opens && at < signup.closes ? "Sign up" : "Signup sheet"
        return [ActionRow([.link(label: label, url: signup.url)])]
    }

    static func embed(_ plan: Timeline.EventPlan, at: Date, members: [String: Member], footer: String) -> Embed {
        let event = plan.event
        var fields: [Embed.Field] = [
            Embed.Field(name: "Start", value: "\(DiscordMarkdown.timestamp(event.start, .longDateTime)) · \(DiscordMarkdown.timestamp(event.start, .relative))", inline: true),
            Embed.Field(name: "Duration", value: ValueParsers.durationText(event.duration), inline: true),
        ]
        if let track = event.track { fields.append(Embed.Field(name: "Track", value: DiscordMarkdown.escape(track), inline: true)) }
        if let signup = event.signup {
            fields.append(Embed.Field(name: "Signup", value: "\(DiscordMarkdown.timestamp(signup.opens, .shortDateTime)) – \(DiscordMarkdown.timestamp(signup.closes, .shortDateTime))"))
        }
        fields.append(Embed.Field(name: "Participants", value: count(event), inline: true))
        if !event.teams.isEmpty, at >= plan.teamsFrom {
            for team in event.teams.prefix(18) {
                let drivers = team.members.map { DiscordMarkdown.escape(members[$0]?.displayName ?? $0) }.joined(separator: ", ")
                let title = team.car.map { "\(team.name) (\($0))" } ?? team.name
                fields.append(Embed.Field(name: title, value: drivers))
            }
        }
        // Results have a post of their own (`ResultsCard`) once the race is over.
        var embed = Embed(
            title: "\(event.name) — \(plan.series.name)",
            description: status(event, at: at), url: event.signup?.url, color: 0x3498DB,
            timestamp: ValueParsers.timestampText(event.start), fields: fields,
            footer: Embed.Footer(text: footer))
        // Discord rejects embeds over `Embed.Limit.total` characters (counted as sent: trimmed,
        // cut to each field's limit, blanks filled): drop team rows from the end, then say so.
        var dropped = false
        while embed.prepared.characterCount > Embed.Limit.total - 100, let count = embed.fields?.count, count > 6 {
            embed.fields?.remove(at: count - 1)
            dropped = true
        }
        if dropped { embed.description = (embed.description ?? "") + " (some teams not shown)" }
        return embed.prepared
    }
}
