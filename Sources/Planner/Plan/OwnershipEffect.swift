import DiscordTypes
import Foundation
import Spec

/// What the executor records in the state store after a change succeeded.
public enum OwnershipEffect: Hashable, Sendable, Codable {
    /// Nothing (grants, thread members, positions, pins).
    case none
    /// Record `key -> id` with the hash of the desired resource now applied (nil for an
    /// adopt that a later update completes). `id` is nil only for `createRole`,
    /// `createChannel`, `createThread` and `postMessage`: take it from Discord's response.
    /// Follow-ups of a create (locking a new thread, pinning a new message) record nothing.
    case record(key: ResourceKey, kind: ResourceKind, id: Snowflake?, appliedHash: String?)
    /// Remove `key` from the state store (deletes).
    case forget(ResourceKey)
    /// Record announcement `key` as sent at `revision`, with the message id Discord returns
    /// (`sent_alerts`): never owned, so never edited, re-posted or deleted. `sendBy`: the
    /// instant its window closes (`Announcement.sendBy`); the executor checks it against its
    /// clock just before the request and records the announcement as skipped once it is
    /// past, so a saved plan applied late or a prompt left open never sends it late.
    case announce(key: ResourceKey, revision: String, sendBy: Date? = nil)

    /// The entry to store, given the id the request produced (creates) or nil.
    public func entry(createdID: Snowflake?) -> (ResourceKey, OwnershipEntry)? {
        guard case .record(let key, let kind, let id, let hash) = self,
              let resolved = id ?? createdID else { return nil }
        return (key, OwnershipEntry(id: resolved, kind: kind, appliedHash: hash))
    }
}
