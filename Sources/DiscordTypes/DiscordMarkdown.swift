import Foundation

/// Discord's message markup, stated once: how user-supplied text (member names, team
/// names, strategy notes) is made inert, and how the bot writes mentions and timestamps.
///
/// Text from club data goes through `escape` before it is placed in any message, so a
/// member named `@everyone` or a team named `<@&123>` shows literally and cannot ping or
/// break the surrounding formatting. `allowed_mentions` is the second guard (it decides who
/// is notified); escaping decides what readers see. Embed titles, field names, footers and
/// author names are not parsed as markdown: put raw text there, never escaped text.
public enum DiscordMarkdown {
    /// Characters Discord's markdown gives meaning to anywhere in a line; a backslash before
    /// each shows it literally (`\*` renders `*`). `<` and `>` cover mention, channel, emoji
    /// and timestamp markup (`<@id>`, `<@&id>`, `<#id>`, `<t:…>`); `[`/`]` masked links.
    static let inlineMarkup: Set<Character> = ["\\", "*", "_", "~", "`", "|", "<", ">", "[", "]"]

    /// Characters that only mean something at the start of a line: headings, lists,
    /// subtext and block quotes (`>` is already inline markup).
    static let lineStartMarkup: Set<Character> = ["#", "-", "+"]

    /// `text` shown literally on one line: markdown escaped, mass mentions (`@everyone`,
    /// `@here`) broken by a zero-width space after every `@`, line breaks made spaces.
    public static func escape(_ text: String) -> String {
        escapeLines(text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// Like `escape`, but keeps line breaks (for multi-line notes).
    public static func escapeLines(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count + 8)
        var atLineStart = true
        for character in text {
            if inlineMarkup.contains(character) || (atLineStart && lineStartMarkup.contains(character)) {
                out.append("\\")
            }
            out.append(character)
            if character == "@" { out.append("\u{200B}") }
            atLineStart = character.isNewline || (atLineStart && character == " ")
        }
        return out
    }

    /// The markup that mentions a user (pings them only if `allowed_mentions` lists them).
    public static func userMention(_ id: Snowflake) -> String { "<@\(id.rawValue)>" }

    /// Discord timestamp styles (`<t:unix:style>`).
    public enum TimestampStyle: Character, Sendable {
        case shortTime = "t", longTime = "T", shortDate = "d", longDate = "D"
        case shortDateTime = "f", longDateTime = "F", relative = "R"
    }

    /// Discord timestamp markup, rendered in each reader's own time zone.
    public static func timestamp(_ date: Date, _ style: TimestampStyle) -> String {
        "<t:\(Int(date.timeIntervalSince1970.rounded(.down))):\(style.rawValue)>"
    }
}
