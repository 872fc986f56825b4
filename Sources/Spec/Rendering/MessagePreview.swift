import DiscordTypes
import Foundation

/// Every managed message of a layout as a reader would see it in Discord (`render
/// --messages`): mentions shown as `@Name`, timestamps in UTC (relative ones against the
/// render instant), escapes removed, each embed as a quoted block, buttons in brackets,
/// and for each announcement the people it pings (`>>`). A
/// preview, not Discord's renderer: bold and other markdown stay as written.
public enum MessagePreview {
    /// All messages of `compiled`, grouped under the channel or thread they are posted in.
    public static func text(_ compiled: CompiledGuild, config: ClubConfig, at: Date) -> String {
        var names: [Snowflake: String] = [:]
        for member in config.club.members {
            if let id = member.discordUserID { names[id] = member.displayName }
        }
        let desired = compiled.desired
        var places: [ResourceKey: String] = [:]
        for channel in desired.channels { places[channel.key] = "#\(channel.name)" }
        for thread in desired.threads { places[thread.key] = "\(places[thread.parent] ?? "#?") › 🧵 \(thread.name)" }
        var out: [String] = []
        for message in desired.messages {
            out.append("── \(message.key)\(message.pinned ? "  📌 pinned" : "")")
            out.append("   in \(places[message.channel] ?? message.channel.rawValue)")
            if let announcement = message.family.announcement {
                let who = message.pings.map { "@" + (names[$0] ?? String($0.rawValue)) }
                let when = announcement.kind.firstRevisionIsBaseline ? " (sent only for a later change)" : ""
                out.append("   >> \(announcement.kind.rawValue), pings \(who.isEmpty ? "nobody" : who.joined(separator: ", "))\(when)")
            }
            out += lines(message, names: names, at: at).map { "   " + $0 }
            out.append("")
        }
        if out.isEmpty { return "No messages at this instant.\n" }
        return out.joined(separator: "\n")
    }

    /// One message: content, embeds as `┃` blocks, buttons.
    static func lines(_ message: DesiredMessage, names: [Snowflake: String], at: Date) -> [String] {
        func shown(_ text: String) -> [String] {
            display(text, names: names, at: at).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        var out = message.content.isEmpty ? [] : shown(message.content)
        for embed in message.embeds {
            var block: [String] = []
            if let title = embed.title { block.append("▌\(title)") }
            if let description = embed.description { block += shown(description) }
            for field in embed.fields ?? [] {
                let value = shown(field.value)
                block.append("\(field.name): \(value.first ?? "")")
                block += value.dropFirst().map { "  " + $0 }
            }
            if let footer = embed.footer { block.append("— \(footer.text)") }
            out += block.map { "┃ " + $0 }
        }
        for button in message.components.flatMap(\.components) {
            out.append("[ \(button.label ?? "") ↗ \(button.url ?? "") ]")
        }
        return out
    }

    /// `text` as Discord shows it: user mentions as `@Name`, `<t:…>` in UTC or relative to
    /// `at`, backslash escapes and the zero-width spaces after `@` removed.
    static func display(_ text: String, names: [Snowflake: String], at: Date) -> String {
        var result = text.replacing(/<@(\d+)>/) { match in
            "@" + (Snowflake(string: String(match.1)).flatMap { names[$0] } ?? String(match.1))
        }
        result = result.replacing(/<t:(-?\d+):([tTdDfFR])>/) { match in
            let date = Date(timeIntervalSince1970: TimeInterval(Int(match.1) ?? 0))
            return match.2 == "R" ? relative(date, from: at) : utc(date, style: Character(String(match.2)))
        }
        result = result.replacing(/\\([^A-Za-z0-9\s])/) { String($0.1) }
        return result.replacingOccurrences(of: "@\u{200B}", with: "@")
    }

    static func utc(_ date: Date, style: Character) -> String {
        let text = ValueParsers.timestampText(date)
        let day = String(text.prefix(10)), time = String(text.dropFirst(11).prefix(5))
        switch style {
        case "t", "T": return "\(time) UTC"
        case "d", "D": return day
        default: return "\(day) \(time) UTC"
        }
    }

    /// `in 3 days`, `2 hours ago`: Discord's relative style, in the largest whole unit.
    static func relative(_ date: Date, from at: Date) -> String {
        let seconds = Int(date.timeIntervalSince(at))
        let magnitude = abs(seconds)
        let (value, unit): (Int, String) = magnitude >= 86_400 ? (magnitude / 86_400, "day")
            : magnitude >= 3600 ? (magnitude / 3600, "hour") : magnitude >= 60 ? (magnitude / 60, "minute") : (magnitude, "second")
        let amount = "\(value) \(unit)\(value == 1 ? "" : "s")"
        return seconds >= 0 ? "in \(amount)" : "\(amount) ago"
    }
}
