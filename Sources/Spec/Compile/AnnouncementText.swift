import DiscordTypes
import Foundation

/// The texts of announcements (stint alerts, team notices, strategy-changed notices): the
/// one place their wording lives, apart from the cards in `SignupCard`. Every piece of club
/// text goes through `DiscordMarkdown.escape`; mentions are written with
/// `DiscordMarkdown.userMention` and only ever ping the ids the message lists in `pings`.
enum AnnouncementText {
    /// The start of stint alert `number`: one per number in a team's thread, so it marks
    /// the alert as ours (`MessageMarker.contentPrefix`) without visible extra text.
    static func stintAlertPrefix(number: Int) -> String { "Stint \(number) for " }

    /// `<@id> (Name)` for a linked member (the mention pings only if listed), the escaped
    /// name otherwise.
    static func who(_ memberID: String, members: [String: Member]) -> String {
        let member = members[memberID]
        let name = DiscordMarkdown.escape(member?.displayName ?? memberID)
        guard let user = member?.discordUserID else { return name }
        return "\(DiscordMarkdown.userMention(user)) (\(name))"
    }

    static func stintAlert(_ stint: Stint, number: Int, team: Team, members: [String: Member]) -> String {
        "\(stintAlertPrefix(number: number))\(DiscordMarkdown.escape(team.name)): \(who(stint.driver, members: members)) drives \(SignupCard.clock(stint.start))–\(SignupCard.clock(stint.end)) UTC, starting \(DiscordMarkdown.timestamp(stint.start, .relative))."
    }

    /// The starts that mark the bot's team notice and strategy notice (one of each per thread
    /// matters: only a state store that lost its record looks for them).
    static let teamNoticePrefix = "Team lineup for "
    static let strategyChangedPrefix = "Strategy updated for "

    static func teamNotice(_ team: Team, event: String, members: [String: Member]) -> String {
        let lineup = team.members.map { who($0, members: members) }.joined(separator: ", ")
        let car = team.car.map { " · \(DiscordMarkdown.escape($0))" } ?? ""
        return "\(teamNoticePrefix)\(DiscordMarkdown.escape(event)) — **\(DiscordMarkdown.escape(team.name))**\(car): \(lineup.isEmpty ? "no drivers yet" : lineup)."
    }

    static func strategyChanged(_ team: Team, members: [String: Member]) -> String {
        let mentions = team.members.compactMap { members[$0]?.discordUserID }.map(DiscordMarkdown.userMention)
        var parts: [String] = []
        if let strategy = team.strategy {
            if let stops = strategy.pitStops { parts.append("\(stops) pit stop\(stops == 1 ? "" : "s")") }
            if let fuel = strategy.fuelPerStint { parts.append("fuel \(DiscordMarkdown.escape(fuel)) per stint") }
            if let tyres = strategy.tyres { parts.append("tyres \(DiscordMarkdown.escape(tyres))") }
        }
        let summary = parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
        let who = mentions.isEmpty ? "" : " " + mentions.joined(separator: " ")
        return String("\(strategyChangedPrefix)**\(DiscordMarkdown.escape(team.name))**\(summary).\(who)".prefix(2000))
    }

    /// Why an announcement is not sent: more than the grace window past its instant.
    /// Depends only on the data, so the layout does not change while time passes.
    static func lapsed(due: Date, grace: TimeInterval) -> String {
        "due \(SignupCard.utc(due)), more than announcement_grace (\(ValueParsers.durationText(grace))) ago"
    }
}
