import DiscordTypes
import Spec

/// A guild and ownership being changed in memory, one plan change at a time, the way
/// Discord and the executor would: new ids are handed out in increasing order.
struct SimulatedGuild {
    var snapshot: GuildSnapshot
    var ownership: Ownership
    /// Ids the creates of this plan produced, by key.
    var created: [ResourceKey: Snowflake] = [:]
    private var nextID: UInt64
    /// User id -> position in `snapshot.members` (members are never added or removed),
    /// built on the first grant or revoke.
    private var memberIndexCache: [Snowflake: Int]?

    init(snapshot: GuildSnapshot, ownership: Ownership) {
        self.snapshot = snapshot
        self.ownership = ownership
        var highest = max(snapshot.guildID.rawValue, snapshot.botUserID.rawValue)
        for channel in snapshot.channels { highest = max(highest, channel.id.rawValue) }
        for thread in snapshot.threads { highest = max(highest, thread.id.rawValue) }
        for role in snapshot.roles { highest = max(highest, role.id.rawValue) }
        for id in snapshot.messages.keys { highest = max(highest, id.rawValue) }
        for event in snapshot.scheduledEvents { highest = max(highest, event.id.rawValue) }
        for entry in ownership.entries.values { highest = max(highest, entry.id.rawValue) }
        nextID = highest + 1
    }

    private mutating func memberPosition(_ user: Snowflake) -> Int? {
        if memberIndexCache == nil {
            var index: [Snowflake: Int] = [:]
            for (position, member) in snapshot.members.enumerated() {
                if let id = member.user?.id { index[id] = position }
            }
            memberIndexCache = index
        }
        return memberIndexCache?[user]
    }

    func resolve(_ ref: Ref) -> Snowflake? {
        switch ref {
        case .existing(let id): id
        case .created(let key): created[key]
        }
    }

    private mutating func newID(for key: ResourceKey) -> Snowflake {
        let id = Snowflake(nextID)
        nextID += 1
        created[key] = id
        return id
    }

    /// Applies one change and records its ownership effect.
    mutating func apply(_ change: Change) {
        var createdID: Snowflake?
        switch change.operation {
        case .createRole(let new):
            let id = newID(for: change.key)
            createdID = id
            for i in snapshot.roles.indices where snapshot.roles[i].id != snapshot.guildID && snapshot.roles[i].position >= 1 {
                snapshot.roles[i].position += 1
            }
            snapshot.roles.append(Role(
                id: id, name: new.name, color: new.color, hoist: new.hoist, position: 1,
                permissions: new.permissions, mentionable: new.mentionable))
        case .modifyRole(let id, let update):
            guard let i = snapshot.roles.firstIndex(where: { $0.id == id }) else { break }
            if let name = update.name { snapshot.roles[i].name = name }
            if let permissions = update.permissions { snapshot.roles[i].permissions = permissions }
            if let color = update.color { snapshot.roles[i].color = color; snapshot.roles[i].colors = nil }
            if let hoist = update.hoist { snapshot.roles[i].hoist = hoist }
            if let mentionable = update.mentionable { snapshot.roles[i].mentionable = mentionable }
        case .deleteRole(let id):
            snapshot.roles.removeAll { $0.id == id }
            for i in snapshot.members.indices where snapshot.members[i].roles.contains(id) {
                snapshot.members[i].roles.removeAll { $0 == id }
            }
            for i in snapshot.channels.indices {
                snapshot.channels[i].permissionOverwrites?.removeAll { $0.id == id }
            }
        case .createChannel(let new):
            let id = newID(for: change.key)
            createdID = id
            createChannel(id: id, new)
        case .modifyChannel(let id, let update):
            modifyChannel(id: id, update)
        case .deleteChannel(let id):
            deleteChannel(id)
        case .channelPositions(let entries):
            for entry in entries {
                guard let id = resolve(entry.channel),
                      let i = snapshot.channels.firstIndex(where: { $0.id == id }) else { continue }
                snapshot.channels[i].position = entry.position
            }
        case .createThread(let parent, let name, let isPrivate, let minutes):
            let id = newID(for: change.key)
            createdID = id
            snapshot.threads.append(Channel(
                id: id, type: isPrivate ? .privateThread : .publicThread, guildID: snapshot.guildID,
                name: name, parentID: resolve(parent), ownerID: snapshot.botUserID,
                threadMetadata: ThreadMetadata(archived: false, autoArchiveDuration: minutes, locked: false)))
            snapshot.threadMembers[id] = [snapshot.botUserID]
        case .modifyThread(let thread, let update):
            guard let id = resolve(thread), let i = snapshot.threads.firstIndex(where: { $0.id == id }) else { break }
            if let name = update.name { snapshot.threads[i].name = name }
            var meta = snapshot.threads[i].threadMetadata ?? ThreadMetadata()
            if let archived = update.archived { meta.archived = archived }
            if let locked = update.locked { meta.locked = locked }
            if let minutes = update.autoArchiveMinutes { meta.autoArchiveDuration = minutes }
            snapshot.threads[i].threadMetadata = meta
        case .addThreadMember(let thread, let user):
            guard let id = resolve(thread) else { break }
            var members = snapshot.threadMembers[id] ?? []
            if !members.contains(user) { members.append(user) }
            snapshot.threadMembers[id] = members
        case .removeThreadMember(let thread, let user):
            snapshot.threadMembers[thread]?.removeAll { $0 == user }
        case .grantRole(let user, let role):
            guard let roleID = resolve(role), let i = memberPosition(user) else { break }
            if !snapshot.members[i].roles.contains(roleID) { snapshot.members[i].roles.append(roleID) }
        case .revokeRole(let user, let role):
            guard let i = memberPosition(user) else { break }
            snapshot.members[i].roles.removeAll { $0 == role }
        case .setMemberRoles(let user, let add, let remove):
            guard let i = memberPosition(user) else { break }
            snapshot.members[i].roles.removeAll { remove.contains($0) }
            for roleID in add.compactMap(resolve) where !snapshot.members[i].roles.contains(roleID) {
                snapshot.members[i].roles.append(roleID)
            }
        case .postMessage(let channel, let content, let embeds, let components):
            let id = newID(for: change.key)
            createdID = id
            guard let channelID = resolve(channel) else { break }
            snapshot.messages[id] = Message(
                id: id, channelID: channelID, author: nil, content: content, embeds: embeds, components: components)
        case .postAnnouncement(let channel, let content, _):
            let id = newID(for: change.key)
            createdID = id
            guard let channelID = resolve(channel) else { break }
            snapshot.messages[id] = Message(id: id, channelID: channelID, author: nil, content: content)
        case .editMessage(_, let message, let content, let embeds, let components):
            snapshot.messages[message]?.content = content
            snapshot.messages[message]?.embeds = embeds
            snapshot.messages[message]?.components = components
        case .deleteMessage(_, let message):
            snapshot.messages[message] = nil
        case .pinMessage(_, let message):
            if let id = resolve(message) { snapshot.messages[id]?.pinned = true }
        case .unpinMessage(_, let message):
            snapshot.messages[message]?.pinned = false
        case .createScheduledEvent(let new):
            let id = newID(for: change.key)
            createdID = id
            snapshot.scheduledEvents.append(ScheduledEvent(
                id: id, guildID: snapshot.guildID, creatorID: snapshot.botUserID, name: new.name,
                description: new.description, scheduledStartTime: new.start, scheduledEndTime: new.end,
                location: new.location))
        case .modifyScheduledEvent(let id, let update):
            guard let i = snapshot.scheduledEvents.firstIndex(where: { $0.id == id }) else { break }
            if let name = update.name { snapshot.scheduledEvents[i].name = name }
            if let text = update.description { snapshot.scheduledEvents[i].description = text.isEmpty ? nil : text }
            if let location = update.location { snapshot.scheduledEvents[i].location = location }
            if let start = update.start { snapshot.scheduledEvents[i].scheduledStartTime = start }
            if let end = update.end { snapshot.scheduledEvents[i].scheduledEndTime = end }
            if let status = update.status { snapshot.scheduledEvents[i].status = status }
        case .deleteScheduledEvent(let id):
            snapshot.scheduledEvents.removeAll { $0.id == id }
        case .adopt:
            break
        }
        switch change.ownership {
        case .none: break
        case .forget(let key): ownership[key] = nil
        case .announce: break
        case .record:
            if let (key, entry) = change.ownership.entry(createdID: createdID) { ownership[key] = entry }
        }
    }

    private mutating func createChannel(id: Snowflake, _ new: NewChannel) {
        let parent = new.parent.flatMap(resolve)
        var channel = Channel(
            id: id, type: new.type, guildID: snapshot.guildID,
            name: DiscordName.channel(new.name, type: new.type),
            topic: new.topic, position: 0, parentID: new.type == .guildCategory ? nil : parent,
            permissionOverwrites: overwrites(new.overwrites), userLimit: new.userLimit)
        let group = ChannelOrder.group(of: channel)
        let highest = snapshot.channels.filter { ChannelOrder.group(of: $0) == group }.compactMap(\.position).max()
        channel.position = highest.map { $0 + 1 } ?? 0
        snapshot.channels.append(channel)
    }

    private mutating func modifyChannel(id: Snowflake, _ update: ChannelUpdate) {
        guard let i = snapshot.channels.firstIndex(where: { $0.id == id }) else { return }
        if let name = update.name {
            snapshot.channels[i].name = DiscordName.channel(name, type: snapshot.channels[i].type)
        }
        if let topic = update.topic { snapshot.channels[i].topic = topic.isEmpty ? nil : topic }
        switch update.parent {
        case nil: break
        case .topLevel?: snapshot.channels[i].parentID = nil
        case .category(let ref)?: snapshot.channels[i].parentID = resolve(ref)
        }
        if let limit = update.userLimit { snapshot.channels[i].userLimit = limit }
        if let list = update.overwrites { snapshot.channels[i].permissionOverwrites = overwrites(list) }
    }

    private mutating func deleteChannel(_ id: Snowflake) {
        if snapshot.threads.contains(where: { $0.id == id }) {
            snapshot.threads.removeAll { $0.id == id }
            snapshot.threadMembers[id] = nil
        } else {
            snapshot.channels.removeAll { $0.id == id }
            for i in snapshot.channels.indices where snapshot.channels[i].parentID == id {
                snapshot.channels[i].parentID = nil
            }
            let threads = Set(snapshot.threads.filter { $0.parentID == id }.map(\.id))
            snapshot.threads.removeAll { threads.contains($0.id) }
            for thread in threads { snapshot.threadMembers[thread] = nil }
            for (messageID, message) in snapshot.messages where threads.contains(message.channelID) {
                snapshot.messages[messageID] = nil
            }
        }
        for (messageID, message) in snapshot.messages where message.channelID == id {
            snapshot.messages[messageID] = nil
        }
    }

    private func overwrites(_ list: [RefOverwrite]) -> [PermissionOverwrite] {
        list.compactMap { overwrite in
            resolve(overwrite.target).map {
                PermissionOverwrite(id: $0, type: overwrite.type, allow: overwrite.allow, deny: overwrite.deny)
            }
        }
    }
}
