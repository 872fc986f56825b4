import Spec

/// Something the plan deliberately does not do, said out loud: a protected resource left
/// alone, a member who is not in the guild, an impossible change skipped.
public struct PlanWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    public var key: ResourceKey?
    public var message: String

    public init(key: ResourceKey? = nil, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { key.map { "\($0): \(message)" } ?? message }
}
