import DiscordTypes
import Spec

/// Applies a plan to a snapshot in memory, the way Discord would, with deterministic fake
/// ids: for the convergence property test and the reconciler's tests.
public enum PlanSimulator {
    /// The guild and ownership after every change of `plan` succeeded.
    public static func apply(
        _ plan: Plan, to snapshot: GuildSnapshot, ownership: Ownership
    ) -> (GuildSnapshot, Ownership) {
        (snapshot, ownership)
    }
}
