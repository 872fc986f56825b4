import DiscordTypes

/// Which mentions in a message may ping. The reconciler's posts default to none.
public struct AllowedMentions: Sendable, Hashable, Encodable {
    /// Any of `roles`, `users`, `everyone`.
    public var parse: [String]
    public var roles: [Snowflake]?
    public var users: [Snowflake]?
    public var repliedUser: Bool?

    public init(parse: [String] = [], roles: [Snowflake]? = nil, users: [Snowflake]? = nil,
                repliedUser: Bool? = nil) {
        self.parse = parse
        self.roles = roles
        self.users = users
        self.repliedUser = repliedUser
    }

    /// Nothing pings.
    public static let noPings = AllowedMentions()

    /// Exactly these users may be pinged (`{parse: [], users: [ids]}`); nobody else, no
    /// roles, no `@everyone`. Discord accepts at most 100 ids.
    public static func only(users: [Snowflake]) -> AllowedMentions {
        users.isEmpty ? noPings : AllowedMentions(users: users)
    }

    enum CodingKeys: String, CodingKey {
        case parse, roles, users
        case repliedUser = "replied_user"
    }
}

/// The body of `POST /channels/{c}/messages`. Content at most 2000 characters (the docs;
/// the spec says 4000), at most 10 embeds.
///
/// With `nonce` and `enforceNonce: true` Discord deduplicates a repeated create within a
/// few minutes, which makes a retried POST safe.
public struct CreateMessageRequest: Sendable, Hashable, Encodable {
    public var content: String?
    public var embeds: [Embed]?
    public var allowedMentions: AllowedMentions?
    /// Action rows (at most 5): link buttons.
    public var components: [ActionRow]?
    public var flags: Int?
    public var nonce: String?
    public var enforceNonce: Bool?

    public init(content: String? = nil, embeds: [Embed]? = nil,
                allowedMentions: AllowedMentions? = nil, components: [ActionRow]? = nil, flags: Int? = nil,
                nonce: String? = nil, enforceNonce: Bool? = nil) {
        self.content = content
        self.embeds = embeds
        self.components = components
        self.allowedMentions = allowedMentions
        self.flags = flags
        self.nonce = nonce
        self.enforceNonce = enforceNonce
    }

    enum CodingKeys: String, CodingKey {
        case content, embeds, components, flags, nonce
        case allowedMentions = "allowed_mentions"
        case enforceNonce = "enforce_nonce"
    }
}

/// The body of `PATCH /channels/{c}/messages/{m}`. Nil fields are omitted; an empty
/// `embeds` or `components` array removes them all.
public struct EditMessageRequest: Sendable, Hashable, Encodable {
    public var content: String?
    public var embeds: [Embed]?
    public var allowedMentions: AllowedMentions?
    public var components: [ActionRow]?
    public var flags: Int?

    public init(content: String? = nil, embeds: [Embed]? = nil,
                allowedMentions: AllowedMentions? = nil, components: [ActionRow]? = nil, flags: Int? = nil) {
        self.content = content
        self.embeds = embeds
        self.components = components
        self.allowedMentions = allowedMentions
        self.flags = flags
    }

    enum CodingKeys: String, CodingKey {
        case content, embeds, components, flags
        case allowedMentions = "allowed_mentions"
    }
}
