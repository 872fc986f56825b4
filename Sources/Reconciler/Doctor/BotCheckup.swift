import DiscordTypes
import Spec

/// What `doctor` concludes about the bot's standing in a guild: missing permissions (and what
/// each is needed for), managed or admin roles it cannot use because of the role hierarchy,
/// and whether it may list members. Pure: it judges values the caller fetched.
public struct BotCheckup: Hashable, Sendable {
    /// One problem, with the fix an admin can carry out.
    public struct Finding: Hashable, Sendable, Codable {
        public var problem: String
        public var fix: String

        public init(problem: String, fix: String) {
            self.problem = problem
            self.fix = fix
        }
    }

    /// Permissions the enabled features need that the bot lacks.
    public var permissionFindings: [Finding]
    /// Managed or admin roles the bot cannot use where they are.
    public var hierarchyFindings: [Finding]
    /// Whether the bot may list the guild's members (the Server Members intent).
    public var memberFindings: [Finding]
    /// Every finding, in that order.
    public var findings: [Finding] { permissionFindings + hierarchyFindings + memberFindings }
    /// The bot's effective guild permissions (all of them for owners and administrators).
    public var botPermissions: Permissions
    public var botHighestRole: Role?

    public var healthy: Bool { findings.isEmpty }

    /// Judges the bot from the guild's roles, the bot's member entry and what we manage.
    /// - Parameters:
    ///   - managedRoles: Discord ids of roles in the state store, with their keys.
    ///   - membersListable: whether `GET /guilds/{g}/members` answered (the privileged
    ///     Server Members intent), or the error it gave.
    ///   - needs: what the club's enabled features need (`BotPermissionNeeds(settings:)`).
    public static func judge(
        guildID: Snowflake, ownerID: Snowflake?, roles: [Role], bot: GuildMember, botUserID: Snowflake,
        managedRoles: [Snowflake: ResourceKey], adminRoles: [Snowflake], membersListable: Bool,
        needs: BotPermissionNeeds
    ) -> BotCheckup {
        let held = Set(bot.roles)
        let botRoles = roles.filter { held.contains($0.id) || $0.id == guildID }
        var permissions = botRoles.reduce(Permissions()) { $0.union($1.permissions) }
        let isOwner = ownerID == botUserID
        if isOwner || permissions.contains(.administrator) { permissions = .all }
        let highest = roles.filter { held.contains($0.id) }.max { ($0.position, $0.id) < ($1.position, $1.id) }
        let top = isOwner ? Int.max : (highest?.position ?? 0)

        var permissionFindings: [Finding] = []
        for need in needs.missing(from: permissions) {
            permissionFindings.append(Finding(
                problem: "the bot lacks \(need.name) (needed to \(need.purpose); feature: \(need.feature))",
                fix: "give the bot's role \(need.name) in Server Settings › Roles, or re-invite it with the URL below"))
        }
        var hierarchyFindings: [Finding] = []
        let byID = Dictionary(roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, key) in managedRoles.sorted(by: { $0.value < $1.value }) {
            guard let role = byID[id], role.position >= top else { continue }
            hierarchyFindings.append(Finding(
                problem: "managed role '\(role.name)' (\(key)) is at position \(role.position), not below the bot's highest role\(highest.map { " '\($0.name)' (\($0.position))" } ?? "")",
                fix: "drag the bot's role above '\(role.name)' in Server Settings › Roles"))
        }
        for id in adminRoles where byID[id] == nil {
            hierarchyFindings.append(Finding(
                problem: "discord.admin_roles lists \(id), which is not a role of this guild",
                fix: "copy the admin role's id again (Developer Mode › right-click the role › Copy ID) or remove it"))
        }
        var memberFindings: [Finding] = []
        if !membersListable {
            memberFindings.append(Finding(
                problem: "the bot cannot list the guild's members, so team roles and threads cannot be synced",
                fix: "enable the Server Members intent: Developer Portal › your application › Bot › Privileged Gateway Intents"))
        }
        return BotCheckup(permissionFindings: permissionFindings, hierarchyFindings: hierarchyFindings,
                          memberFindings: memberFindings, botPermissions: permissions, botHighestRole: highest)
    }
}
