import DiscordTypes
import Spec

/// The pure differ: desired layout + live snapshot + ownership -> an ordered, minimal plan.
public enum Planner {
    /// Computes the plan that brings `snapshot` to `desired`, touching only resources in
    /// `ownership` (or adopted into it by this plan).
    ///
    /// Order: roles, categories, channels (overwrites inside their create or modify), the
    /// bulk position change, threads, thread members, member roles, messages, announcements
    /// (or the skips of those past their window, `Plan.skippedAnnouncements`), scheduled events; then deletes,
    /// children before parents. Every `.created(key)` a change uses is made by an earlier
    /// change listed in its `dependencies`.
    ///
    /// - Throws: `PlanRefusal` when the plan would destroy more than the policy allows
    ///   (unless `options.allowDestroy`), needs changes the role hierarchy forbids or guild
    ///   permissions the bot lacks, would take the guild past a Discord limit (counting what
    ///   the guild already holds), or would lock the bot out of a channel it manages.
    public static func diff(
        desired: DesiredGuild, snapshot: GuildSnapshot, ownership: Ownership,
        options: PlanOptions = PlanOptions()
    ) throws(PlanRefusal) -> Plan {
        var run = DiffRun(desired: desired, snapshot: snapshot, ownership: ownership, options: options)
        run.planRoles()
        run.planChannels(categories: true)
        run.planChannels(categories: false)
        run.reportMissingOverwriteTargets()
        run.planPositions()
        run.planThreads()
        run.planThreadMembers()
        run.planMemberRoles()
        run.planMessages()
        run.planScheduledEvents()
        run.planAnnouncements()
        run.planDeletes()
        run.warnNearLimits(run.limitProblems())
        try run.checkGuildPermissions()
        try run.checkBotAccess()
        try run.checkSafety()
        var plan = Plan(
            guildID: desired.guildID, changes: run.changes, warnings: run.warnings,
            forgotten: run.forgotten, estimatedSeconds: options.rateModel.estimate(run.changes))
        plan.skippedAnnouncements = run.skippedAnnouncements
        return plan
    }
}
