/// A Discord limit the plan reaches: what is counted, where, and the numbers.
public struct LimitProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Counted: String, Hashable, Sendable, Codable {
        case roles, channels
        case channelsPerCategory = "channels per category"
    }

    public var what: Counted
    public var scope: String
    /// What the guild would hold at the plan's peak.
    public var count: Int
    public var limit: Int
    /// What the guild holds now, managed or not.
    public var present: Int

    public var isOver: Bool { count > limit }

    public var description: String {
        let verdict = isOver ? "over Discord's limit of \(limit)" : "near Discord's limit of \(limit)"
        return "\(scope) would hold \(count) \(what == .roles ? "roles" : "channels") "
            + "(\(present) there now, managed or not, + \(count - present) from this plan): \(verdict)"
    }
}
