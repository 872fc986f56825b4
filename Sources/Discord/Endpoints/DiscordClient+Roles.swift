import DiscordTypes

extension DiscordClient {
    /// `GET /guilds/{g}/roles`.
    public func roles(in guildID: Snowflake) async throws -> [Role] {
        try await call(Route(.listRoles, guildID))
    }

    /// `POST /guilds/{g}/roles`. See `createChannel` for `verify`.
    public func createRole(
        in guildID: Snowflake, _ body: CreateRoleRequest, reason: String?,
        verify: (@Sendable () async throws -> Role?)? = nil
    ) async throws -> Role {
        try await create(Route(.createRole, guildID), body: body, reason: reason, verify: verify)
    }

    /// `PATCH /guilds/{g}/roles/{r}`.
    public func modifyRole(in guildID: Snowflake, roleID: Snowflake, _ body: ModifyRoleRequest, reason: String?) async throws -> Role {
        try await call(Route(.modifyRole, guildID, roleID), body: body, reason: reason)
    }

    /// `DELETE /guilds/{g}/roles/{r}`.
    public func deleteRole(in guildID: Snowflake, roleID: Snowflake, reason: String?) async throws {
        try await callVoid(Route(.deleteRole, guildID, roleID), reason: reason)
    }

    /// `PATCH /guilds/{g}/roles`: bulk positions; returns all roles.
    @discardableResult
    public func modifyRolePositions(in guildID: Snowflake, _ entries: [RolePositionEntry], reason: String?) async throws -> [Role] {
        try await call(Route(.rolePositions, guildID), body: entries, reason: reason)
    }
}
