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
    /// Its window (`announcement_grace`), nil: no deadline. Kept as a length, not as an
    /// instant derived from the compile instant, so the layout is constant between transitions.
    public var grace: TimeInterval?

    public init(kind: Kind, due: Date, revision: String, lapsed: String? = nil, grace: TimeInterval? = nil) {
        self.kind = kind
        self.due = due
        self.revision = revision
        self.lapsed = lapsed
        self.grace = grace
    }

    /// The instant the window of the send a plan makes at `at` closes: for a change notice,
    /// `at` (when the change was detected) + grace; for every other, `due` + grace. Nil: no
    /// deadline (no grace, or a change with no plan instant).
    public func deadline(changed: Bool, at: Date?) -> Date? {
        guard let grace else { return nil }
        return changed ? at?.addingTimeInterval(grace) : due.addingTimeInterval(grace)
    }
}
