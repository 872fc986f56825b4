import DiscordTypes

extension DiscordClient {
    /// `PATCH /webhooks/{app}/{token}/messages/@original`: replaces a deferred interaction's
    /// "thinking…" message with the answer (the token is valid 15 minutes after the
    /// interaction). Only `content` is sent; nobody is pinged.
    @discardableResult
    public func editOriginalInteractionResponse(applicationID: Snowflake, token: String, content: String) async throws -> Message {
        try await call(Route(.editOriginalInteractionResponse, applicationID, token),
                       body: InteractionMessageRequest(content: content))
    }

    /// `POST /webhooks/{app}/{token}`: a further message after the first answer.
    @discardableResult
    public func createFollowupMessage(applicationID: Snowflake, token: String, content: String, ephemeral: Bool) async throws -> Message {
        try await call(Route(.createFollowupMessage, applicationID, token),
                       body: InteractionMessageRequest(content: content, flags: ephemeral ? MessageFlags.ephemeral.rawValue : nil))
    }
}

/// The body of an interaction webhook message: text only, mentions parse nothing.
public struct InteractionMessageRequest: Sendable, Hashable, Encodable {
    public var content: String
    public var flags: Int?
    public var allowedMentions = AllowedMentions()

    public struct AllowedMentions: Sendable, Hashable, Encodable {
        public var parse: [String] = []
    }

    public init(content: String, flags: Int? = nil) {
        self.content = content
        self.flags = flags
    }

    enum CodingKeys: String, CodingKey {
        case content, flags
        case allowedMentions = "allowed_mentions"
    }
}
