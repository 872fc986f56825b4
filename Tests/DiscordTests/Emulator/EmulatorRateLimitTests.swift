import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// The client's pacing against the emulator's Discord-like limits (virtual time).
@Suite struct EmulatorRateLimitTests {
    /// The most requests in any window of `length` seconds of the emulator's log.
    static func maxInWindow(_ log: [LoggedRequest], _ length: TimeInterval) -> Int {
        let times = log.map(\.time).sorted()
        var best = 0
        var start = 0
        for end in times.indices {
            while times[end].timeIntervalSince(times[start]) >= length { start += 1 }
            best = max(best, end - start + 1)
        }
        return best
    }

    @Test func burstOf200MutationsAcrossBucketsHasNoAvoidable429() async throws {
        let memberIDs = (1...40).map { Snowflake(UInt64(3_000_000_000_000_000_000) + UInt64($0)) }
        let seed = GuildSeed(memberIDs: memberIDs, roles: [RoleSeed(name: "Grid")],
                             channels: (0..<4).map { ChannelSeed(name: "room-\($0)") })
        try await withEmulator(seed) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let grid = rig.seeded.roleIDs["Grid"]!
            let rooms = (0..<4).map { rig.seeded.channelIDs["room-\($0)"]! }
            let results = try await rig.run(200) { index in
                let n = index / 5
                switch index % 5 {
                case 0: _ = try await client.createChannel(in: guildID, CreateChannelRequest(name: "burst-\(n)"), reason: "burst")
                case 1: _ = try await client.createRole(in: guildID, CreateRoleRequest(name: "burst-\(n)"), reason: "burst")
                case 2: try await client.editPermissionOverwrite(channelID: rooms[n % 4], targetID: grid,
                            EditPermissionOverwriteRequest(type: .role, allow: n.isMultiple(of: 2) ? [.viewChannel] : [.sendMessages]), reason: "burst")
                case 3: try await client.addMemberRole(guildID: guildID, userID: memberIDs[n], roleID: grid, reason: "burst")
                default: _ = try await client.modifyChannel(rooms[n % 4], ModifyChannelRequest(name: "room-\(n % 4)-v\(n)"), reason: "burst")
                }
            }
            let failures = results.compactMap(\.error)
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            let counters = await rig.emulator.currentCounters
            let metrics = await client.metrics()
            #expect(counters.totalRateLimited == 0)
            #expect(metrics.rateLimited == 0)
            #expect(metrics.requestsSent == 200)
            let log = await rig.emulator.requestLog
            #expect(log.count == 200)
            #expect(Self.maxInWindow(log, 1) <= 50)
            // Slowest bucket: 40 creates at 5 per 5 s -> the last goes out at 35 s.
            let bound = 35.0
            let elapsed = rig.clock.elapsed.seconds
            #expect(elapsed >= bound)
            #expect(elapsed <= bound * 1.1, "took \(elapsed) s for a bound of \(bound) s")
            #expect(try await rig.emulator.channels(of: guildID).filter { $0.name?.hasPrefix("burst-") == true }.count == 40)
        }
    }

    @Test func globalLimitHoldsAcrossManyBuckets() async throws {
        let seed = GuildSeed(channels: (0..<150).map { ChannelSeed(name: "lane-\($0)") })
        try await withEmulator(seed) { rig in
            let client = rig.client
            let ids = (0..<150).map { rig.seeded.channelIDs["lane-\($0)"]! }
            let results = try await rig.run(150) { index in
                try await client.modifyChannel(ids[index], ModifyChannelRequest(nsfw: true), reason: "global")
            }
            #expect(results.allSatisfy { $0.error == nil })
            let log = await rig.emulator.requestLog
            #expect(Self.maxInWindow(log, 1) <= 50)
            #expect(await rig.emulator.currentCounters.totalRateLimited == 0)
            #expect(rig.clock.elapsed >= .seconds(2))
        }
    }

    /// Snapshot-style reads fired all at once from a fresh client (no window history, every
    /// channel its own bucket) still stay within 50 in any one second of the emulator's clock.
    @Test func twoHundredParallelReadsNeverExceedTheGlobalLimit() async throws {
        let seed = GuildSeed(channels: (0..<200).map { ChannelSeed(name: "read-\($0)") })
        try await withEmulator(seed) { rig in
            let client = rig.client
            let ids = (0..<200).map { rig.seeded.channelIDs["read-\($0)"]! }
            let results = try await rig.run(200) { index in _ = try await client.channel(ids[index]) }
            #expect(results.allSatisfy { $0.error == nil })
            let log = await rig.emulator.requestLog
            #expect(log.count >= 200)  // more only if a loaded machine timed a read out and it was retried
            #expect(Self.maxInWindow(log, 1) <= 50)
            #expect(await rig.emulator.currentCounters.totalRateLimited == 0)
            #expect(await client.metrics().globalRateLimited == 0)
            // 200 requests at 50 per second: the last window opens after 3 s at the earliest.
            #expect(rig.clock.elapsed >= .seconds(3))
        }
    }

    @Test func perBucketOrderIsKept() async throws {
        var limits = RateLimitConfiguration.discordLike
        limits.buckets[RateLimitBucket.modifyChannel] = .init(1, per: 1)
        try await withEmulator(GuildSeed(channels: [ChannelSeed(name: "ordered")]), rateLimits: limits) { rig in
            let client = rig.client
            let clock = rig.clock
            let channelID = rig.seeded.channelIDs["ordered"]!
            let finished = Counter()
            // Task i starts only once the i before it are sent, asleep in the lane or queued.
            let results = try await rig.run(10) { index in
                while index > 0, (await finished.value) + clock.sleeperCount + (await client.metrics().queued) < index {
                    await Task.yield()
                }
                _ = try await client.modifyChannel(channelID, ModifyChannelRequest(name: "step-\(index)"), reason: "order")
                await finished.increment()
            }
            #expect(results.allSatisfy { $0.error == nil })
            let names = await rig.emulator.requests(to: "PATCH /channels/{channel_id}").compactMap { $0.body?["name"]?.stringValue }
            #expect(names == (0..<10).map { "step-\($0)" })
            #expect(await rig.emulator.currentCounters.totalRateLimited == 0)
        }
    }
}

/// Discord's reported rename sublimit (2 per 10 minutes per channel, emulated).
@Suite struct EmulatorSublimitTests {
    @Test func aLongSublimitFailsFastWithoutBlockingTheBucket() async throws {
        var limits = RateLimitConfiguration.discordLike
        limits.channelNameTopicSublimit = .init(2, per: 600)
        try await withEmulator(GuildSeed(channels: [ChannelSeed(name: "paddock")]), rateLimits: limits) { rig in
            let client = rig.client
            let paddock = rig.seeded.channelIDs["paddock"]!
            for index in 0..<2 {
                _ = try await rig.one { try await client.modifyChannel(paddock, ModifyChannelRequest(name: "paddock-\(index)"), reason: "rename") }
            }
            let third = try await rig.failure { _ = try await client.modifyChannel(paddock, ModifyChannelRequest(name: "paddock-2"), reason: "rename") }
            #expect(third?.kind == .rateLimitRetriesExhausted)
            #expect(third?.status == 429)
            // Other changes to the channel are not held back by the rename sublimit.
            let start = rig.clock.elapsed
            let channel = try await rig.one { try await client.modifyChannel(paddock, ModifyChannelRequest(nsfw: true), reason: "flag") }
            #expect(channel.nsfw == true)
            #expect(rig.clock.elapsed - start < .seconds(10))
            #expect(await rig.emulator.currentCounters.totalRateLimited == 1)
        }
    }

    @Test func aShortSublimitIsWaitedOutByTheRequestAlone() async throws {
        var limits = RateLimitConfiguration.discordLike
        limits.channelNameTopicSublimit = .init(1, per: 30)
        try await withEmulator(GuildSeed(channels: [ChannelSeed(name: "garage")]), rateLimits: limits) { rig in
            let client = rig.client
            let garage = rig.seeded.channelIDs["garage"]!
            _ = try await rig.one { try await client.modifyChannel(garage, ModifyChannelRequest(topic: .value("one")), reason: "t") }
            let second = try await rig.one { try await client.modifyChannel(garage, ModifyChannelRequest(topic: .value("two")), reason: "t") }
            #expect(second.topic == "two")
            #expect(rig.clock.elapsed >= .seconds(30))
            #expect(await rig.emulator.currentCounters.totalRateLimited == 1)
        }
    }
}
