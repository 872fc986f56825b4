import DiscordTypes
import Foundation

/// The texts of announcements (stint alerts, team notices, strategy-changed notices): the
/// one place their wording lives, apart from the cards in `SignupCard`. Every piece of club
/// text goes through `DiscordMarkdown.escape`; mentions are written with
/// `DiscordMarkdown.userMention` and only ever ping the ids the message lists in `pings`.
enum AnnouncementText {
    /// The start of every stint alert; with `stintAlertMark` it marks the alert as ours
    /// (`MessageMarker.contentPrefix`) without visible extra text.
    static let stintAlertPrefix = "Stint "

    /// What identifies one stint's alert in its team's thread: the start instant, written
    /// as a Discord timestamp (its "Stint N" number moves when stints are inserted).
    static func stintAlertMark(_ stint: Stint) -> String { DiscordMarkdown.timestamp(stint.start, .relative) }

    /// `<@id> (Name)` for a linked member (the mention pings only if listed), the escaped
    /// name otherwise.
    static func who(_ memberID: String, members: [String: Member]) -> String {
        let member = members[memberID]
        let name = DiscordMarkdown.escape(member?.displayName ?? memberID)
        guard let user = member?.discordUserID else { return name }
        return "\(DiscordMarkdown.userMention(user)) (\(name))"
    }

    static func stintAlert(_ stint: Stint, number: Int, team: Team, members: [String: Member]) -> String {
        "\(stintAlertPrefix)\(number) for \(DiscordMarkdown.escape(team.name)): \(who(stint.driver, members: members)) drives \(SignupCard.clock(stint.start))–\(SignupCard.clock(stint.end)) UTC, starting \(stintAlertMark(stint))."
    }

    /// The starts that mark the bot's team notice and strategy notice (one of each per thread
    /// matters: only a state store that lost its record looks for them).
    static let teamNoticePrefix = "Team lineup for "
    static let strategyChangedPrefix = "Strategy updated for "

    /// An announcement's text and the users it pings: exactly those whose mention it writes.
    struct Written: Equatable {
        var content: String
        var pings: [Snowflake]
    }

    static func teamNotice(_ team: Team, event: String, members: [String: Member]) -> Written {
        let car = team.car.map { " · \(DiscordMarkdown.escape($0))" } ?? ""
        let head = "\(teamNoticePrefix)\(DiscordMarkdown.escape(event)) — **\(DiscordMarkdown.escape(team.name))**\(car): "
        guard !team.members.isEmpty else { return Written(content: head + "no drivers yet.", pings: []) }
        let (content, written) = fitted(team.members.map { who($0, members: members) }, separator: ", ") { head + $0 + "." }
        return Written(content: content, pings: linked(team.members.prefix(written), members: members))
    }

    static func strategyChanged(_ team: Team, members: [String: Member]) -> Written {
        var parts: [String] = []
        if let strategy = team.strategy {
            if let stops = strategy.pitStops { parts.append("\(stops) pit stop\(stops == 1 ? "" : "s")") }
            if let fuel = strategy.fuelPerStint { parts.append("fuel \(DiscordMarkdown.escape(fuel)) per stint") }
            if let tyres = strategy.tyres { parts.append("tyres \(DiscordMarkdown.escape(tyres))") }
        }
        let summary = parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
        let head = "\(strategyChangedPrefix)**\(DiscordMarkdown.escape(team.name))**\(summary)."
        let pinged = team.members.filter { members[$0]?.discordUserID != nil }
        let mentions = linked(pinged[...], members: members).map(DiscordMarkdown.userMention)
        guard !mentions.isEmpty else { return Written(content: head, pings: []) }
        let (content, written) = fitted(mentions, separator: " ") { head + " " + $0 }
        return Written(content: content, pings: linked(pinged.prefix(written), members: members))
    }

    /// The Discord ids of the linked members among `ids`, in order.
    static func linked(_ ids: ArraySlice<String>, members: [String: Member]) -> [Snowflake] {
        ids.compactMap { members[$0]?.discordUserID }
    }

    /// `frame(list)` with as many whole `items` as fit Discord's content limit, the rest
    /// summed up as `…and N more` (never an item cut in half, so never half a mention); and
    /// how many items it wrote.
    static func fitted(_ items: [String], separator: String, limit: Int = Message.Limit.content,
                       frame: (String) -> String) -> (String, Int) {
        var count = items.count
        while true {
            let rest = items.count - count
            let more = rest == 0 ? "" : (count == 0 ? "" : separator) + "…and \(rest) more"
            let text = frame(items.prefix(count).joined(separator: separator) + more)
            if count == 0 || Message.Limit.length(text) <= limit { return (text, count) }
            count -= 1
        }
    }

    /// Why an announcement is not sent: more than the grace window past its instant.
    /// Depends only on the data, so the layout does not change while time passes.
    static func lapsed(due: Date, grace: TimeInterval) -> String {
        "due \(SignupCard.utc(due)), more than announcement_grace (\(ValueParsers.durationText(grace))) ago"
    }
}
