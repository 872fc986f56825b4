import DiscordTypes
import Foundation

/// Who a new message actually notifies, by Discord's documented rules for `allowed_mentions`
/// (resources/message.mdx, "Allowed Mentions Object"), kept apart from the product's code:
///
/// - without `allowed_mentions` every mention in the content may ping (users, roles,
///   `@everyone`/`@here`); with it, only what `parse` names (`users`, `roles`, `everyone`)
///   plus the ids listed in `users` and `roles` (each at most 100);
/// - `parse: ["users"]` together with a `users` list (or `roles` with `roles`) is a
///   validation error (50035), as is an unknown `parse` value;
/// - a mention pings only if it is in the content: `<@id>`/`<@!id>` of a guild member,
///   `<@&id>` of a role that is mentionable or when the author may mention everyone,
///   `@everyone`/`@here` only with MENTION_EVERYONE. A backslash before `<` or `@` makes the
///   text literal, and so does anything between `@` and the word (a zero-width space).
///
/// Mentions inside code spans are counted too: stricter than Discord, which renders them
/// literally.
enum MentionRules {
    /// What `allowed_mentions` permits; nil fields mean "parse all of that kind".
    struct Allowed: Sendable {
        var parse: Set<String>
        var users: Set<Snowflake>
        var roles: Set<Snowflake>
    }

    static let parseValues: Set<String> = ["users", "roles", "everyone"]

    /// Reads and validates `allowed_mentions`, adding Discord's form errors to `reader`.
    static func allowed(_ reader: inout BodyReader) -> Allowed {
        guard let value = reader.body["allowed_mentions"], value != .null else {
            return Allowed(parse: parseValues, users: [], roles: [])
        }
        guard let object = value.objectValue else {
            reader.errors.add(["allowed_mentions"], "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType")
            return Allowed(parse: [], users: [], roles: [])
        }
        var allowed = Allowed(parse: [], users: [], roles: [])
        if let parse = object["parse"], parse != .null {
            for (index, item) in (parse.arrayValue ?? [parse]).enumerated() {
                guard let text = item.stringValue, parseValues.contains(text) else {
                    reader.errors.add(["allowed_mentions", "parse", "\(index)"], "BASE_TYPE_CHOICES",
                                      "Value must be one of {'everyone', 'roles', 'users'}.")
                    continue
                }
                allowed.parse.insert(text)
            }
        }
        func ids(_ field: String) -> Set<Snowflake> {
            guard let list = object[field], list != .null else { return [] }
            guard let items = list.arrayValue else {
                reader.errors.add(["allowed_mentions", field], "BASE_TYPE_ARRAY", "Must be an array.")
                return []
            }
            if items.count > 100 {
                reader.errors.add(["allowed_mentions", field], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
            }
            var result: Set<Snowflake> = []
            for (index, item) in items.enumerated() {
                guard let id = item.snowflakeValue else {
                    reader.errors.add(["allowed_mentions", field, "\(index)"], "NUMBER_TYPE_COERCE",
                                      "Value \"\(item.displayText)\" is not snowflake.")
                    continue
                }
                result.insert(id)
            }
            return result
        }
        allowed.users = ids("users")
        allowed.roles = ids("roles")
        for (kind, listed) in [("users", allowed.users), ("roles", allowed.roles)]
        where allowed.parse.contains(kind) && object[kind].map({ $0 != .null }) == true && !listed.isEmpty {
            reader.errors.add(["allowed_mentions"], "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                              "parse:[\"\(kind)\"] and \(kind): [ids] are mutually exclusive.")
        }
        return allowed
    }

    /// Who `content` pings under `allowed`, posted by an author with `permissions` in `guild`.
    static func pings(_ content: String, _ allowed: Allowed, guild: EmulatedGuild, permissions: Permissions) -> MessagePings {
        let mentions = scan(content)
        let mayMentionAll = permissions.contains(.mentionEveryone)
        let users = mentions.users.filter { guild.members[$0] != nil }
            .filter { allowed.parse.contains("users") || allowed.users.contains($0) }
        let roles = mentions.roles.filter { id in
            guard let role = guild.roles[id], role.mentionable || mayMentionAll else { return false }
            return allowed.parse.contains("roles") || allowed.roles.contains(id)
        }
        return MessagePings(users: users.sorted(), roles: roles.sorted(),
                            everyone: mentions.everyone && mayMentionAll && allowed.parse.contains("everyone"))
    }

    /// The mentions written in `content`: `<@id>`, `<@!id>`, `<@&id>`, `@everyone`, `@here`,
    /// none escaped by a backslash.
    static func scan(_ content: String) -> (users: Set<Snowflake>, roles: Set<Snowflake>, everyone: Bool) {
        let characters = Array(content)
        var users: Set<Snowflake> = [], roles: Set<Snowflake> = []
        var everyone = false
        var index = 0
        func escaped(_ position: Int) -> Bool {
            var count = 0
            var cursor = position - 1
            while cursor >= 0, characters[cursor] == "\\" { count += 1; cursor -= 1 }
            return count % 2 == 1
        }
        while index < characters.count {
            let character = characters[index]
            if character == "<", index + 1 < characters.count, characters[index + 1] == "@", !escaped(index) {
                var cursor = index + 2
                var isRole = false
                if cursor < characters.count, characters[cursor] == "&" { isRole = true; cursor += 1 }
                else if cursor < characters.count, characters[cursor] == "!" { cursor += 1 }
                let start = cursor
                while cursor < characters.count, characters[cursor].isASCII, characters[cursor].isNumber { cursor += 1 }
                if cursor > start, cursor < characters.count, characters[cursor] == ">",
                   let id = Snowflake(string: String(characters[start..<cursor])) {
                    if isRole { roles.insert(id) } else { users.insert(id) }
                    index = cursor + 1
                    continue
                }
            }
            if character == "@", !escaped(index) {
                let rest = String(characters[(index + 1)...].prefix(8))
                if rest.hasPrefix("everyone") || rest.hasPrefix("here") { everyone = true }
            }
            index += 1
        }
        return (users, roles, everyone)
    }
}

/// Who a message notified when it was created (`MentionRules`): what tests assert pings on.
public struct MessagePings: Sendable, Codable, Hashable {
    public var users: [Snowflake]
    public var roles: [Snowflake]
    /// `@everyone` or `@here` notified.
    public var everyone: Bool

    public init(users: [Snowflake] = [], roles: [Snowflake] = [], everyone: Bool = false) {
        self.users = users
        self.roles = roles
        self.everyone = everyone
    }

    /// Nobody at all.
    public var isEmpty: Bool { users.isEmpty && roles.isEmpty && !everyone }
}
