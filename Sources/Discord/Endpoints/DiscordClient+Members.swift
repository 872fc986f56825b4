import DiscordTypes
import Foundation

extension DiscordClient {
    /// `GET /guilds/{g}/members?limit=&after=`: one page, ordered by user id.
    public func members(in guildID: Snowflake, limit: Int = 1000, after: Snowflake? = nil) async throws -> [GuildMember] {
        var query = [URLQueryItem(name: "limit", value: String(min(max(limit, 1), 1000)))]
        if let after { query.append(URLQueryItem(name: "after", value: after.description)) }
        return try await call(Route(.listMembers, guildID, query: query))
    }

    /// Every member of the guild, paging 1,000 at a time with `after` = the highest id seen.
    public func allMembers(in guildID: Snowflake, pageSize: Int = 1000) async throws -> [GuildMember] {
        var result: [GuildMember] = []
        var after: Snowflake?
        while true {
            let page = try await members(in: guildID, limit: pageSize, after: after)
            result.append(contentsOf: page)
            guard page.count >= min(max(pageSize, 1), 1000),
                  let highest = page.compactMap({ $0.user?.id }).max(), highest != after
            else { return result }
            after = highest
        }
    }

    /// `GET /guilds/{g}/members/{u}`.
    public func member(in guildID: Snowflake, userID: Snowflake) async throws -> GuildMember {
        try await call(Route(.getMember, guildID, userID))
    }

    /// `PATCH /guilds/{g}/members/{u}` with `{roles}`: replaces the member's whole role list.
    /// Callers build `roles` from a fresh `member(in:userID:)` so nobody else's grant is lost.
    public func modifyMemberRoles(guildID: Snowflake, userID: Snowflake, roles: [Snowflake], reason: String?) async throws -> GuildMember {
        try await call(Route(.modifyMember, guildID, userID), body: ModifyMemberRequest(roles: roles), reason: reason)
    }

    /// `PUT /guilds/{g}/members/{u}/roles/{r}`.
    public func addMemberRole(guildID: Snowflake, userID: Snowflake, roleID: Snowflake, reason: String?) async throws {
        try await callVoid(Route(.addMemberRole, guildID, userID, roleID),
                           reason: reason)
    }

    /// `DELETE /guilds/{g}/members/{u}/roles/{r}`.
    public func removeMemberRole(guildID: Snowflake, userID: Snowflake, roleID: Snowflake, reason: String?) async throws {
        try await callVoid(Route(.removeMemberRole, guildID, userID, roleID),
                           reason: reason)
    }
}
