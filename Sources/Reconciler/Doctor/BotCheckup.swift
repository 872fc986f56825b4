import DiscordTypes
import Spec

/// What `doctor` concludes about the bot's standing in a guild: missing permissions (and what
/// each is needed for), managed or admin roles it cannot use because of the role hierarchy,
/// and whether it may list members. Pure: it judges values the caller fetched.
public struct BotCheckup: Hashable, Sendable {
    /// One problem, with the fix an admin can carry out.
    public struct Finding: Hashable, Sendable {
        public var problem: String
        public var fix: String
    }

    public var findings: [Finding]
    /// The bot's effective guild permissions (all of them for owners and administrators).
    public var botPermissions: Permissions
    public var botHighestRole: Role?

    public var healthy: Bool { findings.isEmpty }

    /// Why the reconciler needs each permission, for the finding that says it is missing.
    static let purposes: [(Permissions, String)] = [
        (.manageChannels, "create, rename, move and delete categories and channels"),
        (.manageRoles, "create team roles, grant them, and write channel overwrites"),
        (.viewChannel, "see the channels it manages"),
        (.sendMessages, "post the signup cards"),
        (.sendMessagesInThreads, "post stint alerts and add members to team threads"),
        (.createPrivateThreads, "open the private team threads"),
        (.createPublicThreads, "open public threads"),
        (.manageThreads, "archive, lock and edit team threads and remove their members"),
        (.readMessageHistory, "read back the messages it manages"),
        (.embedLinks, "show the signup card's embed"),
        (.pinMessages, "pin the signup cards"),
        (.connect, "grant CONNECT in race voice overwrites"),
        (.speak, "grant SPEAK in race voice overwrites"),
    ]

    /// Judges the bot from the guild's roles, the bot's member entry and what we manage.
    /// - Parameters:
    ///   - managedRoles: Discord ids of roles in the state store, with their keys.
    ///   - membersListable: whether `GET /guilds/{g}/members` answered (the privileged
    ///     Server Members intent), or the error it gave.
    public static func judge(
        guildID: Snowflake, ownerID: Snowflake?, roles: [Role], bot: GuildMember, botUserID: Snowflake,
        managedRoles: [Snowflake: ResourceKey], adminRoles: [Snowflake], membersListable: Bool
    ) -> BotCheckup {
        let held = Set(bot.roles)
        let botRoles = roles.filter { held.contains($0.id) || $0.id == guildID }
        var permissions = botRoles.reduce(Permissions()) { $0.union($1.permissions) }
        let isOwner = ownerID == botUserID
        if isOwner || permissions.contains(.administrator) { permissions = .all }
        let highest = roles.filter { held.contains($0.id) }.max { ($0.position, $0.id) < ($1.position, $1.id) }
        let top = isOwner ? Int.max : (highest?.position ?? 0)

        var findings: [Finding] = []
        for (permission, purpose) in purposes where !permissions.contains(permission) {
            findings.append(Finding(
                problem: "the bot lacks \(permission.names.joined()) (needed to \(purpose))",
                fix: "give the bot's role \(permission.names.joined()) in Server Settings › Roles, or re-invite it with the URL below"))
        }
        let byID = Dictionary(roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, key) in managedRoles.sorted(by: { $0.value < $1.value }) {
            guard let role = byID[id], role.position >= top else { continue }
            findings.append(Finding(
                problem: "managed role '\(role.name)' (\(key)) is at position \(role.position), not below the bot's highest role\(highest.map { " '\($0.name)' (\($0.position))" } ?? "")",
                fix: "drag the bot's role above '\(role.name)' in Server Settings › Roles"))
        }
        for id in adminRoles where byID[id] == nil {
            findings.append(Finding(
                problem: "discord.admin_roles lists \(id), which is not a role of this guild",
                fix: "copy the admin role's id again (Developer Mode › right-click the role › Copy ID) or remove it"))
        }
        if !membersListable {
            findings.append(Finding(
                problem: "the bot cannot list the guild's members, so team roles and threads cannot be synced",
                fix: "enable the Server Members intent: Developer Portal › your application › Bot › Privileged Gateway Intents"))
        }
        return BotCheckup(findings: findings, botPermissions: permissions, botHighestRole: highest)
    }

    /// The invite URL that grants exactly what the reconciler needs, for this guild.
    public static func inviteURL(applicationID: Snowflake, guildID: Snowflake) -> String {
        "https://discord.com/oauth2/authorize?client_id=\(applicationID)&scope=bot%20applications.commands"
            + "&permissions=\(Permissions.reconcilerBot.rawValue)&guild_id=\(guildID)&disable_guild_select=true"
    }
}
