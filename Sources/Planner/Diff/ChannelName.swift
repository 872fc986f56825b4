import DiscordTypes
import Foundation

/// Discord's normalisation of text channel names (DISCORD.md §4, unverified folk rule, the
/// same one the emulator applies): lowercase, runs of whitespace and `-` become one `-`,
/// ASCII punctuation and symbols other than `_` disappear. Both sides are compared in this
/// form, so the name Discord stored equals the one we asked for and the planner does not
/// rename in a loop.
enum ChannelName {
    /// The form two names of this channel type are compared in.
    static func comparable(_ name: String, type: ChannelType) -> String {
        guard type == .guildText || type == .guildAnnouncement || type == .guildForum || type == .guildMedia else {
            return name.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return normalisedText(name)
    }

    /// `"Spa 6h  Signup!"` -> `"spa-6h-signup"`.
    static func normalisedText(_ name: String) -> String {
        if isNormalised(name) { return name }
        var result = ""
        var lastWasDash = false
        for character in name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            if character.isWhitespace || character == "-" {
                if !lastWasDash, !result.isEmpty { result.append("-") }
                lastWasDash = true
            } else if character.isASCII, character.isPunctuation || character.isSymbol, character != "_" {
                continue
            } else {
                result.append(character)
                lastWasDash = false
            }
        }
        return result
    }

    /// Fast path: already `[a-z0-9_]` words joined by single dashes (most names are).
    private static func isNormalised(_ name: String) -> Bool {
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
        return !name.isEmpty
    }
}
