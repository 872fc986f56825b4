import DiscordTypes
import Foundation

extension DiscordClient {
    /// `POST /users/@me/channels` then `POST /channels/{dm}/messages`: sends `content` to one
    /// user by DM, pinging nobody (`allowed_mentions: {parse: []}`). A user who refuses DMs
    /// answers 403 with `DiscordEndpoint.cannotMessageUserCode`. Returns the message.
    public func sendDirectMessage(to userID: Snowflake, content: String) async throws -> Message {
        let channel: DirectChannel = try await call(Route(.createDM), body: CreateDMRequest(recipientID: userID))
        return try await createMessage(in: channel.id, CreateMessageRequest(content: content,
                                                                           allowedMentions: AllowedMentions(parse: [])))
    }
}

/// `{recipient_id}` for `POST /users/@me/channels`.
struct CreateDMRequest: Encodable, Sendable {
    var recipientID: Snowflake

    enum CodingKeys: String, CodingKey { case recipientID = "recipient_id" }
}

/// The part of a DM channel the client reads.
struct DirectChannel: Decodable, Sendable {
    var id: Snowflake
}
