import DiscordTypes
import Foundation

/// A Simlane account that has linked a Discord account (`kind: accounts` documents, exported
/// by the platform). Member sync matches guild members to these by Discord user id only,
/// never by name.
public struct LinkedAccount: Hashable, Sendable, Codable {
    /// The Simlane account id.
    public var id: String
    public var displayName: String
    public var discordUserID: Snowflake
    /// When the account was linked (informational; shown in the roster).
    public var linkedAt: Date?

    public init(id: String, displayName: String, discordUserID: Snowflake, linkedAt: Date? = nil) {
        self.id = id
        self.displayName = displayName
        self.discordUserID = discordUserID
        self.linkedAt = linkedAt
    }
}

/// Member sync settings (`member_sync:`): how often the daemon syncs, the optional club-wide
/// role every active synced member gets, and how long records of people who left are kept.
public struct MemberSyncSettings: Hashable, Sendable, Codable {
    /// Time between syncs in the daemon; nil turns scheduled syncs off.
    public var interval: TimeInterval?
    /// Name of a managed role granted to every active synced member; nil for none.
    public var memberRole: String?
    /// Records of members who left are deleted this long after they left (minimal data).
    public var forgetLeftAfter: TimeInterval
    /// Sends each unlinked member the `!link` text by DM, once (`dm_unlinked`); off by default.
    public var dmUnlinked: Bool

    public init(interval: TimeInterval? = nil, memberRole: String? = nil, forgetLeftAfter: TimeInterval = 180 * 86400,
                dmUnlinked: Bool = false) {
        self.interval = interval
        self.memberRole = memberRole
        self.forgetLeftAfter = forgetLeftAfter
        self.dmUnlinked = dmUnlinked
    }
}
