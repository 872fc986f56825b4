import DiscordTypes

/// The body of `PATCH /guilds/{g}/members/{u}` as we send it: only `roles`, the member's
/// complete role list (it replaces the current one; ids as strings, as Discord sends them).
public struct ModifyMemberRequest: Sendable, Hashable, Encodable {
    public var roles: [Snowflake]

    public init(roles: [Snowflake]) { self.roles = roles }
}
