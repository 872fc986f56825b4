import DiscordTypes
import Spec

/// What the state store says we manage: resource key -> Discord id, plus the hash of what
/// was last applied. Only resources listed here are ever updated or deleted.
public struct Ownership: Hashable, Sendable, Codable {
    public var entries: [ResourceKey: OwnershipEntry]

    public init(entries: [ResourceKey: OwnershipEntry] = [:]) { self.entries = entries }

    public subscript(key: ResourceKey) -> OwnershipEntry? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    /// The key that owns a Discord id, if any.
    public func key(for id: Snowflake) -> ResourceKey? {
        entries.first { $0.value.id == id }?.key
    }
}

/// One managed resource.
public struct OwnershipEntry: Hashable, Sendable, Codable {
    public var id: Snowflake
    public var kind: ResourceKind
    /// A hash of the desired resource as last applied (nil if only adopted).
    public var appliedHash: String?

    public init(id: Snowflake, kind: ResourceKind, appliedHash: String? = nil) {
        self.id = id
        self.kind = kind
        self.appliedHash = appliedHash
    }
}

/// The kinds of resource the reconciler manages. `guild` appears only on plan changes that
/// concern the guild as a whole (the bulk channel-position change), `member` only on a
/// member's batched role change; neither ever in ownership.
public enum ResourceKind: String, Hashable, Sendable, Codable, CaseIterable {
    case role, category, text, voice, thread, message, guild
    /// A race in the guild's Events list (`scheduled_events: true`).
    case scheduledEvent = "scheduled-event"
    /// A member whose managed roles change in one batched request (plan changes only).
    case member
    /// A message sent once (`MessageFamily.announcement`): plan changes and the journal
    /// only, never in ownership (the state store records it as sent instead).
    case announcement
}
