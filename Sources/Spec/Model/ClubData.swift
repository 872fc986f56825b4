import DiscordTypes
import Foundation

/// The club's data as the Simlane platform exports it (`kind: club` documents, possibly
/// several merged): members, racing series and their events.
public struct ClubData: Hashable, Sendable, Codable {
    public var members: [Member]
    public var series: [Series]
    public var events: [RaceEvent]
    /// Simlane accounts that linked Discord (`kind: accounts`), for member sync.
    public var accounts: [LinkedAccount]

    public init(members: [Member] = [], series: [Series] = [], events: [RaceEvent] = [],
                accounts: [LinkedAccount] = []) {
        self.members = members
        self.series = series
        self.events = events
        self.accounts = accounts
    }

    /// The member with this id, if any.
    public func member(_ id: String) -> Member? { members.first { $0.id == id } }
}

/// A club member and, when their account is linked, their Discord user id.
public struct Member: Hashable, Sendable, Codable {
    public var id: String
    public var displayName: String
    public var discordUserID: Snowflake?
    public var role: ClubRole

    public init(id: String, displayName: String, discordUserID: Snowflake? = nil, role: ClubRole = .member) {
        self.id = id
        self.displayName = displayName
        self.discordUserID = discordUserID
        self.role = role
    }
}

/// A member's role in the club (informational; Discord admin rights come from `admin_roles`).
public enum ClubRole: String, Hashable, Sendable, Codable, CaseIterable {
    case owner, admin, manager, driver, engineer, member
}

/// A racing series (championship): its events share a category while it runs.
public struct Series: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var description: String?
    /// An admin's decision to archive the series before (or regardless of) its natural
    /// archival after the last event (`archive:` in club data; `simlane-reconcile archive`).
    public var archive: ManualArchive?

    public init(id: String, name: String, description: String? = nil, archive: ManualArchive? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.archive = archive
    }
}

/// When an admin archives a series by hand. Written in the club data (so it is
/// version-controlled and the daemon keeps honouring it), never held only in the state.
public enum ManualArchive: Hashable, Sendable, Codable {
    /// `archive: now`: archived at every instant; retention still runs from the series'
    /// natural archival, so nothing is deleted sooner than the settings say.
    case now
    /// `archive: 2026-11-20T18:00:00Z`: archived from this instant (or the natural archival,
    /// whichever comes first); retention runs from the archival.
    case at(Date)
}
