import Foundation
import Spec

/// Switches for one `diff`.
public struct PlanOptions: Hashable, Sendable, Codable {
    /// Allow a plan that deletes more than `policy.maxDestroyFraction` of managed resources
    /// (`--allow-destroy`).
    public var allowDestroy: Bool
    /// Adopt unowned live resources that match desired ones (type, name, parent). Off, they
    /// are ignored and desired resources are created beside them.
    public var adopt: Bool
    /// Plan member-role grants/revokes and thread-member adds/removes.
    public var manageMembers: Bool
    /// The rate-limit model behind the duration estimate.
    public var rateModel: RequestRateModel
    /// Managed messages whose embed-only edits wait for now (the signup card was edited less
    /// than `signup_update_frequency` ago): a participant count changes only the embed, so it
    /// waits and a later plan makes the edit. A changed content line (the card's status:
    /// opened, closed, started, finished) or button is edited at once; pins are not held.
    public var heldMessageEdits: Set<ResourceKey>
    /// Announcements already handled (sent or skipped), with the revision handled last (the
    /// state store's `sent_alerts`). The same revision is never announced again.
    public var announced: [ResourceKey: String] = [:]
    /// The plan's instant: a change notice detected now may be sent until this +
    /// `announcement_grace` (the executor checks). Nil: change notices have no deadline.
    public var at: Date?
    /// A member with at least this many role grants/revokes in one plan gets them in one
    /// batched change (a fresh read plus one `PATCH`, two requests); nil never batches.
    /// Below 3 batching costs more requests than it saves (docs/architecture.md, "Role grants").
    public var batchRoleChangesFrom: Int?

    /// The default `batchRoleChangesFrom`: where two requests replace three or more.
    public static let batchedRoleChangesFrom = 3

    public init(
        allowDestroy: Bool = false, adopt: Bool = true, manageMembers: Bool = true,
        rateModel: RequestRateModel = .discord, heldMessageEdits: Set<ResourceKey> = [],
        batchRoleChangesFrom: Int? = PlanOptions.batchedRoleChangesFrom
    ) {
        self.batchRoleChangesFrom = batchRoleChangesFrom
        self.allowDestroy = allowDestroy
        self.adopt = adopt
        self.manageMembers = manageMembers
        self.rateModel = rateModel
        self.heldMessageEdits = heldMessageEdits
    }
}
