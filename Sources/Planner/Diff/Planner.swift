import DiscordTypes
import Spec

/// The pure differ: desired layout + live snapshot + ownership -> an ordered, minimal plan.
public enum Planner {
    /// Computes the plan that brings `snapshot` to `desired`, touching only resources in
    /// `ownership` (or adopted into it by this plan).
    ///
    /// - Throws: `PlanRefusal` when the plan would destroy more than the policy allows
    ///   (unless `options.allowDestroy`) or needs changes the role hierarchy forbids.
    public static func diff(
        desired: DesiredGuild, snapshot: GuildSnapshot, ownership: Ownership,
        options: PlanOptions = PlanOptions()
    ) throws(PlanRefusal) -> Plan {
        Plan(guildID: desired.guildID)
    }
}
