import DiscordTypes
import Foundation

/// Messages: create, get, edit, delete, pins. Content ≤ 2000, ≤ 10 embeds within Discord's
/// embed limits, components per `ComponentValidator`; posting in an archived thread unarchives it unless it is locked.
extension DiscordEmulator {
    static let messageChannelTypes: Set<ChannelType> = [
        .guildText, .guildVoice, .guildAnnouncement, .announcementThread, .publicThread, .privateThread, .guildStageVoice,
    ]
    static let maxPins = 50

    func createMessage(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        if let id = Snowflake(string: c.params["channel_id"] ?? ""), let direct = directChannels[id] {
            return try createDirectMessage(c, direct)
        }
        let (guild, channel) = try channel(c)
        var r = BodyReader(c.body)
        let content = r.string("content", max: 2000)
        let embeds = EmbedValidator.validate(&r)
        let components = ComponentValidator.validate(&r)
        var nonce: String?
        if let value = r.body["nonce"], value != .null {
            switch value {
            case .string(let text) where text.count <= 25: nonce = text
            case .number: nonce = value.displayText
            default: r.errors.add(["nonce"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
            }
        }
        let enforceNonce = r.bool("enforce_nonce") ?? false
        let allowed = MentionRules.allowed(&r)
        try r.errors.throwIfAny()
        if enforceNonce, let nonce, let earlier = guild.messages.values.first(where: {
            $0.channelID == channel.id && $0.authorID == c.botID && $0.nonce == nonce
                && c.now.timeIntervalSince($0.timestamp) < 300
        }) {
            // Discord answers a repeated nonce with the message it already created.
            return .json(200, Render.message(earlier, author: user(c.botID), guildID: guild.id))
        }
        if EmulatorNormalization.trimmed(content ?? "").isEmpty, embeds.isEmpty,
           components.isEmpty, r.body["sticker_ids"] == nil {
            throw APIError.emptyMessage
        }
        guard Self.messageChannelTypes.contains(channel.type) else { throw APIError.nonTextChannel }
        let permissions = PermissionCalculator(guild: guild).inChannel(c.botID, channel)
        guard permissions.contains(channel.isThread ? .sendMessagesInThreads : .sendMessages) else {
            throw APIError.missingPermissions
        }
        try requireEmbedLinks(embeds, permissions)
        if channel.isThread {
            if channel.locked, !permissions.contains(.manageThreads) { throw APIError.lockedThread }
            if channel.type == .privateThread, channel.threadMembers[c.botID] == nil, !permissions.contains(.manageThreads) {
                throw APIError.missingAccess
            }
        }
        var message = EmulatedMessage(id: state.nextID(at: c.now), channelID: channel.id, authorID: c.botID,
                                      content: content ?? "", embeds: embeds, timestamp: c.now)
        message.flags = r.body["flags"]?.intValue ?? 0
        message.nonce = nonce
        message.components = components.isEmpty ? nil : components
        message.pings = MentionRules.pings(content ?? "", allowed, guild: guild, permissions: permissions)
        state.guilds[guild.id]!.messages[message.id] = message
        state.guilds[guild.id]!.channels[channel.id]!.lastMessageID = message.id
        if channel.isThread {
            state.guilds[guild.id]!.channels[channel.id]!.messageCount += 1
            if channel.archived {
                state.guilds[guild.id]!.channels[channel.id]!.archived = false
                state.guilds[guild.id]!.channels[channel.id]!.archiveTimestamp = c.now
            }
        }
        return .json(200, Render.message(message, author: user(c.botID), guildID: guild.id))
    }

    func message(_ c: RequestContext) throws(APIError) -> (EmulatedGuild, EmulatedChannel, EmulatedMessage) {
        let (guild, channel) = try channel(c)
        let id = try snowflake(c, "message_id")
        guard let message = guild.messages[id], message.channelID == channel.id else { throw APIError.unknownMessage }
        return (guild, channel, message)
    }

    /// `GET /channels/{c}/messages?limit=&before=&after=`: newest first; with `after`, the
    /// `limit` messages right after the cursor (still newest first).
    func listMessages(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel) = try channel(c)
        try require(Self.readHistory(channel), in: guild, channel: channel, c)
        let limit = try queryInt(c, "limit", default: 50, min: 1, max: 100)
        let before = c.query["before"].flatMap { Snowflake(string: $0) }
        let after = c.query["after"].flatMap { Snowflake(string: $0) }
        var messages = guild.messages.values.filter { $0.channelID == channel.id }.sorted { $0.id < $1.id }
        if let before { messages = messages.filter { $0.id < before } }
        let page: [EmulatedMessage]
        if let after {
            page = Array(messages.filter { $0.id > after }.prefix(limit).reversed())
        } else {
            page = Array(messages.suffix(limit).reversed())
        }
        return .json(200, .array(page.map { Render.message($0, author: user($0.authorID), guildID: guild.id) }))
    }

    func getMessage(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel, message) = try message(c)
        try require(Self.readHistory(channel), in: guild, channel: channel, c)
        return .json(200, Render.message(message, author: user(message.authorID), guildID: guild.id))
    }

    func editMessage(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel, existing) = try message(c)
        var message = existing
        var r = BodyReader(c.body)
        let content = r.string("content", max: 2000)
        let embeds = r.has("embeds") ? EmbedValidator.validate(&r) : nil
        let components = r.has("components") ? ComponentValidator.validate(&r) : nil
        let flags = r.int("flags")
        try r.errors.throwIfAny()
        if channel.isThread, channel.archived { throw APIError.archivedThread }
        if message.authorID != c.botID {
            if content != nil || embeds != nil || components != nil { throw APIError.notAuthor }
            try require(.manageMessages, in: guild, channel: channel, c)
        }
        try requireEmbedLinks(embeds ?? [], PermissionCalculator(guild: guild).inChannel(c.botID, channel))
        if r.has("content") { message.content = content ?? "" }
        if let embeds { message.embeds = embeds }
        if let components { message.components = components.isEmpty ? nil : components }
        if let flags { message.flags = flags }
        if EmulatorNormalization.trimmed(message.content).isEmpty, message.embeds.isEmpty,
           message.components == nil { throw APIError.emptyMessage }
        message.editedTimestamp = c.now
        state.guilds[guild.id]!.messages[message.id] = message
        return .json(200, Render.message(message, author: user(message.authorID), guildID: guild.id))
    }

    func deleteMessage(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel, message) = try message(c)
        if message.authorID != c.botID { try require(.manageMessages, in: guild, channel: channel, c) }
        state.guilds[guild.id]!.messages[message.id] = nil
        return .noContent
    }

    func listPins(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel) = try channel(c)
        try require(.readMessageHistory, in: guild, channel: channel, c)
        let limit = try queryInt(c, "limit", default: 50, min: 1, max: 50)
        let pinned = guild.messages.values.filter { $0.channelID == channel.id && $0.pinned }
            .sorted { ($0.pinnedAt ?? .distantPast, $0.id) > ($1.pinnedAt ?? .distantPast, $1.id) }
        let page = pinned.prefix(limit)
        let items: [JSONValue] = page.map { message in
            .object(["pinned_at": .time(message.pinnedAt),
                     "message": Render.message(message, author: user(message.authorID), guildID: guild.id)])
        }
        return .json(200, .object(["items": .array(items), "has_more": .bool(pinned.count > page.count)]))
    }

    func pinMessage(_ c: RequestContext, pin: Bool) throws(APIError) -> EmulatorResponse {
        let (guild, channel, message) = try message(c)
        try require(.pinMessages, in: guild, channel: channel, c)
        if channel.isThread, channel.archived { throw APIError.archivedThread }
        if pin, !message.pinned {
            let count = guild.messages.values.filter { $0.channelID == channel.id && $0.pinned }.count
            guard count < Self.maxPins else { throw APIError.maxPins }
        }
        state.guilds[guild.id]!.messages[message.id]!.pinned = pin
        state.guilds[guild.id]!.messages[message.id]!.pinnedAt = pin ? (message.pinnedAt ?? c.now) : nil
        return .noContent
    }

    /// Reading messages needs READ_MESSAGE_HISTORY, and CONNECT too in a voice or stage
    /// channel [message.mdx: Get Channel Message(s)].
    static func readHistory(_ channel: EmulatedChannel) -> Permissions {
        channel.type.isVoice ? [.readMessageHistory, .connect] : .readMessageHistory
    }

    /// Embeds need EMBED_LINKS (voided without the right to send, permissions.mdx "Implicit
    /// Permissions"). The docs do not say what happens without it; the emulator refuses the
    /// message with 50013 rather than dropping the embeds (docs/emulator-fidelity.md).
    func requireEmbedLinks(_ embeds: [JSONValue], _ permissions: Permissions) throws(APIError) {
        if !embeds.isEmpty, !permissions.contains(.embedLinks) { throw APIError.missingPermissions }
    }
}
