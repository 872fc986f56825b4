import DiscordTypes

/// Discord's normalisation of text channel names (DISCORD.md §4: lowercase, whitespace to
/// `-`), so that the name Discord stored compares equal to the one we asked for and the
/// planner does not rename in a loop.
enum ChannelName {
    /// The form two names of this channel type are compared in.
    static func comparable(_ name: String, type: ChannelType) -> String {
        guard type == .guildText || type == .guildAnnouncement || type == .guildForum else { return name }
        return normalisedText(name)
    }

    /// `"Spa 6h  Signup"` -> `"spa-6h-signup"`.
    static func normalisedText(_ name: String) -> String {
        var result = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character.isWhitespace {
                pendingDash = !result.isEmpty
            } else {
                if pendingDash { result.append("-") }
                pendingDash = false
                result.append(character)
            }
        }
        return result
    }
}
