import DiscordTypes
import Foundation

/// Messages: create, get, edit, delete, pins. Content ≤ 2000, ≤ 10 embeds within Discord's
/// embed limits; posting in an archived thread unarchives it unless it is locked.
extension DiscordEmulator {
    static let messageChannelTypes: Set<ChannelType> = [
        .guildText, .guildVoice, .guildAnnouncement, .announcementThread, .publicThread, .privateThread, .guildStageVoice,
    ]
    static let maxPins = 50

    func createMessage(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel) = try channel(c)
        var r = BodyReader(c.body)
        let content = r.string("content", max: 2000)
        let embeds = validateEmbeds(&r)
        var nonce: String?
        if let value = r.body["nonce"], value != .null {
            switch value {
            case .string(let text) where text.count <= 25: nonce = text
            case .number: nonce = value.displayText
            default: r.errors.add(["nonce"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
            }
        }
        let enforceNonce = r.bool("enforce_nonce") ?? false
        try r.errors.throwIfAny()
        if enforceNonce, let nonce, let earlier = guild.messages.values.first(where: {
            $0.channelID == channel.id && $0.authorID == c.botID && $0.nonce == nonce
                && c.now.timeIntervalSince($0.timestamp) < 300
        }) {
            // Discord answers a repeated nonce with the message it already created.
            return .json(200, Render.message(earlier, author: user(c.botID), guildID: guild.id))
        }
        if (content ?? "").isEmpty, embeds.isEmpty, r.body["components"] == nil, r.body["sticker_ids"] == nil {
            throw APIError.emptyMessage
        }
        guard Self.messageChannelTypes.contains(channel.type) else { throw APIError.nonTextChannel }
        let permissions = PermissionCalculator(guild: guild).inChannel(c.botID, channel)
        guard permissions.contains(channel.isThread ? .sendMessagesInThreads : .sendMessages) else {
            throw APIError.missingPermissions
        }
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
        try require(.readMessageHistory, in: guild, channel: channel, c)
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
        try require(.readMessageHistory, in: guild, channel: channel, c)
        return .json(200, Render.message(message, author: user(message.authorID), guildID: guild.id))
    }

    func editMessage(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel, existing) = try message(c)
        var message = existing
        var r = BodyReader(c.body)
        let content = r.string("content", max: 2000)
        let embeds = r.has("embeds") ? validateEmbeds(&r) : nil
        let flags = r.int("flags")
        try r.errors.throwIfAny()
        if channel.isThread, channel.archived { throw APIError.archivedThread }
        if message.authorID != c.botID {
            if content != nil || embeds != nil { throw APIError.notAuthor }
            try require(.manageMessages, in: guild, channel: channel, c)
        }
        if r.has("content") { message.content = content ?? "" }
        if let embeds { message.embeds = embeds }
        if let flags { message.flags = flags }
        if message.content.isEmpty, message.embeds.isEmpty { throw APIError.emptyMessage }
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

    /// Checks `embeds` against Discord's limits (DISCORD.md §4) and returns them.
    func validateEmbeds(_ r: inout BodyReader) -> [JSONValue] {
        guard let value = r.body["embeds"], value != .null else { return [] }
        guard case .array(let embeds) = value else {
            r.errors.add(["embeds"], "BASE_TYPE_ARRAY", "Could not interpret value as array.")
            return []
        }
        if embeds.count > 10 { r.errors.add(["embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.") }
        var total = 0
        for (index, embed) in embeds.enumerated() {
            var e = BodyReader(embed, prefix: ["embeds", String(index)])
            total += e.string("title", max: 256)?.count ?? 0
            total += e.string("description", max: 4096)?.count ?? 0
            if let footer = embed["footer"] {
                var f = BodyReader(footer, prefix: ["embeds", String(index), "footer"])
                total += f.string("text", required: true, max: 2048)?.count ?? 0
                for leaf in f.errors.leaves { e.errors.add(leaf.path, leaf.code, leaf.message) }
            }
            if let author = embed["author"] {
                var a = BodyReader(author, prefix: ["embeds", String(index), "author"])
                total += a.string("name", required: true, max: 256)?.count ?? 0
                for leaf in a.errors.leaves { e.errors.add(leaf.path, leaf.code, leaf.message) }
            }
            let fields = embed["fields"]?.arrayValue ?? []
            if fields.count > 25 { e.errors.add(["embeds", String(index), "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.") }
            for (fieldIndex, field) in fields.enumerated() {
                var f = BodyReader(field, prefix: ["embeds", String(index), "fields", String(fieldIndex)])
                total += f.string("name", required: true, max: 256)?.count ?? 0
                total += f.string("value", required: true, max: 1024)?.count ?? 0
                for leaf in f.errors.leaves { e.errors.add(leaf.path, leaf.code, leaf.message) }
            }
            for leaf in e.errors.leaves { r.errors.add(leaf.path, leaf.code, leaf.message) }
        }
        if total > 6000 {
            r.errors.add(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
        }
        var result = embeds
        for index in result.indices {
            if case .object(var object) = result[index] {
                object["type"] = object["type"] ?? .string("rich")
                result[index] = .object(object)
            }
        }
        return result
    }
}
