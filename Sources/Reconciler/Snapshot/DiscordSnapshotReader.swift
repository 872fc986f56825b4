import Discord
import DiscordTypes
import Foundation
import Planner

/// Reads a guild with the few requests that cover all of it — the bot's user, the guild,
/// its channels, roles and active threads, and its members 1,000 at a time — plus, only for
/// what we own: threads that are not active (one GET each), thread members of owned
/// threads, and owned messages. Never one request per unowned resource.
public struct DiscordSnapshotReader: SnapshotReader {
    public let client: DiscordClient
    /// Concurrent per-resource reads (thread members, messages); each is its own bucket.
    public var maxConcurrency = 8

    public init(client: DiscordClient) { self.client = client }

    public func snapshot(guild guildID: Snowflake, ownership: Ownership, messages: [ManagedMessage]) async throws -> GuildSnapshot {
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
        let inactive = ownedThreads.filter { !activeIDs.contains($0) }.sorted()
        threads += try await Self.bounded(inactive, width: maxConcurrency) { id in
            try await Self.ignoringNotFound { try await client.channel(id) }
        }.compactMap { $0 }.filter { $0.type.isThread }

        let present = Set(threads.map(\.id))
        let memberLists = try await Self.bounded(ownedThreads.filter(present.contains).sorted(), width: maxConcurrency) { id in
            (id, try await Self.ignoringNotFound { try await Self.allThreadMembers(client, id) } ?? [])
        }
        var threadMembers: [Snowflake: [Snowflake]] = [:]
        for (id, users) in memberLists { threadMembers[id] = users }

        let fetched = try await Self.bounded(messages, width: maxConcurrency) { managed in
            try await Self.ignoringNotFound {
                try await client.message(channelID: managed.channelID, messageID: managed.messageID)
            }
        }
        var messageMap: [Snowflake: Message] = [:]
        for message in fetched.compactMap({ $0 }) { messageMap[message.id] = message }

        return GuildSnapshot(
            guildID: guildID, ownerID: guild.ownerID, channels: channelList, roles: roleList,
            threads: threads, threadMembers: threadMembers, members: memberList, botUserID: bot.id,
            messages: messageMap)
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
