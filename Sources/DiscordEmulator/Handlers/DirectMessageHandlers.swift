import DiscordTypes
import Foundation

/// Direct messages: `POST /users/@me/channels` opens (or returns) the DM channel with one
/// user; `POST /channels/{dm}/messages` sends in it. Discord refuses a DM with 403 50007
/// ("Cannot send messages to this user") when the user shares no guild with the bot or
/// has closed their DMs (`closeDirectMessages(of:)`); the emulator applies both rules.
extension DiscordEmulator {
    func createDirectChannel(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        var r = BodyReader(c.body)
        let recipient = r.body["recipient_id"].flatMap { value -> Snowflake? in
            if case .string(let text) = value { return Snowflake(string: text) }
            return value.intValue.map { Snowflake(UInt64($0)) }
        }
        if recipient == nil { r.errors.add(["recipient_id"], "BASE_TYPE_REQUIRED", "This field is required") }
        try r.errors.throwIfAny()
        guard let recipient, let user = user(recipient) else { throw APIError.unknownUser }
        let channel = directChannels.values.first { $0.botID == c.botID && $0.recipientID == recipient }
            ?? EmulatedDirectChannel(id: state.nextID(at: c.now), botID: c.botID, recipientID: recipient)
        directChannels[channel.id] = channel
        return .json(200, Self.renderDirectChannel(channel, recipient: user))
    }

    /// `POST /channels/{dm}/messages`: content (≤ 2000) and `allowed_mentions` only.
    func createDirectMessage(_ c: RequestContext, _ channel: EmulatedDirectChannel) throws(APIError) -> EmulatorResponse {
        guard channel.botID == c.botID else { throw APIError.missingAccess }
        var r = BodyReader(c.body)
        let content = r.string("content", max: 2000)
        _ = MentionRules.allowed(&r)
        try r.errors.throwIfAny()
        if EmulatorNormalization.trimmed(content ?? "").isEmpty { throw APIError.emptyMessage }
        let sharesGuild = state.guilds.values.contains {
            $0.members[c.botID] != nil && $0.members[channel.recipientID] != nil
        }
        guard sharesGuild, !closedDirectMessages.contains(channel.recipientID) else {
            throw APIError.cannotMessageUser
        }
        let message = EmulatedMessage(id: state.nextID(at: c.now), channelID: channel.id, authorID: c.botID,
                                      content: content ?? "", timestamp: c.now)
        directChannels[channel.id]!.messages.append(message)
        var rendered = Render.message(message, author: user(c.botID), guildID: 0)
        if case .object(var object) = rendered {
            object["guild_id"] = nil
            rendered = .object(object)
        }
        return .json(200, rendered)
    }

    static func renderDirectChannel(_ channel: EmulatedDirectChannel, recipient: EmulatedUser) -> JSONValue {
        .object([
            "id": .id(channel.id), "type": .int(1), "flags": .int(0),
            "last_message_id": channel.messages.last.map { .id($0.id) } ?? .null,
            "recipients": .array([Render.user(recipient)]),
        ])
    }
}
