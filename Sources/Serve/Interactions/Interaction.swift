import DiscordTypes
import Foundation

/// The parts of an incoming interaction that `serve` reads (interactions/receiving-and-responding.mdx).
struct Interaction: Decodable, Sendable {
    /// Discord's interaction types.
    enum Kind: Int, Sendable {
        case ping = 1, applicationCommand = 2, messageComponent = 3, autocomplete = 4, modalSubmit = 5
    }

    var id: Snowflake
    var applicationId: Snowflake
    var type: Int
    var token: String?
    var guildId: Snowflake?
    var data: CommandData?
    var member: Member?
    var user: User?

    var kind: Kind? { Kind(rawValue: type) }

    struct CommandData: Decodable, Sendable {
        var name: String
        var options: [Option]?
    }

    /// A command option; `value` is kept as text (our options are strings).
    struct Option: Decodable, Sendable {
        var name: String
        var value: String?

        enum CodingKeys: String, CodingKey { case name, value }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            if let text = try? c.decode(String.self, forKey: .value) {
                value = text
            } else if let number = try? c.decode(Int.self, forKey: .value) {
                value = String(number)
            } else {
                value = nil
            }
        }
    }

    struct Member: Decodable, Sendable {
        var roles: [Snowflake]
        var user: User?
    }

    struct User: Decodable, Sendable {
        var id: Snowflake
        var username: String?
    }

    /// The user who invoked it (in a guild: the member's user).
    var invoker: User? { member?.user ?? user }

    func option(_ name: String) -> String? { data?.options?.first { $0.name == name }?.value }
}

/// What `serve` answers an interaction with (the HTTP response body).
struct InteractionResponse: Encodable, Sendable {
    /// Discord's callback types.
    enum Kind: Int, Encodable, Sendable {
        case pong = 1, channelMessage = 4, deferredChannelMessage = 5
    }

    struct Message: Encodable, Sendable {
        /// Nil in a deferred answer (type 5): only its flags count.
        var content: String?
        /// `MessageFlags.ephemeral` when only the invoker sees it.
        var flags: Int?
        /// Nobody is pinged by our replies.
        var allowedMentions = AllowedMentions()
    }

    struct AllowedMentions: Encodable, Sendable { var parse: [String] = [] }

    static let ephemeral = MessageFlags.ephemeral.rawValue

    var type: Kind
    var data: Message?

    static let pong = InteractionResponse(type: .pong, data: nil)

    static func message(_ content: String, ephemeral: Bool) -> InteractionResponse {
        InteractionResponse(type: .channelMessage, data: Message(content: clipped(content), flags: ephemeral ? Self.ephemeral : nil))
    }

    /// Discord's 2000-character message limit, with a note when cut.
    static func clipped(_ text: String) -> String {
        guard text.count > 2000 else { return text }
        return String(text.prefix(1960)) + "\n… (cut: too long for one message)"
    }

    static func deferred(ephemeral: Bool) -> InteractionResponse {
        InteractionResponse(type: .deferredChannelMessage,
                            data: ephemeral ? Message(content: nil, flags: Self.ephemeral) : nil)
    }
}
