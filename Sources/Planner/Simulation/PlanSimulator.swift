import DiscordTypes
import Spec

/// Applies a plan to a snapshot in memory, the way Discord and the executor would, with
/// deterministic fake ids (increasing from the highest id in the inputs): for the
/// convergence property test and the reconciler's tests.
///
/// Modelled: role creates at position 1, text channel names normalised, new channels at the
/// bottom of their parent, a thread's creator joining it, deleted categories leaving their
/// children at the top level, deleted channels taking their threads and messages along.
public enum PlanSimulator {
    /// The guild and ownership after every change of `plan` succeeded, forgotten keys dropped.
    public static func apply(
        _ plan: Plan, to snapshot: GuildSnapshot, ownership: Ownership
    ) -> (GuildSnapshot, Ownership) {
        var guild = SimulatedGuild(snapshot: snapshot, ownership: ownership)
        for change in plan.changes { guild.apply(change) }
        for key in plan.forgotten { guild.ownership[key] = nil }
        return (guild.snapshot, guild.ownership)
    }
}
