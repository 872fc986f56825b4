import DiscordTypes
import Foundation

extension DiscordEmulator {
    /// Opens an interaction as Discord does when a user runs a command: a fresh id and token
    /// the app's follow-ups must use. The test sends the (signed) payload to the app itself.
    public func openInteraction(applicationID: Snowflake, guildID: Snowflake, channelID: Snowflake) -> InteractionTicket {
        let id = state.nextID(at: now)
        let token = "aW50ZXJhY3Rpb24" + id.description + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        interactions[token] = EmulatedInteraction(id: id, applicationID: applicationID, token: token, guildID: guildID,
                                                  channelID: channelID, createdAt: now)
        return InteractionTicket(id: id, token: token)
    }

    /// Records the app's inline HTTP answer to an interaction (what Discord reads from the
    /// response to its POST): callback `type` and, for type 4, the message.
    public func acknowledgeInteraction(token: String, type: Int, content: String? = nil, flags: Int? = nil) throws {
        guard var interaction = interactions[token] else { throw EmulatorHookError.unknownInteraction }
        guard interaction.acknowledgedWith == nil else { throw EmulatorHookError.alreadyAcknowledged }
        interaction.acknowledgedWith = type
        interaction.original = content
        interaction.originalFlags = flags
        interactions[token] = interaction
    }

    /// The interaction with `token` and what the app answered.
    public func interaction(token: String) -> EmulatedInteraction? { interactions[token] }

    // MARK: Routes

    /// `POST /interactions/{id}/{token}/callback`: the first answer, within 3 s, once.
    func interactionCallback(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        guard let token = c.params["interaction_token"], var interaction = interactions[token],
              interaction.id.description == c.params["interaction_id"],
              c.now.timeIntervalSince(interaction.createdAt) <= EmulatedInteraction.answerDeadline else {
            throw APIError.unknownInteraction
        }
        guard interaction.acknowledgedWith == nil else { throw APIError.interactionAcknowledged }
        var r = BodyReader(c.body)
        let type = r.int("type", required: true, choices: [1, 4, 5, 6, 7, 8, 9, 10, 12])
        var content: String?
        var flags: Int?
        if type == 4 || type == 5, let data = c.body["data"] {
            var d = BodyReader(data, prefix: ["data"])
            content = d.string("content", max: 2000)
            flags = d.int("flags")
            if let flags, flags & ~(64 | 4096) != 0 || (type == 5 && flags & ~64 != 0) {
                d.errors.add(["data", "flags"], "MESSAGE_FLAGS_INVALID", "Invalid flags")
            }
            for leaf in d.errors.leaves { r.errors.add(leaf.path, leaf.code, leaf.message) }
        }
        if type == 4 && (content ?? "").isEmpty { r.errors.add(["data", "content"], "BASE_TYPE_REQUIRED", "This field is required") }
        try r.errors.throwIfAny()
        interaction.acknowledgedWith = type
        interaction.original = content
        interaction.originalFlags = flags
        interactions[c.params["interaction_token"] ?? ""] = interaction
        return EmulatorResponse(status: 204)
    }

    /// `PATCH /webhooks/{app}/{token}/messages/@original`: edits the first answer (a deferred
    /// one's "thinking…"), while the token lives (15 minutes) and once acknowledged.
    func editOriginalInteractionResponse(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        var interaction = try liveInteraction(c)
        guard interaction.acknowledgedWith != nil else { throw APIError.unknownMessage }
        var r = BodyReader(c.body)
        let content = r.string("content", max: 2000)
        try r.errors.throwIfAny()
        if let content { interaction.original = content }
        interaction.edits += 1
        interactions[interaction.token] = interaction
        return .json(200, webhookMessage(interaction, id: interaction.id, content: interaction.original ?? "",
                                         flags: interaction.originalFlags ?? 0))
    }

    /// `POST /webhooks/{app}/{token}`: a follow-up message (after the first answer).
    func createFollowupMessage(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        var interaction = try liveInteraction(c)
        guard interaction.acknowledgedWith != nil else { throw APIError.unknownWebhook }
        var r = BodyReader(c.body)
        let content = r.string("content", max: 2000) ?? ""
        let flags = r.int("flags") ?? 0
        if flags & ~(64 | 4096) != 0 { r.errors.add(["flags"], "MESSAGE_FLAGS_INVALID", "Invalid flags") }
        try r.errors.throwIfAny()
        guard !content.isEmpty else { throw APIError.emptyMessage }
        interaction.followups.append(content)
        interactions[interaction.token] = interaction
        return .json(200, webhookMessage(interaction, id: state.nextID(at: c.now), content: content, flags: flags))
    }

    /// The interaction of a webhook route: its application, within the token's lifetime;
    /// otherwise 10015 Unknown Webhook, as Discord answers an expired token.
    private func liveInteraction(_ c: RequestContext) throws(APIError) -> EmulatedInteraction {
        guard let token = c.params["interaction_token"], let interaction = interactions[token],
              interaction.applicationID.description == c.params["application_id"],
              c.now.timeIntervalSince(interaction.createdAt) <= EmulatedInteraction.tokenLifetime else {
            throw APIError.unknownWebhook
        }
        return interaction
    }

    private func webhookMessage(_ interaction: EmulatedInteraction, id: Snowflake, content: String, flags: Int) -> JSONValue {
        .object([
            "id": .id(id), "channel_id": .id(interaction.channelID), "content": .string(content),
            "author": .object(["id": .id(interaction.applicationID), "username": .string("app"), "bot": .bool(true)]),
            "embeds": .array([]), "pinned": .bool(false), "timestamp": .time(interaction.createdAt), "type": .int(20),
            "flags": .int(flags), "webhook_id": .id(interaction.applicationID),
        ])
    }
}

/// Misuse of a test hook.
public enum EmulatorHookError: Error, Sendable {
    case unknownInteraction, alreadyAcknowledged
}
