import DiscordTypes
import Foundation

/// How the bot's own message for a key is recognised in its channel when the state store no
/// longer knows it (a lost or new state file), so it is adopted instead of posted again and
/// nobody is pinged twice. Chosen to survive Discord's normalisation: Discord trims embed
/// text and message content, and our markers have no outer spaces.
public enum MessageMarker: Hashable, Sendable, Codable {
    /// An embed whose footer text is exactly this (`simlane · <key>` on signup cards).
    case embedFooter(text: String)
    /// Content starting with `prefix` and, if set, containing `containing` (a stint alert:
    /// `Stint ` and its start as `<t:unix:R>`, one per stint in its team's thread; a team
    /// notice: `Team lineup for `), so a content-only message needs no visible extra text.
    case contentPrefix(prefix: String, containing: String? = nil)

    /// Whether `message` carries this marker (authorship is checked by the caller).
    public func matches(_ message: Message) -> Bool {
        switch self {
        case .embedFooter(let text):
            message.embeds.contains { $0.footer?.text.trimmingCharacters(in: .whitespacesAndNewlines) == text }
        case .contentPrefix(let prefix, let containing):
            message.content.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(prefix)
                && containing.map(message.content.contains) ?? true
        }
    }
}
