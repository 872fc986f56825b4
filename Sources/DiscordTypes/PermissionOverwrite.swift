/// Whether an overwrite targets a role or a member.
public struct OverwriteType: RawRepresentable, Hashable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let role = OverwriteType(rawValue: 0)
    public static let member = OverwriteType(rawValue: 1)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            rawValue = int
        } else {
            // Very old payloads used "role"/"member".
            rawValue = try container.decode(String.self) == "member" ? 1 : 0
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A channel permission overwrite as Discord returns it. `allow`/`deny` absent means none.
public struct PermissionOverwrite: Hashable, Sendable, Codable {
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

    enum CodingKeys: String, CodingKey { case id, type, allow, deny }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Snowflake.self, forKey: .id)
        type = try c.decodeIfPresent(OverwriteType.self, forKey: .type) ?? .role
        allow = try c.decodeIfPresent(Permissions.self, forKey: .allow) ?? []
        deny = try c.decodeIfPresent(Permissions.self, forKey: .deny) ?? []
    }
}
