import DiscordTypes
import Foundation

/// Threads: start without a message, modify (archive, lock, rename), members, listings.
extension DiscordEmulator {
    static let autoArchiveChoices = [60, 1440, 4320, 10080]

    func startThread(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, parent) = try channel(c)
        var r = BodyReader(c.body)
        let name = r.string("name", required: true, min: 1, max: 100, trimmed: true)
        let requested = r.int("type", choices: [10, 11, 12]) ?? 12
        let invitable = r.bool("invitable")
        let autoArchive = r.int("auto_archive_duration", choices: Self.autoArchiveChoices)
        let slowmode = r.int("rate_limit_per_user", min: 0, max: 21600)
        try r.errors.throwIfAny()
        var type = ChannelType(rawValue: requested)
        switch (parent.type, type) {
        case (.guildText, .privateThread), (.guildText, .publicThread): break
        case (.guildAnnouncement, .publicThread), (.guildAnnouncement, .announcementThread): type = .announcementThread
        default: throw APIError.wrongChannelType
        }
        try require(type == .privateThread ? .createPrivateThreads : .createPublicThreads, in: guild, channel: parent, c)
        let active = guild.channels.values.filter { $0.isThread && !$0.archived }.count
        guard active < 1000 else {
            throw APIError(status: 400, code: 160006, message: "Maximum number of active threads reached")
        }
        var thread = EmulatedChannel(id: state.nextID(at: c.now), type: type, guildID: guild.id,
                                     name: EmulatorNormalization.channelName(name ?? "", type: type), parentID: parent.id)
        thread.ownerID = c.botID
        thread.createTimestamp = c.now
        thread.autoArchiveDuration = autoArchive ?? parent.defaultAutoArchiveDuration ?? 4320
        thread.rateLimitPerUser = slowmode ?? 0
        if type == .privateThread { thread.invitable = invitable ?? true }
        thread.threadMembers[c.botID] = c.now
        state.guilds[guild.id]!.channels[thread.id] = thread
        return .json(201, Render.channel(thread))
    }

    func modifyThread(_ c: RequestContext, guild: EmulatedGuild, thread existing: EmulatedChannel) throws(APIError) -> EmulatorResponse {
        var thread = existing
        var r = BodyReader(c.body)
        let name = r.string("name", min: 1, max: 100, trimmed: true)
        let archived = r.bool("archived")
        let autoArchive = r.int("auto_archive_duration", choices: Self.autoArchiveChoices)
        let locked = r.bool("locked")
        let invitable = r.bool("invitable")
        let slowmode = r.int("rate_limit_per_user", min: 0, max: 21600)
        try r.errors.throwIfAny()
        let permissions = PermissionCalculator(guild: guild).inChannel(c.botID, thread)
        let manages = permissions.contains(.manageThreads)
        let isCreator = thread.ownerID == c.botID
        if thread.archived, archived != false { throw APIError.archivedThread }
        if thread.locked, !manages { throw APIError.lockedThread }
        if (locked != nil && locked != thread.locked) || slowmode != nil || (invitable != nil && invitable != thread.invitable) {
            guard manages else { throw APIError.missingPermissions }
        }
        if name != nil || archived == true || autoArchive != nil {
            guard manages || isCreator else { throw APIError.missingPermissions }
        }
        if archived == false, !manages, !permissions.contains(.sendMessages) { throw APIError.missingPermissions }
        if let name { thread.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let archived, archived != thread.archived {
            thread.archived = archived
            thread.archiveTimestamp = c.now
        }
        if let autoArchive { thread.autoArchiveDuration = autoArchive }
        if let locked { thread.locked = locked }
        if let invitable, thread.type == .privateThread { thread.invitable = invitable }
        if let slowmode { thread.rateLimitPerUser = slowmode }
        state.guilds[guild.id]!.channels[thread.id] = thread
        return .json(200, Render.channel(thread))
    }

    /// The thread of the route; 50024 when the channel is not a thread.
    func thread(_ c: RequestContext) throws(APIError) -> (EmulatedGuild, EmulatedChannel) {
        let (guild, thread) = try channel(c)
        guard thread.isThread else { throw APIError.wrongChannelType }
        return (guild, thread)
    }

    /// The user of the route (`@me` is the bot).
    func threadUser(_ c: RequestContext) throws(APIError) -> Snowflake {
        if c.params["user_id"] == "@me" { return c.botID }
        return try snowflake(c, "user_id")
    }

    func addThreadMember(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, thread) = try thread(c)
        let userID = try threadUser(c)
        let permissions = PermissionCalculator(guild: guild).inChannel(c.botID, thread)
        if thread.archived { throw APIError.archivedThread }
        if thread.locked, !permissions.contains(.manageThreads) { throw APIError.lockedThread }
        guard guild.members[userID] != nil else {
            throw state.users[userID] == nil ? APIError.unknownUser : APIError.unknownMember
        }
        guard permissions.contains(.sendMessagesInThreads) else { throw APIError.missingPermissions }
        if thread.type == .privateThread, thread.threadMembers[c.botID] == nil, !permissions.contains(.manageThreads) {
            throw APIError.missingAccess
        }
        if thread.threadMembers[userID] == nil {
            guard thread.threadMembers.count < 1000 else { throw APIError.maxThreadMembers }
            state.guilds[guild.id]!.channels[thread.id]!.threadMembers[userID] = c.now
        }
        return .noContent
    }

    func removeThreadMember(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, thread) = try thread(c)
        let userID = try threadUser(c)
        if thread.archived { throw APIError.archivedThread }
        let permissions = PermissionCalculator(guild: guild).inChannel(c.botID, thread)
        let allowed = userID == c.botID || permissions.contains(.manageThreads)
            || (thread.type == .privateThread && thread.ownerID == c.botID)
        guard allowed else { throw APIError.missingPermissions }
        guard guild.members[userID] != nil || thread.threadMembers[userID] != nil else {
            throw state.users[userID] == nil ? APIError.unknownUser : APIError.unknownMember
        }
        state.guilds[guild.id]!.channels[thread.id]!.threadMembers[userID] = nil
        return .noContent
    }

    func getThreadMember(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, thread) = try thread(c)
        let userID = try threadUser(c)
        guard let joined = thread.threadMembers[userID] else { throw APIError.unknownMember }
        return .json(200, threadMemberJSON(guild, thread.id, userID, joined, withMember: c.query["with_member"] == "true"))
    }

    func listThreadMembers(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, thread) = try thread(c)
        let withMember = c.query["with_member"] == "true"
        let limit = try queryInt(c, "limit", default: 100, min: 1, max: 100)
        let after = c.query["after"].flatMap { Snowflake(string: $0) } ?? Snowflake(0)
        let members = thread.threadMembers.sorted { $0.key < $1.key }
        let page = withMember ? Array(members.filter { $0.key > after }.prefix(limit)) : members
        return .json(200, .array(page.map { threadMemberJSON(guild, thread.id, $0.key, $0.value, withMember: withMember) }))
    }

    private func threadMemberJSON(_ guild: EmulatedGuild, _ threadID: Snowflake, _ userID: Snowflake, _ joined: Date, withMember: Bool) -> JSONValue {
        var object = Render.threadMember(threadID: threadID, userID: userID, joined: joined).objectValue ?? [:]
        if withMember, let member = guild.members[userID] { object["member"] = Render.member(member, user: user(userID)) }
        return .object(object)
    }

    func listActiveThreads(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        // Newest first (by id, i.e. creation time), as Discord lists them.
        let active = guild.threads.filter { !$0.archived }.sorted { $0.id > $1.id }
        let members: [JSONValue] = active.compactMap { thread in
            thread.threadMembers[c.botID].map { Render.threadMember(threadID: thread.id, userID: c.botID, joined: $0) }
        }
        return .json(200, .object(["threads": .array(active.map(Render.channel)), "members": .array(members)]))
    }

    func listArchivedThreads(_ c: RequestContext, private isPrivate: Bool) throws(APIError) -> EmulatorResponse {
        let (guild, parent) = try channel(c)
        try require(isPrivate ? [.readMessageHistory, .manageThreads] : [.readMessageHistory], in: guild, channel: parent, c)
        let limit = try queryInt(c, "limit", default: 50, min: 2, max: 100)
        let before = c.query["before"].flatMap(DiscordTime.parse)
        let types: Set<ChannelType> = isPrivate ? [.privateThread] : [.publicThread, .announcementThread]
        let archived = guild.threads
            .filter { $0.parentID == parent.id && $0.archived && types.contains($0.type) }
            .filter { thread in before.map { (thread.archiveTimestamp ?? .distantPast) < $0 } ?? true }
            .sorted { ($0.archiveTimestamp ?? .distantPast, $0.id) > ($1.archiveTimestamp ?? .distantPast, $1.id) }
        let page = Array(archived.prefix(limit))
        let members: [JSONValue] = page.compactMap { thread in
            thread.threadMembers[c.botID].map { Render.threadMember(threadID: thread.id, userID: c.botID, joined: $0) }
        }
        return .json(200, .object([
            "threads": .array(page.map(Render.channel)), "members": .array(members),
            "has_more": .bool(archived.count > page.count),
        ]))
    }
}
