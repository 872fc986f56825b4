import DiscordTypes

/// One overwrite inside a channel create/modify body (`permission_overwrites[]`).
/// `allow`/`deny` are sent as JSON integers, as the OpenAPI spec types them.
public struct PermissionOverwriteRequest: Sendable, Hashable, Encodable {
    public var id: Snowflake
    public var type: OverwriteType
    public var allow: Permissions
    public var deny: Permissions

    public init(id: Snowflake, type: OverwriteType, allow: Permissions = [], deny: Permissions = []) {
        self.id = id
        self.type = type
        self.allow = allow
        self.deny = deny
    }

    /// The request form of an overwrite read from Discord.
    public init(_ overwrite: PermissionOverwrite) {
        self.init(id: overwrite.id, type: overwrite.type, allow: overwrite.allow, deny: overwrite.deny)
    }

    enum CodingKeys: String, CodingKey { case id, type, allow, deny }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(allow.rawValue, forKey: .allow)
        try c.encode(deny.rawValue, forKey: .deny)
    }
}

/// The body of `PUT /channels/{c}/permissions/{id}`: `{type, allow, deny}` with integer bits.
public struct EditPermissionOverwriteRequest: Sendable, Hashable, Encodable {
    public var type: OverwriteType
    public var allow: Permissions
    public var deny: Permissions

    public init(type: OverwriteType, allow: Permissions = [], deny: Permissions = []) {
        self.type = type
        self.allow = allow
        self.deny = deny
    }

    enum CodingKeys: String, CodingKey { case type, allow, deny }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(allow.rawValue, forKey: .allow)
        try c.encode(deny.rawValue, forKey: .deny)
    }
}
