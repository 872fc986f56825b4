import Discord
import DiscordTypes
import Foundation
import Planner

/// Reads a guild with the few requests that cover all of it — the bot's user, the guild,
/// its channels, roles and active threads, and its members 1,000 at a time — plus, only for
/// what we own and the plan can change (`SnapshotScope`): archived threads listed per parent
/// channel, thread members of threads meant to be active, and managed messages one request
/// per channel. Never one request per unowned resource, nor per managed message.
public struct DiscordSnapshotReader: SnapshotReader {
    public let client: DiscordClient
    /// Concurrent per-channel reads (thread members, messages); each is its own bucket.
    public var maxConcurrency = 8

    public init(client: DiscordClient) { self.client = client }

    public func snapshot(guild guildID: Snowflake, ownership: Ownership, messages: [ManagedMessage]) async throws -> GuildSnapshot {
        try await snapshot(guild: guildID, ownership: ownership, messages: messages, scope: .everything)
    }

    public func snapshot(
        guild guildID: Snowflake, ownership: Ownership, messages: [ManagedMessage], scope: SnapshotScope
    ) async throws -> GuildSnapshot {
        let client = self.client
        // The guild first: an unknown guild or a bad token fails here with one clear error.
        let guild = try await client.guild(guildID)
        async let me = client.currentUser()
        async let channels = client.channels(in: guildID)
        async let roles = client.roles(in: guildID)
        async let active = client.activeThreads(in: guildID)
        async let members = client.allMembers(in: guildID)
        let (bot, channelList, roleList, activeList, memberList) =
            try await (me, channels, roles, active, members)

        var threads = activeList.threads
        let ownedThreads = ownership.entries.values.filter { $0.kind == .thread }.map(\.id)
        let activeIDs = Set(threads.map(\.id))
        // Settled threads are looked up only where their parent's listing is read anyway.
        let inactive = ownedThreads.filter {
            !activeIDs.contains($0) && (!scope.settledThreads.contains($0) || scope.threadParents[$0] != nil)
        }.sorted()
        threads += try await archivedThreads(inactive, parents: scope.threadParents)

        let present = Set(threads.map(\.id))
        let memberReads = ownedThreads.filter { present.contains($0) && (scope.memberThreads?.contains($0) ?? true) }
        var threadMembers: [Snowflake: [Snowflake]] = [:]
        for id in memberReads { threadMembers[id] = scope.knownThreadMembers[id] }
        let memberLists = try await Self.bounded(memberReads.filter { threadMembers[$0] == nil }.sorted(),
                                                 width: maxConcurrency) { id in
            (id, try await Self.ignoringNotFound { try await Self.allThreadMembers(client, id) } ?? [])
        }
        for (id, users) in memberLists { threadMembers[id] = users }

        let wanted = messages.filter { !scope.settledThreads.contains($0.channelID) }
        var messageMap: [Snowflake: Message] = [:]
        let ids = Set(wanted.map(\.messageID))
        for message in scope.knownMessages.values.joined() where ids.contains(message.id) { messageMap[message.id] = message }
        for message in try await managedMessages(wanted.filter { scope.knownMessages[$0.channelID] == nil }) {
            messageMap[message.id] = message
        }

        // One request, only for clubs with scheduled events (or that still own some).
        var events: [ScheduledEvent] = []
        if scope.readsScheduledEvents(ownership) {
            events = try await client.scheduledEvents(in: guildID)
        }

        return GuildSnapshot(
            guildID: guildID, ownerID: guild.ownerID, channels: channelList, roles: roleList,
            threads: threads, threadMembers: threadMembers, members: memberList, botUserID: bot.id,
            messages: messageMap, scheduledEvents: events)
    }

    /// Owned threads missing from the active list: archived (listed per parent channel,
    /// newest archived first, paged until all are found) or deleted. Threads whose parent is
    /// unknown, or that no listing showed, are read one by one (absent when deleted).
    func archivedThreads(_ ids: [Snowflake], parents: [Snowflake: Snowflake]) async throws -> [Channel] {
        guard !ids.isEmpty else { return [] }
        let client = self.client
        let byParent = Dictionary(grouping: ids.filter { parents[$0] != nil }) { parents[$0]! }
        let listed = try await Self.bounded(byParent.keys.sorted(), width: maxConcurrency) { parent in
            var missing = Set(byParent[parent] ?? [])
            var found: [Channel] = []
            var before: String?
            while !missing.isEmpty {
                guard let page = try await Self.ignoringNotFound({
                    try await client.archivedPrivateThreads(in: parent, before: before, limit: 100)
                }) else { break }
                for thread in page.threads where missing.remove(thread.id) != nil { found.append(thread) }
                guard page.hasMore == true, let last = page.threads.last?.threadMetadata?.archiveTimestamp,
                      last != before else { break }
                before = last
            }
            return found
        }.flatMap { $0 }
        let seen = Set(listed.map(\.id))
        let single = try await Self.bounded(ids.filter { !seen.contains($0) }, width: maxConcurrency) { id in
            try await Self.ignoringNotFound { try await client.channel(id) }
        }
        return (listed + single.compactMap { $0 }).filter { $0.type.isThread }
    }

    /// Managed messages, one request per channel: the page of up to 100 messages from the
    /// channel's oldest managed message on. Discord lists messages after a cursor oldest
    /// first, so that page holds every managed message still there that is not newer than
    /// its last entry; a managed message newer than a full page is read on its own. A
    /// managed message the page should hold but does not was deleted.
    func managedMessages(_ managed: [ManagedMessage]) async throws -> [Message] {
        let client = self.client
        let byChannel = Dictionary(grouping: managed, by: \.channelID)
        let pages = try await Self.bounded(byChannel.keys.sorted(), width: maxConcurrency) { channel in
            let ids = Set(byChannel[channel]!.map(\.messageID))
            let oldest = ids.min()!
            let page = try await Self.ignoringNotFound {
                try await client.messages(in: channel, limit: Self.messagePage, after: Snowflake(oldest.rawValue - 1))
            } ?? []
            var found = page.filter { ids.contains($0.id) }
            if page.count >= Self.messagePage, let newest = page.map(\.id).max() {
                for id in ids.sorted() where id > newest {
                    if let message = try await Self.ignoringNotFound({
                        try await client.message(channelID: channel, messageID: id)
                    }) { found.append(message) }
                }
            }
            return found
        }
        return pages.flatMap { $0 }
    }

    static let messagePage = 100

    /// The oldest page of each channel (a signup card is its channel's first message; stint
    /// alerts come early in their team's thread), keeping the bot's own messages.
    public func adoptionCandidates(in channels: [Snowflake], bot: Snowflake) async throws -> [Message] {
        let client = self.client
        return try await Self.bounded(channels.sorted(), width: maxConcurrency) { channel in
            try await Self.ignoringNotFound {
                try await client.messages(in: channel, limit: Self.messagePage, after: Snowflake(0))
            } ?? []
        }.flatMap { $0 }.filter { $0.author?.id == bot }
    }

    public func recentMessages(in channel: Snowflake, since: Date) async throws -> [Message] {
        try await Self.ignoringNotFound {
            try await client.messages(in: channel, limit: 100, after: Snowflake(at: since))
        } ?? []
    }

    static func allThreadMembers(_ client: DiscordClient, _ thread: Snowflake) async throws -> [Snowflake] {
        var users: [Snowflake] = []
        var after: Snowflake?
        while true {
            let page = try await client.threadMembers(threadID: thread, limit: 100, after: after)
            let ids = page.compactMap(\.userID)
            users += ids
            guard page.count >= 100, let last = ids.max(), last != after else { return users.sorted() }
            after = last
        }
    }

    static func ignoringNotFound<T>(_ body: () async throws -> T) async throws -> T? {
        do { return try await body() } catch let error as DiscordError where error.isNotFound { return nil }
    }

    /// Maps `items` with at most `width` calls in flight, keeping the order.
    static func bounded<T: Sendable, R: Sendable>(
        _ items: [T], width: Int, _ transform: @escaping @Sendable (T) async throws -> R
    ) async throws -> [R] {
        guard !items.isEmpty else { return [] }
        return try await withThrowingTaskGroup(of: (Int, R).self) { group in
            var results = [R?](repeating: nil, count: items.count)
            var next = 0
            while next < min(width, items.count) {
                let index = next
                group.addTask { (index, try await transform(items[index])) }
                next += 1
            }
            while let (index, value) = try await group.next() {
                results[index] = value
                if next < items.count {
                    let index = next
                    group.addTask { (index, try await transform(items[index])) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
