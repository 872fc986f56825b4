import DiscordTypes
import Foundation

/// How the cards write club data: every piece of club text escaped (`DiscordMarkdown`),
/// members as a mention (which never pings: cards allow no mentions) beside their name.
enum CardText {
    /// `<@id> (Name)` for a linked member, the escaped name otherwise; the id when unknown.
    static func member(_ id: String, _ members: [String: Member]) -> String {
        guard let member = members[id] else { return DiscordMarkdown.escape(id) }
        let name = DiscordMarkdown.escape(member.displayName)
        return member.discordUserID.map { "\(DiscordMarkdown.userMention($0)) (\(name))" } ?? name
    }

    /// The footer of a card, which also marks it as ours (`MessageMarker.embedFooter`): the
    /// key is stable across renames, so a lost state store adopts the card, never re-posts it.
    static func footer(_ key: ResourceKey) -> String { "simlane · \(key.rawValue)" }

    /// A local time range in each reader's zone: `<t:…:t>–<t:…:t>`.
    static func range(_ start: Date, _ end: Date) -> String {
        "\(DiscordMarkdown.timestamp(start, .shortTime))–\(DiscordMarkdown.timestamp(end, .shortTime))"
    }
}
