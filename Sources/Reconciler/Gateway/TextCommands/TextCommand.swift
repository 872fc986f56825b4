import Foundation

/// The text commands the bot answers in guild channels when `run --gateway --text-commands`
/// is on. Parsing is pure: `!name` at the start of a message, case-insensitive.
public enum TextCommand: String, Sendable, Hashable, CaseIterable {
    case ping, info, club, help, link

    /// The command `content` starts with (`!ping`, `!Club extra words`), or nil.
    public static func parse(_ content: String) -> TextCommand? {
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("!") else { return nil }
        let word = trimmed.dropFirst().prefix { !$0.isWhitespace }.lowercased()
        return TextCommand(rawValue: word)
    }

    /// One line of `!help`.
    public var summary: String {
        switch self {
        case .ping: "`!ping`: REST and gateway latency"
        case .info: "`!info`: bot and server statistics"
        case .club: "`!club`: this club's series and events"
        case .help: "`!help`: this list"
        case .link: "`!link`: how to link your Simlane account"
        }
    }

    /// What `!link` answers.
    public static let linkInstructions = """
        To link your Simlane account: sign in to Simlane, open your profile's Connections and \
        choose Discord. Once linked, member sync gives you your team roles and threads.
        """
}
