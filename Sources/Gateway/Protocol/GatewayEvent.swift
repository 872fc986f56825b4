import DiscordTypes
import Foundation

/// A dispatch (op 0) the daemon acts on, decoded from its event name and `d`. Events we do
/// not use arrive as `.other(name)` so the sequence number still advances.
public enum GatewayEvent: Sendable, Hashable {
    case ready(Ready)
    case resumed
    case guildCreate(GuildCreate)
    case guildDelete(guildID: Snowflake, unavailable: Bool)
    case channelCreate(Channel)
    case channelUpdate(Channel)
    case channelDelete(Channel)
    case threadCreate(Channel)
    case threadUpdate(Channel)
    /// `d` holds only id, guild_id, parent_id and type.
    case threadDelete(Channel)
    case threadMembersUpdate(ThreadMembersUpdate)
    case roleCreate(guildID: Snowflake, role: Role)
    case roleUpdate(guildID: Snowflake, role: Role)
    case roleDelete(guildID: Snowflake, roleID: Snowflake)
    case memberAdd(guildID: Snowflake, member: GuildMember)
    case memberUpdate(guildID: Snowflake, member: GuildMember)
    case memberRemove(guildID: Snowflake, user: User)
    case messageCreate(guildID: Snowflake?, message: Message)
    case messageUpdate(guildID: Snowflake?, message: Message)
    case messageDelete(guildID: Snowflake?, channelID: Snowflake, messageID: Snowflake)
    case other(String)

    /// READY: the session to resume later, and the bot's user.
    public struct Ready: Sendable, Hashable, Decodable {
        public var sessionID: String
        public var resumeGatewayURL: String
        public var user: User
        public var shard: [Int]?

        enum CodingKeys: String, CodingKey {
            case sessionID = "session_id", resumeGatewayURL = "resume_gateway_url", user, shard
        }

        public init(sessionID: String, resumeGatewayURL: String, user: User, shard: [Int]? = nil) {
            self.sessionID = sessionID
            self.resumeGatewayURL = resumeGatewayURL
            self.user = user
            self.shard = shard
        }
    }

    /// GUILD_CREATE: the guild with its channels, active threads, roles and the members
    /// Discord includes (the bot and voice users; list the rest over REST).
    public struct GuildCreate: Sendable, Hashable, Decodable {
        public var id: Snowflake
        public var name: String?
        public var ownerID: Snowflake?
        public var channels: [Channel]
        public var threads: [Channel]
        public var roles: [Role]
        public var members: [GuildMember]
        public var memberCount: Int?

        enum CodingKeys: String, CodingKey {
            case id, name, channels, threads, roles, members
            case ownerID = "owner_id", memberCount = "member_count"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(Snowflake.self, forKey: .id)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            ownerID = try c.decodeIfPresent(Snowflake.self, forKey: .ownerID)
            channels = try c.decodeIfPresent([Channel].self, forKey: .channels) ?? []
            threads = try c.decodeIfPresent([Channel].self, forKey: .threads) ?? []
            roles = try c.decodeIfPresent([Role].self, forKey: .roles) ?? []
            members = try c.decodeIfPresent([GuildMember].self, forKey: .members) ?? []
            memberCount = try c.decodeIfPresent(Int.self, forKey: .memberCount)
        }
    }

    /// THREAD_MEMBERS_UPDATE: who joined and left a thread.
    public struct ThreadMembersUpdate: Sendable, Hashable, Decodable {
        public var id: Snowflake
        public var guildID: Snowflake
        public var added: [Snowflake]
        public var removed: [Snowflake]

        enum CodingKeys: String, CodingKey {
            case id, guildID = "guild_id", added = "added_members", removed = "removed_member_ids"
        }
        struct Added: Decodable {
            var userID: Snowflake?
            enum CodingKeys: String, CodingKey { case userID = "user_id" }
        }

        public init(id: Snowflake, guildID: Snowflake, added: [Snowflake], removed: [Snowflake]) {
            self.id = id
            self.guildID = guildID
            self.added = added
            self.removed = removed
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(Snowflake.self, forKey: .id)
            guildID = try c.decode(Snowflake.self, forKey: .guildID)
            added = try (c.decodeIfPresent([Added].self, forKey: .added) ?? []).compactMap(\.userID)
            removed = try c.decodeIfPresent([Snowflake].self, forKey: .removed) ?? []
        }
    }

    /// The guild the event is about, when it names one.
    public var guildID: Snowflake? {
        switch self {
        case .ready, .resumed, .other: nil
        case .guildCreate(let guild): guild.id
        case .guildDelete(let id, _): id
        case .channelCreate(let c), .channelUpdate(let c), .channelDelete(let c),
             .threadCreate(let c), .threadUpdate(let c), .threadDelete(let c): c.guildID
        case .threadMembersUpdate(let update): update.guildID
        case .roleCreate(let id, _), .roleUpdate(let id, _), .roleDelete(let id, _),
             .memberAdd(let id, _), .memberUpdate(let id, _), .memberRemove(let id, _): id
        case .messageCreate(let id, _), .messageUpdate(let id, _), .messageDelete(let id, _, _): id
        }
    }

    /// Decodes dispatch `name` with data `d`; unknown names become `.other`.
    public static func decode(name: String, data d: JSONValue) throws -> GatewayEvent {
        func value<T: Decodable>(_ type: T.Type, _ key: String? = nil) throws -> T {
            try JSONValue.decode(T.self, from: key.map { d[$0] ?? .null } ?? d)
        }
        func guild() throws -> Snowflake { try value(Snowflake.self, "guild_id") }
        func optionalGuild() -> Snowflake? { try? value(Snowflake.self, "guild_id") }
        switch name {
        case "READY": return .ready(try value(Ready.self))
        case "RESUMED": return .resumed
        case "GUILD_CREATE": return .guildCreate(try value(GuildCreate.self))
        case "GUILD_DELETE":
            return .guildDelete(guildID: try value(Snowflake.self, "id"), unavailable: d["unavailable"]?.boolValue ?? false)
        case "CHANNEL_CREATE": return .channelCreate(try value(Channel.self))
        case "CHANNEL_UPDATE": return .channelUpdate(try value(Channel.self))
        case "CHANNEL_DELETE": return .channelDelete(try value(Channel.self))
        case "THREAD_CREATE": return .threadCreate(try value(Channel.self))
        case "THREAD_UPDATE": return .threadUpdate(try value(Channel.self))
        case "THREAD_DELETE": return .threadDelete(try value(Channel.self))
        case "THREAD_MEMBERS_UPDATE": return .threadMembersUpdate(try value(ThreadMembersUpdate.self))
        case "GUILD_ROLE_CREATE": return .roleCreate(guildID: try guild(), role: try value(Role.self, "role"))
        case "GUILD_ROLE_UPDATE": return .roleUpdate(guildID: try guild(), role: try value(Role.self, "role"))
        case "GUILD_ROLE_DELETE": return .roleDelete(guildID: try guild(), roleID: try value(Snowflake.self, "role_id"))
        case "GUILD_MEMBER_ADD": return .memberAdd(guildID: try guild(), member: try value(GuildMember.self))
        case "GUILD_MEMBER_UPDATE": return .memberUpdate(guildID: try guild(), member: try value(GuildMember.self))
        case "GUILD_MEMBER_REMOVE": return .memberRemove(guildID: try guild(), user: try value(User.self, "user"))
        case "MESSAGE_CREATE": return .messageCreate(guildID: optionalGuild(), message: try value(Message.self))
        case "MESSAGE_UPDATE": return .messageUpdate(guildID: optionalGuild(), message: try value(Message.self))
        case "MESSAGE_DELETE":
            return .messageDelete(guildID: optionalGuild(), channelID: try value(Snowflake.self, "channel_id"),
                                  messageID: try value(Snowflake.self, "id"))
        default: return .other(name)
        }
    }
}
