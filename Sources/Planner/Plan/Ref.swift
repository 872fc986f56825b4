import DiscordTypes
import Spec

/// An id a change needs: one that exists now, or one an earlier create in the same plan
/// produces. The executor resolves `.created(key)` from the ids its creates returned.
public enum Ref: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A Discord id that exists in the guild when the plan is made.
    case existing(Snowflake)
    /// The id that the create of this key (earlier in the plan) returns.
    case created(ResourceKey)

    public var description: String {
        switch self {
        case .existing(let id): id.description
        case .created(let key): "(known after create of \(key))"
        }
    }

    /// The id, if it is already known.
    public var existingID: Snowflake? {
        if case .existing(let id) = self { return id }
        return nil
    }

    /// The key whose create yields this id, if it is not known yet.
    public var createdKey: ResourceKey? {
        if case .created(let key) = self { return key }
        return nil
    }
}
