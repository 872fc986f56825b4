import DiscordTypes
import Foundation

/// The final signup summary, posted in the event's signup channel when its signup closes:
/// every participant by name (a mention that pings nobody, beside the escaped name), then
/// the reserve list. Split over several messages (`entry-list-1`, `entry-list-2`, …) when
/// the list outgrows one message's embed limits, so a 150-driver grid still fits.
enum EntryListCard {
    static let color = 0x2ECC71

    /// The summary's messages (none before the signup closes, or without a signup sheet).
    static func messages(_ plan: Timeline.EventPlan, at: Date, members: [String: Member],
                         channel: ResourceKey, eventKey: ResourceKey, group: String) -> [DesiredMessage] {
        let event = plan.event
        guard let signup = event.signup, at >= signup.closes else { return [] }
        var lines = event.participants.enumerated().map { "\($0.offset + 1). \(CardText.member($0.element, members))" }
        if lines.isEmpty { lines = ["Nobody signed up."] }
        if !signup.reserves.isEmpty {
            lines.append("")
            lines.append("**Reserves**")
            lines += signup.reserves.enumerated().map { "R\($0.offset + 1). \(CardText.member($0.element, members))" }
        }
        let pages = CardPages.messages(CardPages.descriptions(lines))
        return pages.enumerated().map { index, descriptions in
            let key = eventKey.appending("message", "entry-list-\(index + 1)")
            let part = pages.count > 1 ? " (\(index + 1)/\(pages.count))" : ""
            let content = index == 0
                ? "**\(DiscordMarkdown.escape(event.name))** — signup closed: \(SignupCard.count(event))"
                : "**\(DiscordMarkdown.escape(event.name))** — entry list, part \(index + 1)"
            let footer = CardText.footer(key)
            return DesiredMessage(
                key: key, channel: channel, content: content,
                embeds: CardPages.embeds(descriptions, title: "Entry list — \(event.name)\(part)", color: color, footer: footer),
                marker: .embedFooter(text: footer), group: group)
        }
    }
}
