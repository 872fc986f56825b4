import DiscordTypes

/// The body of `POST /guilds/{g}/roles` and `PATCH /guilds/{g}/roles/{r}` (all fields
/// optional there). `permissions` is sent as a JSON integer, as the OpenAPI spec types it.
public struct RoleRequest: Sendable, Hashable, Encodable {
    public var name: String?
    public var permissions: Permissions?
    public var color: Int?
    public var hoist: Bool?
    public var mentionable: Bool?
    public var unicodeEmoji: Nullable<String>?

    public init(name: String? = nil, permissions: Permissions? = nil, color: Int? = nil,
                hoist: Bool? = nil, mentionable: Bool? = nil, unicodeEmoji: Nullable<String>? = nil) {
        self.name = name
        self.permissions = permissions
        self.color = color
        self.hoist = hoist
        self.mentionable = mentionable
        self.unicodeEmoji = unicodeEmoji
    }

    public var isEmpty: Bool { self == RoleRequest() }

    enum CodingKeys: String, CodingKey {
        case name, permissions, color, hoist, mentionable
        case unicodeEmoji = "unicode_emoji"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(permissions?.rawValue, forKey: .permissions)
        try c.encodeIfPresent(color, forKey: .color)
        try c.encodeIfPresent(hoist, forKey: .hoist)
        try c.encodeIfPresent(mentionable, forKey: .mentionable)
        try c.encodeIfPresent(unicodeEmoji, forKey: .unicodeEmoji)
    }
}

/// `POST /guilds/{g}/roles` body.
public typealias CreateRoleRequest = RoleRequest
/// `PATCH /guilds/{g}/roles/{r}` body.
public typealias ModifyRoleRequest = RoleRequest

/// One entry of `PATCH /guilds/{g}/roles` (bulk role positions).
public struct RolePositionEntry: Sendable, Hashable, Encodable {
    public var id: Snowflake
    public var position: Int

    public init(id: Snowflake, position: Int) {
        self.id = id
        self.position = position
    }
}
