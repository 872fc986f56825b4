import Foundation
import DiscordTypes

/// How the emulator rewrites channel names, standing in for Discord's undocumented rules
/// (DISCORD.md §4, UNVERIFIED): for text-like channels (text, announcement, forum, media)
/// the name is lowercased, each run of whitespace becomes `-`, ASCII punctuation other than
/// `-` and `_` is removed, runs of `-` collapse to one and leading/trailing `-` are trimmed
/// (`"Spa 6H: Signups!"` → `"spa-6h-signups"`). Letters and emoji outside ASCII are kept.
/// Voice channels, categories and threads keep their name with surrounding whitespace
/// trimmed.
public enum ChannelName {
    /// Whether channels of `type` get text-channel normalisation.
    public static func isTextLike(_ type: ChannelType) -> Bool {
        [ChannelType.guildText, .guildAnnouncement, .guildForum, .guildMedia].contains(type)
    }

    /// The name Discord stores for `name` on a channel of `type`.
    public static func normalize(_ name: String, type: ChannelType) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard isTextLike(type) else { return trimmed }
        var result = ""
        var lastWasDash = false
        for character in trimmed.lowercased() {
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
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }
}
