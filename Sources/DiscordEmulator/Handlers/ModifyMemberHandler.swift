import DiscordTypes
import Foundation

/// `PATCH /guilds/{g}/members/{u}`: only `roles` is acted on (the complete new list; nick,
/// mute and the rest are accepted and ignored). Checked as Discord does, stricter where its
/// documentation is silent: every id must be a role of the guild other than `@everyone`
/// (else 400 50035 on `roles.N`); MANAGE_ROLES is required; each role added or removed must
/// be below the bot's highest role and not managed by an integration (else 403 50013).
/// Roles that stay are not checked. Answers the member (200).
extension DiscordEmulator {
    func modifyMember(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        let userID = try snowflake(c, "user_id")
        guard var member = guild.members[userID] else {
            throw state.users[userID] == nil ? APIError.unknownUser : APIError.unknownMember
        }
        guard let rawRoles = c.body["roles"], rawRoles != .null else {
            return .json(200, Render.member(member, user: user(userID)))
        }
        guard let items = rawRoles.arrayValue else {
            throw APIError.invalidField(["roles"], "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType")
        }
        var errors = FormErrors()
        var wanted: [Snowflake] = []
        for (index, item) in items.enumerated() {
            let id: Snowflake? = switch item {
            case .string(let text): Snowflake(string: text)
            case .number(let number) where number >= 0 && number == number.rounded(): Snowflake(UInt64(number))
            default: nil
            }
            guard let id else {
                errors.add(["roles", String(index)], "NUMBER_TYPE_COERCE", "Value \"\(item)\" is not snowflake.")
                continue
            }
            guard guild.roles[id] != nil, id != guild.id else {
                errors.add(["roles", String(index)], "UNKNOWN_ROLE", "Unknown role \(id).")
                continue
            }
            if !wanted.contains(id) { wanted.append(id) }
        }
        if !errors.isEmpty { throw APIError.invalidForm(errors) }
        try require(.manageRoles, in: guild, c)
        let current = Set(member.roles)
        let changed = Set(wanted).symmetricDifference(current)
        let calculator = PermissionCalculator(guild: guild)
        for id in changed {
            guard let role = guild.roles[id] else { continue }
            guard calculator.canManage(role: role, by: c.botID), !role.managed else { throw APIError.missingPermissions }
        }
        member.roles = wanted
        state.guilds[guild.id]!.members[userID] = member
        return .json(200, Render.member(member, user: user(userID)))
    }
}
