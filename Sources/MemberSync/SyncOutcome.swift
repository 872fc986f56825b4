import DiscordTypes

/// What member sync concluded about one person, with the reason and what to do.
public struct SyncOutcome: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Linked and already a club member.
        case kept
        /// Linked and not yet a member: a club member record was created.
        case created
        /// A member who had left came back.
        case reactivated
        /// A member who left the guild: marked inactive, never deleted.
        case deactivated
        /// A Discord account linked to two Simlane accounts, or claimed by two members.
        case conflict
        /// In the guild without a linked account.
        case unlinked
        /// A bot account: never a member.
        case bot
    }

    public var kind: Kind
    public var discordUserID: Snowflake
    /// The name Discord shows (nick, global name, or username), or the record's name.
    public var displayName: String
    public var accountID: String?
    /// Why, for people.
    public var reason: String
    /// What an admin or the person can do; nil when nothing is needed.
    public var action: String?
    /// For `unlinked`: an account whose name is close (never linked on a guess).
    public var suggestedAccount: String?

    public init(kind: Kind, discordUserID: Snowflake, displayName: String, accountID: String? = nil,
                reason: String, action: String? = nil, suggestedAccount: String? = nil) {
        self.kind = kind
        self.discordUserID = discordUserID
        self.displayName = displayName
        self.accountID = accountID
        self.reason = reason
        self.action = action
        self.suggestedAccount = suggestedAccount
    }
}

/// The counts of one sync run (the seed's DiscordMemberSync).
public struct SyncCounts: Hashable, Sendable, Codable {
    public var matched = 0
    public var created = 0
    public var deactivated = 0
    public var reactivated = 0
    public var unlinked = 0
    public var conflicts = 0
    public var bots = 0
    public var forgotten = 0
    public var errors = 0

    public init() {}
}
