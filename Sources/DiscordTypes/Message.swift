/// A message (the parts a reconciler manages: content, embeds, components, pin state).
public struct Message: Hashable, Sendable, Codable, Identifiable {
    public var id: Snowflake
    public var channelID: Snowflake
    public var author: User?
    public var content: String
    public var embeds: [Embed]
    /// Action rows of buttons (link buttons on signup cards).
    public var components: [ActionRow]
    public var pinned: Bool
    public var timestamp: String?
    public var editedTimestamp: String?

    public init(
        id: Snowflake, channelID: Snowflake, author: User? = nil, content: String = "",
        embeds: [Embed] = [], components: [ActionRow] = [], pinned: Bool = false, timestamp: String? = nil,
        editedTimestamp: String? = nil
    ) {
        self.id = id
        self.channelID = channelID
        self.author = author
        self.content = content
        self.embeds = embeds
        self.components = components
        self.pinned = pinned
        self.timestamp = timestamp
        self.editedTimestamp = editedTimestamp
    }

    enum CodingKeys: String, CodingKey {
        case id, author, content, embeds, components, pinned, timestamp
        case channelID = "channel_id"
        case editedTimestamp = "edited_timestamp"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Snowflake.self, forKey: .id)
        channelID = try c.decode(Snowflake.self, forKey: .channelID)
        author = try c.decodeIfPresent(User.self, forKey: .author)
        content = try c.decodeIfPresent(String.self, forKey: .content) ?? ""
        embeds = try c.decodeIfPresent([Embed].self, forKey: .embeds) ?? []
        components = try c.decodeIfPresent([ActionRow].self, forKey: .components) ?? []
        pinned = try c.decodeIfPresent(Bool.self, forKey: .pinned) ?? false
        timestamp = try c.decodeIfPresent(String.self, forKey: .timestamp)
        editedTimestamp = try c.decodeIfPresent(String.self, forKey: .editedTimestamp)
    }
}

/// A rich embed (the only embed type a bot posts). Limits and how Discord stores it:
/// `Embed+Normalized.swift`.
public struct Embed: Hashable, Sendable, Codable {
    public var title: String?
    public var description: String?
    public var url: String?
    public var color: Int?
    public var timestamp: String?
    public var fields: [Field]?
    public var footer: Footer?

    public init(
        title: String? = nil, description: String? = nil, url: String? = nil, color: Int? = nil,
        timestamp: String? = nil, fields: [Field]? = nil, footer: Footer? = nil
    ) {
        self.title = title
        self.description = description
        self.url = url
        self.color = color
        self.timestamp = timestamp
        self.fields = fields
        self.footer = footer
    }

    /// One name/value row of an embed.
    public struct Field: Hashable, Sendable, Codable {
        public var name: String
        public var value: String
        public var inline: Bool?

        public init(name: String, value: String, inline: Bool? = nil) {
            self.name = name
            self.value = value
            self.inline = inline
        }
    }

    /// The small text under an embed.
    public struct Footer: Hashable, Sendable, Codable {
        public var text: String
        public init(text: String) { self.text = text }
    }

    /// Characters that count towards Discord's 6000-per-message embed limit (`Limit.total`),
    /// counted on trimmed text as Discord counts them.
    public var characterCount: Int {
        let embed = stored
        let texts: Int = (embed.title?.count ?? 0) + (embed.description?.count ?? 0)
        let footer: Int = embed.footer?.text.count ?? 0
        let fields: Int = (embed.fields ?? []).reduce(0) { $0 + $1.name.count + $1.value.count }
        return texts + footer + fields
    }
}

/// A guild application command, as registered by bulk overwrite.
public struct ApplicationCommand: Hashable, Sendable, Codable {
    public var id: Snowflake?
    public var applicationID: Snowflake?
    public var guildID: Snowflake?
    public var name: String
    public var description: String
    public var type: Int?
    public var options: [Option]?
    public var defaultMemberPermissions: String?

    public init(
        id: Snowflake? = nil, applicationID: Snowflake? = nil, guildID: Snowflake? = nil,
        name: String, description: String, type: Int? = 1, options: [Option]? = nil,
        defaultMemberPermissions: String? = nil
    ) {
        self.id = id
        self.applicationID = applicationID
        self.guildID = guildID
        self.name = name
        self.description = description
        self.type = type
        self.options = options
        self.defaultMemberPermissions = defaultMemberPermissions
    }

    /// A command option (sub-command, string, user, …).
    public struct Option: Hashable, Sendable, Codable {
        public var type: Int
        public var name: String
        public var description: String
        public var required: Bool?

        public init(type: Int, name: String, description: String, required: Bool? = nil) {
            self.type = type
            self.name = name
            self.description = description
            self.required = required
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, type, options
        case applicationID = "application_id"
        case guildID = "guild_id"
        case defaultMemberPermissions = "default_member_permissions"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(Snowflake.self, forKey: .id)
        applicationID = try c.decodeIfPresent(Snowflake.self, forKey: .applicationID)
        guildID = try c.decodeIfPresent(Snowflake.self, forKey: .guildID)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        type = try c.decodeIfPresent(Int.self, forKey: .type)
        options = try c.decodeIfPresent([Option].self, forKey: .options)
        // Discord answers with a string; tolerate an integer (the request form) as well.
        if let string = try? c.decodeIfPresent(String.self, forKey: .defaultMemberPermissions) {
            defaultMemberPermissions = string
        } else {
            defaultMemberPermissions = try c.decodeIfPresent(UInt64.self, forKey: .defaultMemberPermissions).map(String.init)
        }
    }
}
