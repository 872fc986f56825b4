import Spec

/// An announcement the plan does not send, only records as handled: it is past its window
/// (more than `announcement_grace` after its instant), or the first revision of a kind that
/// announces only changes. Shown in plans and apply output with `reason`.
public struct SkippedAnnouncement: Hashable, Sendable, Codable {
    public var key: ResourceKey
    public var kind: Announcement.Kind
    /// The revision recorded as handled, so the same announcement is not considered again.
    public var revision: String
    public var group: String
    public var reason: String

    public init(key: ResourceKey, kind: Announcement.Kind, revision: String, group: String, reason: String) {
        self.key = key
        self.kind = kind
        self.revision = revision
        self.group = group
        self.reason = reason
    }

    /// `E/team/alpha/message/stint-ana-1796580000 (stint-alert): due …, past announcement_grace (5m)`.
    public var line: String { "\(key) (\(kind.rawValue)): \(reason)" }
}
