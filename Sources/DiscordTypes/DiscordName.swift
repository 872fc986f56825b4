import Foundation

/// How Discord stores and measures a name: the one rule the product uses for channel names
/// (Spec builds desired names with it, the Planner compares desired and live names with it).
///
/// **Length.** Channel, thread and role names are 1–100 characters (DISCORD.md §4), and
/// Discord counts Unicode code points, not visible characters: a flag emoji is 2, a family
/// emoji joined by ZWJs is 7. `length(_:)` counts `unicodeScalars`.
///
/// **Text-like channels** (text, announcement, forum, media). Discord's documentation is
/// silent (DISCORD.md §4, UNVERIFIED); the rule chosen is the one Discord's own client
/// applies while typing a channel name and that the community reports for the API
/// (discord-api-docs issues #1645, #1646): surrounding whitespace trimmed, lowercased, each
/// run of whitespace and `-` one `-`, ASCII punctuation and symbols other than `-` and `_`
/// dropped, no leading or trailing `-`. Letters, digits, emoji and other non-ASCII
/// characters are kept. `"Spa 6h !"` -> `spa-6h`, `"a.b"` -> `ab`.
///
/// **Voice channels, stage channels, categories and threads** keep their name, trimmed.
///
/// The emulator models Discord with its own, independent implementation; a property test
/// checks that the two agree.
public enum DiscordName {
    /// Discord's maximum length of a channel, thread or role name, in code points.
    public static let maxLength = 100

    /// The length Discord measures: Unicode code points.
    public static func length(_ name: String) -> Int { name.unicodeScalars.count }

    /// Whether a channel of `type` has its name rewritten as a text channel name.
    public static func isTextLike(_ type: ChannelType) -> Bool {
        type == .guildText || type == .guildAnnouncement || type == .guildForum || type == .guildMedia
    }

    /// The name Discord stores for `name` on a channel of `type`.
    public static func channel(_ name: String, type: ChannelType) -> String {
        isTextLike(type) ? text(name) : trimmed(name)
    }

    /// A text channel name as Discord stores it (see the type's documentation).
    public static func text(_ name: String) -> String {
        if isStoredText(name) { return name }
        var result = ""
        var dashPending = false
        for character in trimmed(name).lowercased() {
            if character.isWhitespace || character == "-" {
                dashPending = true
            } else if character.isASCII, character.isPunctuation || character.isSymbol, character != "_" {
                continue
            } else {
                if dashPending, !result.isEmpty { result.append("-") }
                dashPending = false
                result.append(character)
            }
        }
        return result
    }

    /// A voice channel, category or thread name as Discord stores it: trimmed.
    public static func trimmed(_ name: String) -> String {
        guard let first = name.first, let last = name.last, first.isWhitespace || last.isWhitespace else { return name }
        return name.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Fast path: already `[a-z0-9_]` words joined by single dashes (most names are).
    private static func isStoredText(_ name: String) -> Bool {
        var previousDash = true
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                previousDash = false
            case UInt8(ascii: "-"):
                if previousDash { return false }
                previousDash = true
            default:
                return false
            }
        }
        return !name.isEmpty && !previousDash
    }
}
