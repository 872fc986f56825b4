import DiscordTypes
import Foundation
import Planner
import Spec

/// A plan together with everything it was computed from: the compiled layout, the
/// snapshot and ownership, and the instant. `apply` executes it; `saved` writes it to a file.
public struct PlannedRun: Sendable {
    public var compiled: CompiledGuild
    public var instant: Date
    public var snapshot: GuildSnapshot
    public var ownership: Ownership
    public var plan: Plan
    /// Hash of the settings and club data the layout came from.
    public var configHash: String
    /// Resources adopted while settling a crashed earlier run (key -> id).
    public var recovered: [ResourceKey: Snowflake]
    /// When (by the reconciler's clock) the plan was made. `apply` checks announcement
    /// deadlines against a clock that started at `instant` then: the real clock for a plan
    /// of now, a simulated one for `--at`. Nil (a saved plan): the real clock, so a plan file
    /// applied late never sends an announcement after its window closed.
    public var plannedAt: Date?

    public init(
        compiled: CompiledGuild, instant: Date, snapshot: GuildSnapshot, ownership: Ownership,
        plan: Plan, configHash: String, recovered: [ResourceKey: Snowflake] = [:]
    ) {
        self.compiled = compiled
        self.instant = instant
        self.snapshot = snapshot
        self.ownership = ownership
        self.plan = plan
        self.configHash = configHash
        self.recovered = recovered
    }

    /// The plan file `plan --out` writes.
    public var saved: SavedPlan {
        SavedPlan(plan: plan, snapshot: snapshot, ownership: ownership, instant: instant, configHash: configHash)
    }
}
