/// A Discord user (the parts a reconciler needs).
public struct User: Hashable, Sendable, Codable, Identifiable {
    public var id: Snowflake
    public var username: String
    public var globalName: String?
    public var bot: Bool?

    public init(id: Snowflake, username: String, globalName: String? = nil, bot: Bool? = nil) {
        self.id = id
        self.username = username
        self.globalName = globalName
        self.bot = bot
    }

    enum CodingKeys: String, CodingKey {
        case id, username, bot
        case globalName = "global_name"
    }
}

/// A guild member: a user plus their nickname and role ids.
public struct GuildMember: Hashable, Sendable, Codable {
    public var user: User?
    public var nick: String?
    public var roles: [Snowflake]
    public var joinedAt: String?
    public var pending: Bool?

    public init(user: User?, nick: String? = nil, roles: [Snowflake] = [], joinedAt: String? = nil, pending: Bool? = nil) {
        self.user = user
        self.nick = nick
        self.roles = roles
        self.joinedAt = joinedAt
        self.pending = pending
    }

    enum CodingKeys: String, CodingKey {
        case user, nick, roles, pending
        case joinedAt = "joined_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        user = try c.decodeIfPresent(User.self, forKey: .user)
        nick = try c.decodeIfPresent(String.self, forKey: .nick)
        roles = try c.decodeIfPresent([Snowflake].self, forKey: .roles) ?? []
        joinedAt = try c.decodeIfPresent(String.self, forKey: .joinedAt)
        pending = try c.decodeIfPresent(Bool.self, forKey: .pending)
    }
}

/// A guild (the parts a reconciler needs).
public struct Guild: Hashable, Sendable, Codable, Identifiable {
    public var id: Snowflake
    public var name: String
    public var ownerID: Snowflake
    public var roles: [Role]?

    public init(id: Snowflake, name: String, ownerID: Snowflake, roles: [Role]? = nil) {
        self.id = id
        self.name = name
        self.ownerID = ownerID
        self.roles = roles
    }

    enum CodingKeys: String, CodingKey {
        case id, name, roles
        case ownerID = "owner_id"
    }
}
