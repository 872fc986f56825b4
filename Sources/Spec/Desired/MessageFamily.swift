import Foundation

/// Which of the two message families a desired message belongs to (DESIGN.md, "Messages:
/// cards and announcements"). A card is level-based: it exists while its condition holds,
/// is edited in place and re-posted if deleted, and pings nobody. An announcement is
/// edge-triggered: posted once inside a window after it falls due, never edited, never
/// re-posted, and pings exactly the users its message names in `pings`.
public enum MessageFamily: Hashable, Sendable, Codable {
    case card
    case announcement(Announcement)

    /// The announcement's timing and identity, nil for a card.
    public var announcement: Announcement? {
        if case .announcement(let value) = self { value } else { nil }
    }
}

/// When an announcement falls due and what it says, as compiled at one instant.
public struct Announcement: Hashable, Sendable, Codable {
    /// The kinds of announcement, each with its own edge.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// `stint_alert_lead` before a driver change; pings the next driver.
        case stintAlert = "stint-alert"
        /// When a team is published, and again whenever its members change; pings its members.
        case teamNotice = "team-notice"
        /// Whenever a team's strategy changes after it was first published; pings the team.
        case strategyChanged = "strategy-changed"

        /// Whether a new revision is a new edge of its own, due when it is first seen (a
        /// data change carries no instant). Stint alerts keep their instant.
        public var announcesChanges: Bool { self != .stintAlert }

        /// Whether the first revision is only recorded (nothing changed yet): the strategy
        /// as first published is the strategy card's business, not news.
        public var firstRevisionIsBaseline: Bool { self == .strategyChanged }
    }

    public var kind: Kind
    /// The instant it falls due (for a change notice: when its team was published).
    public var due: Date
    /// A digest of what it announces: the state store keeps the revision last handled, and
    /// a different one is a new announcement.
    public var revision: String
    /// Why it is too late to send (more than `announcement_grace` past `due`), nil while
    /// its window is open.
    public var lapsed: String?
    /// The instant its window closes (`due` + `announcement_grace`): never sent from then
    /// on, however late a plan is applied. Nil: no deadline.
    public var sendBy: Date?
    /// For a change notice: the window of a change detected at the compile instant (that
    /// instant + `announcement_grace`). Nil: no deadline.
    public var changeSendBy: Date?

    public init(kind: Kind, due: Date, revision: String, lapsed: String? = nil,
                sendBy: Date? = nil, changeSendBy: Date? = nil) {
        self.kind = kind
        self.due = due
        self.revision = revision
        self.lapsed = lapsed
        self.sendBy = sendBy
        self.changeSendBy = changeSendBy
    }

    /// The deadline of the send this plan makes: a change notice's counts from when the
    /// change was detected, every other one's from `due`.
    public func deadline(changed: Bool) -> Date? { changed ? changeSendBy : sendBy }
}
