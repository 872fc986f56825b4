import DiscordTypes
import Spec

/// A guild permission the bot lacks that changes of the plan need: the same judgement
/// `doctor` makes, applied to the plan at hand, so a plan that could only fail with 50013 is
/// refused before any request.
public struct PermissionProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Discord's name for the missing bit (`MANAGE_ROLES`).
    public var permission: String
    /// How many changes of the plan need it.
    public var changes: Int
    /// The first such change, for people (`+ role "Spa 6h · Red"`).
    public var example: String

    public init(permission: String, changes: Int, example: String) {
        self.permission = permission
        self.changes = changes
        self.example = example
    }

    public var description: String {
        "\(permission), needed by \(changes) change\(changes == 1 ? "" : "s") (first: \(example))"
    }
}
