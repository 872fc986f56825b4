/// A guild role as Discord returns it. The `@everyone` role has the guild's id.
public struct Role: Hashable, Sendable, Codable, Identifiable {
    public var id: Snowflake
    public var name: String
    public var color: Int
    public var colors: RoleColors?
    public var hoist: Bool
    public var position: Int
    public var permissions: Permissions
    public var managed: Bool
    public var mentionable: Bool
    public var flags: Int?
    public var tags: RoleTags?

    public init(
        id: Snowflake, name: String, color: Int = 0, colors: RoleColors? = nil, hoist: Bool = false,
        position: Int, permissions: Permissions = [], managed: Bool = false,
        mentionable: Bool = false, flags: Int? = 0, tags: RoleTags? = nil
    ) {
        self.id = id
        self.name = name
        self.color = color
        self.colors = colors
        self.hoist = hoist
        self.position = position
        self.permissions = permissions
        self.managed = managed
        self.mentionable = mentionable
        self.flags = flags
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case id, name, color, colors, hoist, position, permissions, managed, mentionable, flags, tags
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Snowflake.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        color = try c.decodeIfPresent(Int.self, forKey: .color) ?? 0
        colors = try c.decodeIfPresent(RoleColors.self, forKey: .colors)
        hoist = try c.decodeIfPresent(Bool.self, forKey: .hoist) ?? false
        position = try c.decodeIfPresent(Int.self, forKey: .position) ?? 0
        permissions = try c.decodeIfPresent(Permissions.self, forKey: .permissions) ?? []
        managed = try c.decodeIfPresent(Bool.self, forKey: .managed) ?? false
        mentionable = try c.decodeIfPresent(Bool.self, forKey: .mentionable) ?? false
        flags = try c.decodeIfPresent(Int.self, forKey: .flags)
        tags = try c.decodeIfPresent(RoleTags.self, forKey: .tags)
    }
}

/// A role's colours (`colors` replaces the deprecated `color`).
public struct RoleColors: Hashable, Sendable, Codable {
    public var primaryColor: Int
    public var secondaryColor: Int?
    public var tertiaryColor: Int?

    public init(primaryColor: Int, secondaryColor: Int? = nil, tertiaryColor: Int? = nil) {
        self.primaryColor = primaryColor
        self.secondaryColor = secondaryColor
        self.tertiaryColor = tertiaryColor
    }

    enum CodingKeys: String, CodingKey {
        case primaryColor = "primary_color"
        case secondaryColor = "secondary_color"
        case tertiaryColor = "tertiary_color"
    }
}

/// Marks a role owned by a bot or integration (never ours to touch).
public struct RoleTags: Hashable, Sendable, Codable {
    public var botID: Snowflake?
    public var integrationID: Snowflake?

    public init(botID: Snowflake? = nil, integrationID: Snowflake? = nil) {
        self.botID = botID
        self.integrationID = integrationID
    }

    enum CodingKeys: String, CodingKey {
        case botID = "bot_id"
        case integrationID = "integration_id"
    }
}
