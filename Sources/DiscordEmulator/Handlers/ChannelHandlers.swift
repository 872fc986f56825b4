import DiscordTypes
import Foundation

/// Guild channel endpoints: list, create, get, modify, delete, bulk positions.
extension DiscordEmulator {
    static let creatableChannelTypes = [0, 2, 4, 5, 13, 15, 16]
    static let maxChannels = 500
    static let maxChannelsPerCategory = 50

    func listChannels(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        return .json(200, .array(guild.guildChannels.map(Render.channel)))
    }

    func getChannel(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (_, channel) = try channel(c)
        return .json(200, Render.channel(channel))
    }

    func createChannel(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        var guild = try guild(c)
        var r = BodyReader(c.body)
        let rawName = r.string("name", required: true, min: 1, max: 100, trimmed: true)
        let type = ChannelType(rawValue: r.int("type", choices: Self.creatableChannelTypes) ?? 0)
        checkFeature(for: type, in: guild, &r)
        let topic = r.string("topic", max: type == .guildForum || type == .guildMedia ? 4096 : 1024)
        let parentID = r.snowflake("parent_id")
        let position = r.int("position")
        let nsfw = r.bool("nsfw")
        let slowmode = r.int("rate_limit_per_user", min: 0, max: 21600)
        let bitrate = r.int("bitrate", min: 8000)
        let userLimit = r.int("user_limit", min: 0, max: type == .guildStageVoice ? 10000 : 99)
        let autoArchive = r.int("default_auto_archive_duration", choices: [60, 1440, 4320, 10080])
        let overwrites = parseOverwrites(&r, key: "permission_overwrites")
        var parent: EmulatedChannel?
        if let parentID {
            parent = guild.channels[parentID]
            validateParent(&r, parent: parent, type: type, guild: guild, movingID: nil)
        }
        try r.errors.throwIfAny()
        let name = EmulatorNormalization.channelName(rawName ?? "", type: type)
        if name.isEmpty { throw APIError.invalidField(["name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.") }
        if type.isVoice { try checkBitrate(bitrate, type: type, in: guild) }

        let calculator = PermissionCalculator(guild: guild)
        let canManage = calculator.base(c.botID).contains(.manageChannels)
            || parent.map { calculator.inChannel(c.botID, $0).contains(.manageChannels) } == true
        guard canManage else { throw APIError.missingPermissions }
        if let overwrites {
            try checkOverwriteChanges(guild: guild, channel: nil, parent: parent, old: [], new: overwrites, c)
        }
        guard guild.guildChannels.count < Self.maxChannels else { throw APIError.maxChannels }

        var channel = EmulatedChannel(id: state.nextID(at: c.now), type: type, guildID: guild.id, name: name)
        channel.parentID = parentID
        channel.topic = topic.flatMap { $0.isEmpty ? nil : $0 }
        channel.position = position ?? ((guild.guildChannels.filter { Self.sortGroup($0.type) == Self.sortGroup(type) }.map(\.position).max() ?? -1) + 1)
        channel.nsfw = nsfw ?? false
        channel.rateLimitPerUser = slowmode ?? 0
        if type.isVoice {
            channel.bitrate = bitrate ?? 64000
            channel.userLimit = userLimit ?? 0
        }
        channel.defaultAutoArchiveDuration = autoArchive
        // Without explicit overwrites a channel created in a category starts synced to it.
        channel.overwrites = overwrites ?? parent?.overwrites ?? []
        guild.channels[channel.id] = channel
        state.guilds[guild.id] = guild
        return .json(201, Render.channel(channel))
    }

    func modifyChannel(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, existing) = try channel(c)
        if existing.isThread { return try modifyThread(c, guild: guild, thread: existing) }
        var channel = existing
        var r = BodyReader(c.body)
        let rawName = r.string("name", min: 1, max: 100, trimmed: true)
        let type = r.int("type", choices: [0, 5])
        if let type, type != channel.type.rawValue { checkFeature(for: ChannelType(rawValue: type), in: guild, &r) }
        let topic = r.string("topic", max: channel.type == .guildForum || channel.type == .guildMedia ? 4096 : 1024)
        let position = r.int("position")
        let nsfw = r.bool("nsfw")
        let slowmode = r.int("rate_limit_per_user", min: 0, max: 21600)
        let bitrate = r.int("bitrate", min: 8000)
        let userLimit = r.int("user_limit", min: 0, max: channel.type == .guildStageVoice ? 10000 : 99)
        let autoArchive = r.int("default_auto_archive_duration", choices: [60, 1440, 4320, 10080])
        let overwrites = parseOverwrites(&r, key: "permission_overwrites")
        let parentGiven = r.has("parent_id")
        let parentID = r.snowflake("parent_id")
        if type != nil, ![0, 5].contains(channel.type.rawValue) {
            r.errors.add(["type"], "BASE_TYPE_CHOICES", "Value must be one of {0, 5}.")
        }
        var parent: EmulatedChannel?
        if let parentID {
            parent = guild.channels[parentID]
            validateParent(&r, parent: parent, type: channel.type, guild: guild, movingID: channel.id)
        }
        try r.errors.throwIfAny()

        try require(.manageChannels, in: guild, channel: channel, c)
        if channel.type.isVoice { try checkBitrate(bitrate, type: channel.type, in: guild) }
        if let overwrites {
            try checkOverwriteChanges(guild: guild, channel: channel, parent: parent ?? channel.parentID.flatMap { guild.channels[$0] },
                                      old: channel.overwrites, new: overwrites, c)
            channel.overwrites = overwrites
        }
        if let rawName {
            let name = EmulatorNormalization.channelName(rawName, type: channel.type)
            if name.isEmpty { throw APIError.invalidField(["name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.") }
            channel.name = name
        }
        if let type { channel.type = ChannelType(rawValue: type) }
        if r.has("topic") { channel.topic = topic.flatMap { $0.isEmpty ? nil : $0 } }
        if let position { channel.position = position }
        if let nsfw { channel.nsfw = nsfw }
        if let slowmode { channel.rateLimitPerUser = slowmode }
        if channel.type.isVoice {
            if let bitrate { channel.bitrate = bitrate }
            if let userLimit { channel.userLimit = userLimit }
        }
        if let autoArchive { channel.defaultAutoArchiveDuration = autoArchive }
        if parentGiven { channel.parentID = parentID }
        state.guilds[guild.id]!.channels[channel.id] = channel
        return .json(200, Render.channel(channel))
    }

    func deleteChannel(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel) = try channel(c)
        try require(channel.isThread ? .manageThreads : .manageChannels, in: guild, channel: channel, c)
        removeChannel(channel.id, from: guild.id)
        return .json(200, Render.channel(channel))
    }

    /// Removes a channel as Discord does: a category's children stay with `parent_id`
    /// cleared; the channel's threads and messages go with it.
    func removeChannel(_ id: Snowflake, from guildID: Snowflake) {
        guard var guild = state.guilds[guildID], let channel = guild.channels[id] else { return }
        guild.channels[id] = nil
        for child in guild.channels.values where child.parentID == id {
            if child.isThread { guild.channels[child.id] = nil } else { guild.channels[child.id]?.parentID = nil }
        }
        guild.messages = guild.messages.filter { guild.channels[$0.value.channelID] != nil }
        _ = channel
        state.guilds[guildID] = guild
    }

    func modifyChannelPositions(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        var guild = try guild(c)
        guard case .array(let items) = c.body else {
            throw APIError.invalidField([], "BASE_TYPE_ARRAY", "Could not interpret value as array.")
        }
        var errors = FormErrors()
        var moves: [(id: Snowflake, position: Int?, parent: Snowflake??, lock: Bool)] = []
        for (index, item) in items.enumerated() {
            var r = BodyReader(item, prefix: [String(index)])
            let id = r.snowflake("id", required: true)
            let position = r.int("position")
            let lock = r.bool("lock_permissions") ?? false
            var parent: Snowflake??
            if r.has("parent_id") { parent = .some(r.snowflake("parent_id")) }
            for error in r.errors.leaves { errors.add(error.path, error.code, error.message) }
            if let id { moves.append((id, position, parent, lock)) }
        }
        try errors.throwIfAny()
        try require(.manageChannels, in: guild, c)
        let parentChanges = moves.filter { move in
            guard let parent = move.parent else { return false }
            return guild.channels[move.id]?.parentID != parent
        }
        guard parentChanges.count <= 1 else { throw APIError.oneParentChange }
        for move in moves {
            guard let channel = guild.channels[move.id], !channel.isThread else { throw APIError.unknownChannel }
            if let parent = move.parent, let parentID = parent {
                var r = BodyReader(.object([:]))
                validateParent(&r, parent: guild.channels[parentID], type: channel.type, guild: guild, movingID: channel.id)
                try r.errors.throwIfAny()
            }
            if move.lock, !PermissionCalculator(guild: guild).base(c.botID).contains(.manageRoles) {
                throw APIError.missingPermissions
            }
        }
        for move in moves {
            if let position = move.position { guild.channels[move.id]!.position = position }
            if let parent = move.parent { guild.channels[move.id]!.parentID = parent }
            if move.lock, let parentID = guild.channels[move.id]!.parentID, let parent = guild.channels[parentID] {
                guild.channels[move.id]!.overwrites = parent.overwrites
            }
        }
        state.guilds[guild.id] = guild
        return .noContent
    }

    /// Announcement channels need the guild's `NEWS` feature and stage channels its
    /// `COMMUNITY` feature [guild.mdx: Guild Features; channel.mdx: Modify Channel `type`].
    /// What Discord answers is undocumented; the emulator answers 50035 on `type` with
    /// BASE_TYPE_CHOICES listing the types this guild can create.
    func checkFeature(for type: ChannelType, in guild: EmulatedGuild, _ r: inout BodyReader) {
        let needs: [ChannelType: String] = [.guildAnnouncement: "NEWS", .guildStageVoice: "COMMUNITY"]
        guard let feature = needs[type], !guild.hasFeature(feature) else { return }
        let allowed = Self.creatableChannelTypes.filter { candidate in
            needs[ChannelType(rawValue: candidate)].map(guild.hasFeature) ?? true
        }
        r.errors.choices(["type"], allowed)
    }

    /// The highest bitrate a channel of `type` may have in `guild` [channel.mdx: Modify
    /// Channel, bitrate footnote]: voice 96000, 128000 at boost level 1, 256000 at level 2,
    /// 384000 at level 3 or with `VIP_REGIONS`; stage 64000.
    static func maxBitrate(_ type: ChannelType, in guild: EmulatedGuild) -> Int {
        if type == .guildStageVoice { return 64000 }
        if guild.hasFeature("VIP_REGIONS") { return 384_000 }
        switch guild.premiumTier ?? 0 {
        case 1: return 128_000
        case 2: return 256_000
        case 3...: return 384_000
        default: return 96000
        }
    }

    /// 30052 when `bitrate` is above the cap for `type` in `guild`.
    func checkBitrate(_ bitrate: Int?, type: ChannelType, in guild: EmulatedGuild) throws(APIError) {
        if let bitrate, bitrate > Self.maxBitrate(type, in: guild) { throw APIError.bitrateTooHigh }
    }

    /// Categories sort apart from text-like and voice channels.
    static func sortGroup(_ type: ChannelType) -> Int {
        if type == .guildCategory { return 2 }
        return type.isVoice ? 1 : 0
    }

    /// Checks `parent_id`: it must be a category of this guild with room for one more
    /// channel, and categories cannot have parents.
    func validateParent(_ r: inout BodyReader, parent: EmulatedChannel?, type: ChannelType, guild: EmulatedGuild, movingID: Snowflake?) {
        guard let parent, parent.type == .guildCategory, type != .guildCategory else {
            r.errors.add(r.prefix + ["parent_id"], "CHANNEL_PARENT_INVALID_TYPE", "Not a category")
            return
        }
        let children = guild.channels.values.filter { $0.parentID == parent.id && !$0.isThread && $0.id != movingID }
        if children.count >= Self.maxChannelsPerCategory {
            r.errors.add(r.prefix + ["parent_id"], "CHANNEL_PARENT_MAX_CHANNELS",
                         "Maximum number of channels in category reached (\(Self.maxChannelsPerCategory))")
        }
    }
}
