@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Thread auto-archive on the emulator's clock and thread listings
/// [resources/channel.mdx: Thread Metadata, Start Thread; resources/guild.mdx: List Active
/// Guild Threads; channel.mdx: List Public Archived Threads].
@Suite("Thread rules")
struct ThreadRuleTests {
    func thread(_ h: Harness, in parent: Snowflake, _ name: String, minutes: Int = 1440) async throws -> Snowflake {
        try #require(await h.send("POST", "/channels/\(parent)/threads", .object([
            "name": .string(name), "type": .int(11), "auto_archive_duration": .int(minutes),
        ])).id)
    }

    // channel.mdx Start Thread: "the thread will stop showing in the channel list after
    // auto_archive_duration minutes of inactivity".
    @Test func aQuietThreadAutoArchivesAfterItsDuration() async throws {
        let h = await Harness()
        let parent = try #require(await h.channel("team"))
        let quiet = try await thread(h, in: parent, "Quiet", minutes: 60)
        let locked = try await thread(h, in: parent, "Locked", minutes: 60)
        #expect(await h.send("PATCH", "/channels/\(locked)", .object(["locked": .bool(true)])).status == 200)
        let start = h.time.now

        h.time.advance(by: 59 * 60)
        #expect(await h.guild().channels[quiet]?.archived == false)
        h.time.advance(by: 60)
        let guild = await h.guild()
        #expect(guild.channels[quiet]?.archived == true)
        #expect(guild.channels[quiet]?.locked == false)
        #expect(guild.channels[quiet]?.archiveTimestamp == start.addingTimeInterval(3600))
        #expect(guild.channels[locked]?.archived == true)
        #expect(guild.channels[locked]?.locked == true)
        let fetched = await h.send("GET", "/channels/\(quiet)")
        #expect(fetched.json?["thread_metadata"]?["archived"] == .bool(true))
    }

    @Test func aMessageOrAnUnarchiveRestartsTheCount() async throws {
        let h = await Harness()
        let parent = try #require(await h.channel("team"))
        let busy = try await thread(h, in: parent, "Busy", minutes: 60)
        h.time.advance(by: 50 * 60)
        #expect(await h.post(busy, .object(["content": .string("box this lap")])).status == 200)
        h.time.advance(by: 50 * 60)
        #expect(await h.guild().channels[busy]?.archived == false)
        h.time.advance(by: 10 * 60)
        #expect(await h.guild().channels[busy]?.archived == true)
        #expect(await h.send("PATCH", "/channels/\(busy)", .object(["archived": .bool(false)])).status == 200)
        h.time.advance(by: 59 * 60)
        #expect(await h.guild().channels[busy]?.archived == false)
        // A human's message counts as activity too.
        try await h.emulator.adminPostMessage(in: busy, content: "on it", authorID: 1_000_000_000_000_000_101)
        h.time.advance(by: 59 * 60)
        #expect(await h.guild().channels[busy]?.archived == false)
    }

    @Test func autoArchiveCanBeSwitchedOff() async throws {
        let h = await Harness()
        await h.emulator.setThreadAutoArchive(false)
        let parent = try #require(await h.channel("team"))
        let quiet = try await thread(h, in: parent, "Quiet", minutes: 60)
        h.time.advance(by: 7 * 86400)
        #expect(await h.guild().channels[quiet]?.archived == false)
    }

    // guild.mdx List Active Guild Threads; the emulator lists newest first.
    @Test func activeThreadsAreListedNewestFirst() async throws {
        let h = await Harness()
        let parent = try #require(await h.channel("team"))
        var ids: [Snowflake] = []
        for name in ["a", "b", "c"] {
            ids.append(try await thread(h, in: parent, name))
            h.time.advance(by: 1)
        }
        let listed = await h.send("GET", "/guilds/\(h.guildID)/threads/active")
        let order = listed.json?["threads"]?.arrayValue?.compactMap { $0["id"]?.snowflakeValue }
        #expect(order == ids.reversed())
    }

    // channel.mdx List Public Archived Threads: newest archive_timestamp first, `before`
    // (ISO8601) and `limit`, `has_more`.
    @Test func archivedThreadsArePagedWithBeforeLimitAndHasMore() async throws {
        let h = await Harness()
        await h.emulator.setThreadAutoArchive(false)
        let parent = try #require(await h.channel("team"))
        var ids: [Snowflake] = []
        for name in ["a", "b", "c"] {
            let id = try await thread(h, in: parent, name)
            h.time.advance(by: 60)
            #expect(await h.send("PATCH", "/channels/\(id)", .object(["archived": .bool(true)])).status == 200)
            ids.append(id)
        }
        let first = await h.send("GET", "/channels/\(parent)/threads/archived/public?limit=2")
        let page = first.json?["threads"]?.arrayValue ?? []
        #expect(page.compactMap { $0["id"]?.snowflakeValue } == [ids[2], ids[1]])
        #expect(first.json?["has_more"] == .bool(true))
        let cursor = try #require(page.last?["thread_metadata"]?["archive_timestamp"]?.stringValue)
        let encoded = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor
        let second = await h.send("GET", "/channels/\(parent)/threads/archived/public?limit=2&before=\(encoded)")
        #expect(second.json?["threads"]?.arrayValue?.compactMap { $0["id"]?.snowflakeValue } == [ids[0]])
        #expect(second.json?["has_more"] == .bool(false))
    }
}
