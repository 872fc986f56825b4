import DiscordTypes

/// One command in `PUT /applications/{app}/guilds/{g}/commands` (bulk overwrite: the list
/// replaces every guild command). `defaultMemberPermissions` is sent as a JSON integer.
public struct ApplicationCommandRequest: Sendable, Hashable, Encodable {
    public var name: String
    public var description: String
    public var type: Int?
    public var options: [ApplicationCommand.Option]?
    public var defaultMemberPermissions: Permissions?

    public init(name: String, description: String, type: Int? = 1,
                options: [ApplicationCommand.Option]? = nil,
                defaultMemberPermissions: Permissions? = nil) {
        self.name = name
        self.description = description
        self.type = type
        self.options = options
        self.defaultMemberPermissions = defaultMemberPermissions
    }

    enum CodingKeys: String, CodingKey {
        case name, description, type, options
        case defaultMemberPermissions = "default_member_permissions"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(options, forKey: .options)
        try c.encodeIfPresent(defaultMemberPermissions?.rawValue, forKey: .defaultMemberPermissions)
    }
}
