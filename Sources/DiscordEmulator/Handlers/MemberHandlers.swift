import DiscordTypes
import Foundation

/// Member endpoints: paged listing (needs the GUILD_MEMBERS intent), get, role add/remove.
extension DiscordEmulator {
    func listMembers(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        let limit = try queryInt(c, "limit", default: 1, min: 1, max: 1000)
        var after = Snowflake(0)
        if let raw = c.query["after"] {
            guard let id = Snowflake(string: raw) else {
                throw APIError.invalidField(["after"], "NUMBER_TYPE_COERCE", "Value \"\(raw)\" is not snowflake.")
            }
            after = id
        }
        guard guild.membersIntent else { throw APIError.missingAccess }
        let page = guild.members.values.filter { $0.userID > after }.sorted { $0.userID < $1.userID }.prefix(limit)
        return .json(200, .array(page.map { Render.member($0, user: user($0.userID)) }))
    }

    func getMember(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        let userID = try snowflake(c, "user_id")
        guard let member = guild.members[userID] else {
            throw state.users[userID] == nil ? APIError.unknownUser : APIError.unknownMember
        }
        return .json(200, Render.member(member, user: user(userID)))
    }

    func changeMemberRole(_ c: RequestContext, add: Bool) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        let userID = try snowflake(c, "user_id")
        let roleID = try snowflake(c, "role_id")
        guard let role = guild.roles[roleID], roleID != guild.id else { throw APIError.unknownRole }
        guard var member = guild.members[userID] else {
            throw state.users[userID] == nil ? APIError.unknownUser : APIError.unknownMember
        }
        try require(.manageRoles, in: guild, c)
        guard PermissionCalculator(guild: guild).canManage(role: role, by: c.botID), !role.managed else {
            throw APIError.missingPermissions
        }
        if add {
            if !member.roles.contains(roleID) { member.roles.append(roleID) }
        } else {
            member.roles.removeAll { $0 == roleID }
        }
        state.guilds[guild.id]!.members[userID] = member
        return .noContent
    }
}
