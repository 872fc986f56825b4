import DiscordTypes
import Spec

/// Why the planner refuses to produce a plan: an error, never a silent skip.
public enum PlanRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The plan would delete more than the configured share of managed resources.
    case destroyThreshold(deleting: Int, managed: Int, maxFraction: Double)
    /// Changes the bot cannot make because the role is at or above its highest role.
    case roleHierarchy([HierarchyProblem])
    /// Changes need guild permissions the bot lacks (each would fail with 50013).
    case missingPermissions([PermissionProblem])
    /// The guild would exceed a Discord limit (roles, channels, channels per category),
    /// counting what the guild already holds; refused before any request.
    case limits([LimitProblem])
    /// The layout would take permissions the bot needs from it in these channels (for
    /// example a voice channel denying `@everyone` CONNECT with no overwrite for the bot:
    /// Discord then also takes MANAGE_CHANNELS, and the channel can never be deleted).
    case botLockedOut([BotAccessProblem], bot: Snowflake)

    public var description: String {
        switch self {
        case .destroyThreshold(let deleting, let managed, let maxFraction):
            let percent = Int((maxFraction * 100).rounded())
            return "refusing to destroy \(deleting) of \(managed) managed resources "
                + "(more than \(percent)% allowed by policy.max_destroy_fraction); "
                + "review the plan and pass --allow-destroy if this is intended"
        case .roleHierarchy(let problems):
            let lines = problems.map { "  - \($0)" }.joined(separator: "\n")
            return "the bot cannot make \(problems.count) change(s) because of the role hierarchy; "
                + "move the bot's role above these roles in Server Settings › Roles:\n\(lines)"
        case .missingPermissions(let problems):
            let lines = problems.map { "  - \($0)" }.joined(separator: "\n")
            return "the bot lacks \(problems.count) permission\(problems.count == 1 ? "" : "s") this plan needs; "
                + "nothing was sent. Give them to the bot's role (Server Settings › Roles) or re-invite it "
                + "with `simlane-reconcile invite-url`; `simlane-reconcile doctor` explains each:\n\(lines)"
        case .limits(let problems):
            let lines = problems.map { "  - \($0)" }.joined(separator: "\n")
            return "refusing a plan that exceeds Discord's limits; no request was sent. Remove roles or channels "
                + "from the guild, or plan fewer events or teams at once:\n\(lines)"
        case .botLockedOut(let problems, let bot):
            let lines = problems.map { "  - \($0)" }.joined(separator: "\n")
            return "refusing a layout that would lock the bot (user \(bot)) out of \(problems.count) channel(s); "
                + "check that discord.application_id is the bot's user id, and that no overwrite "
                + "for a role the bot holds denies these permissions:\n\(lines)"
        }
    }
}

/// One change blocked by the role hierarchy.
public struct HierarchyProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    public var key: ResourceKey
    public var roleName: String
    public var roleID: Snowflake
    public var rolePosition: Int
    public var botHighestPosition: Int
    public var action: Action

    public init(
        key: ResourceKey, roleName: String, roleID: Snowflake, rolePosition: Int,
        botHighestPosition: Int, action: Action
    ) {
        self.key = key
        self.roleName = roleName
        self.roleID = roleID
        self.rolePosition = rolePosition
        self.botHighestPosition = botHighestPosition
        self.action = action
    }

    public var description: String {
        "\(action.rawValue) \(key) (role \"\(roleName)\" at position \(rolePosition), "
            + "bot's highest role at \(botHighestPosition))"
    }
}
