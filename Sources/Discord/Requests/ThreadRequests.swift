import DiscordTypes

/// The body of `POST /channels/{c}/threads` (a thread without a starter message).
/// `type` is always sent: Discord defaults to a PRIVATE thread when it is missing.
public struct StartThreadRequest: Sendable, Hashable, Encodable {
    public var name: String
    public var type: ChannelType
    public var autoArchiveDuration: Int?
    public var invitable: Bool?
    public var rateLimitPerUser: Int?

    /// `type` must be `.publicThread` or `.privateThread`; `invitable` applies to private threads.
    public init(name: String, type: ChannelType = .publicThread, autoArchiveDuration: Int? = nil,
                invitable: Bool? = nil, rateLimitPerUser: Int? = nil) {
        self.name = name
        self.type = type
        self.autoArchiveDuration = autoArchiveDuration
        self.invitable = invitable
        self.rateLimitPerUser = rateLimitPerUser
    }

    enum CodingKeys: String, CodingKey {
        case name, type, invitable
        case autoArchiveDuration = "auto_archive_duration"
        case rateLimitPerUser = "rate_limit_per_user"
    }
}

/// The body of `PATCH /channels/{t}` for a thread. Nil fields are omitted.
public struct ModifyThreadRequest: Sendable, Hashable, Encodable {
    public var name: String?
    public var archived: Bool?
    public var locked: Bool?
    public var invitable: Bool?
    public var autoArchiveDuration: Int?
    public var rateLimitPerUser: Int?

    public init(name: String? = nil, archived: Bool? = nil, locked: Bool? = nil,
                invitable: Bool? = nil, autoArchiveDuration: Int? = nil, rateLimitPerUser: Int? = nil) {
        self.name = name
        self.archived = archived
        self.locked = locked
        self.invitable = invitable
        self.autoArchiveDuration = autoArchiveDuration
        self.rateLimitPerUser = rateLimitPerUser
    }

    public var isEmpty: Bool { self == ModifyThreadRequest() }

    enum CodingKeys: String, CodingKey {
        case name, archived, locked, invitable
        case autoArchiveDuration = "auto_archive_duration"
        case rateLimitPerUser = "rate_limit_per_user"
    }
}
