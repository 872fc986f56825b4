import DiscordTypes
import Spec

/// One action on one resource, in plan order. `fields` and `reason` explain the change to
/// people; `operation` and `ownership` are what apply executes and records.
public struct Change: Hashable, Sendable, Codable, Identifiable {
    /// Position in `Plan.changes` (0-based).
    public var index: Int
    public var action: Action
    public var kind: ResourceKind
    /// The resource's key (for a role grant: the role's key; for thread members: the
    /// thread's key; for the bulk position change: `guild/channel-positions`).
    public var key: ResourceKey
    /// Human name: the desired name, or the live name for deletes.
    public var name: String
    /// Heading the change is grouped under ("GT3 Cup › Spa 6h"); "" for guild-wide.
    public var group: String
    /// Only the fields that change, old -> new (display only).
    public var fields: [FieldChange]
    /// Indices of earlier changes that must succeed first (the creates whose ids this one
    /// uses, the thread unarchive before members are added, children deleted before
    /// parents, …). Always smaller than `index`.
    public var dependencies: [Int]
    /// The request to send.
    public var operation: DiscordCall
    /// What to record in the state store once the request succeeded.
    public var ownership: OwnershipEffect
    /// Why, for people: "deleted out of band", "retired", "no longer desired", …
    public var reason: String?

    public init(
        index: Int, action: Action, kind: ResourceKind, key: ResourceKey, name: String,
        group: String = "", fields: [FieldChange] = [], dependencies: [Int] = [],
        operation: DiscordCall, ownership: OwnershipEffect = .none, reason: String? = nil
    ) {
        self.index = index
        self.action = action
        self.kind = kind
        self.key = key
        self.name = name
        self.group = group
        self.fields = fields
        self.dependencies = dependencies
        self.operation = operation
        self.ownership = ownership
        self.reason = reason
    }

    public var id: Int { index }

    /// Discord requests this change costs (0 for adopt).
    public var requestCount: Int { operation.requestCount }
}
