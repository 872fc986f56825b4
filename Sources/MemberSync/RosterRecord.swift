import DiscordTypes
import Foundation

/// One club member as member sync knows them (the seed's ClubMember): the Simlane account,
/// its Discord account, whether they are in the guild, since when, and how they became a
/// member. Kept in the state store; never deleted while active.
public struct RosterRecord: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// In the guild with a linked account.
        case active
        /// Left the guild; kept (inactive) until `member_sync.forget_left_after` has passed.
        case left
    }

    public var accountID: String
    public var discordUserID: Snowflake
    public var displayName: String
    public var status: Status
    /// When the record was created or last changed status.
    public var since: Date
    /// How the member was added.
    public var via: SyncTrigger
    public var leftAt: Date?

    public init(accountID: String, discordUserID: Snowflake, displayName: String, status: Status,
                since: Date, via: SyncTrigger, leftAt: Date? = nil) {
        self.accountID = accountID
        self.discordUserID = discordUserID
        self.displayName = displayName
        self.status = status
        self.since = since
        self.via = via
        self.leftAt = leftAt
    }
}

/// What started a sync, recorded on each run and on each member it creates.
public enum SyncTrigger: String, Hashable, Sendable, Codable, CaseIterable {
    /// `sync-members` run by an admin.
    case manual
    /// The daemon's `member_sync.interval`.
    case scheduled
    /// A member joined (gateway event).
    case onJoin = "on_join"
    /// Before a daemon pass that grants team roles.
    case automatic
    /// Listed in the platform's club data already (`members:` with a Discord id).
    case platform
}
