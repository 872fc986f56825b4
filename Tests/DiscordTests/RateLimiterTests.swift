import Discord
import DiscordTypes
import Foundation
import Testing

/// Pacing against the scripted fake: buckets, pre-emptive waits, global window, order, parallelism.
@Suite struct RateLimiterTests {
    @Test func learnsBucketHashAndSharesItAcrossRoutes() async throws {
        let rig = Rig()
        await rig.fake.setRule(.init(hash: "shared-h", limit: 2, window: .seconds(5)),
                               for: "PATCH /channels/:id", "PUT /channels/:id/permissions/:id")
        let client = rig.client
        // Reveal both routes' bucket one after the other.
        _ = try await rig.one { try await client.modifyChannel(1, ModifyChannelRequest(name: "a"), reason: "t") }
        try await rig.one {
            try await client.editPermissionOverwrite(channelID: 1, targetID: 2,
                                                     EditPermissionOverwriteRequest(type: .role), reason: "t")
        }
        let patch = Route(.patch, "/channels/{channel_id}", Snowflake(1))
        let put = Route(.put, "/channels/{channel_id}/permissions/{overwrite_id}", Snowflake(1), Snowflake(2))
        #expect(await client.learnedBucket(for: patch) == "shared-h")
        #expect(await client.learnedBucket(for: put) == "shared-h")
        // Now a mixed burst on the shared bucket: the client must pace both routes together.
        let results = try await rig.run(8) { index in
            if index.isMultiple(of: 2) {
                _ = try await client.modifyChannel(1, ModifyChannelRequest(name: "n\(index)"), reason: "t")
            } else {
                try await client.editPermissionOverwrite(channelID: 1, targetID: 2,
                                                         EditPermissionOverwriteRequest(type: .role), reason: "t")
            }
        }
        #expect(results.allSatisfy { $0.error == nil })
        #expect(await rig.fake.served429 == 0)
        #expect(await rig.client.metrics().rateLimited == 0)
        // 10 requests at 2 per 5 s need at least 4 more windows after the first.
        #expect(rig.clock.elapsed >= .seconds(20))
        #expect(await rig.fake.maxInAnyWindow(.seconds(5)) <= 2)
    }

    @Test func waitsPreemptivelyWhenRemainingIsZero() async throws {
        let rig = Rig()
        await rig.fake.setRule(.init(hash: "h1", limit: 1, window: .seconds(2)), for: "PATCH /channels/:id")
        let client = rig.client
        let results = try await rig.run(3) { _ in
            try await client.modifyChannel(7, ModifyChannelRequest(name: "x"), reason: "t")
        }
        #expect(results.allSatisfy { $0.error == nil })
        let times = await rig.fake.sent.map(\.at)
        #expect(times == [.zero, .seconds(2), .seconds(4)])
        #expect(await rig.fake.served429 == 0)
        #expect(await client.metrics().preemptiveWaits >= 2)
    }

    @Test func globalLimitIsNeverExceeded() async throws {
        let rig = Rig(global: 50, fakeGlobal: 50,
                      defaultRule: .init(hash: "roomy", limit: 100, window: .seconds(1)))
        let client = rig.client
        // 200 requests on 200 different channels: 200 buckets, only the global limit binds.
        let results = try await rig.run(200) { index in
            try await client.modifyChannel(Snowflake(UInt64(1000 + index)), ModifyChannelRequest(name: "c"), reason: "t")
        }
        #expect(results.allSatisfy { $0.error == nil })
        #expect(await rig.fake.maxInAnyWindow(.seconds(1)) <= 50)
        #expect(await rig.fake.served429 == 0)
        #expect(rig.clock.elapsed >= .seconds(3))
    }

    @Test func configuredGlobalLimitIsHonoured() async throws {
        let rig = Rig(global: 10, defaultRule: .init(hash: "roomy", limit: 100, window: .seconds(1)))
        let client = rig.client
        _ = try await rig.run(35) { index in
            try await client.modifyChannel(Snowflake(UInt64(1 + index)), ModifyChannelRequest(name: "c"), reason: "t")
        }
        #expect(await rig.fake.maxInAnyWindow(.seconds(1)) <= 10)
        #expect(rig.clock.elapsed >= .seconds(3))
    }

    @Test func keepsOrderWithinABucket() async throws {
        let rig = Rig()
        await rig.fake.setRule(.init(hash: "h", limit: 1, window: .seconds(1)), for: "PATCH /channels/:id")
        let client = rig.client
        let fake = rig.fake
        let clock = rig.clock
        // Enqueue one at a time so the submission order is known, then let time run.
        let results = try await rig.run(12) { index in
            if index == 1 {
                while await fake.sent.isEmpty { await Task.yield() }
            } else if index >= 2 {
                // Request 1 sleeps in the lane until the bucket resets; later ones queue behind it.
                while (await client.metrics().queued) + clock.sleeperCount < index - 1 { await Task.yield() }
            }
            return try await client.modifyChannel(5, ModifyChannelRequest(name: "n\(index)"), reason: "t")
        }
        #expect(results.allSatisfy { $0.error == nil })
        let names = await fake.sent.map { $0.json["name"] as? String ?? "" }
        #expect(names == (0..<12).map { "n\($0)" })
    }

    @Test func differentBucketsRunInParallel() async throws {
        let rig = Rig()
        await rig.fake.setRule(.init(hash: "slow", limit: 1, window: .seconds(10)), for: "PATCH /channels/:id")
        let client = rig.client
        _ = try await rig.run(4) { index in
            try await client.modifyChannel(Snowflake(UInt64(10 + index % 2)), ModifyChannelRequest(name: "p"), reason: "t")
        }
        let times = await rig.fake.sent.map(\.at).sorted()
        // Two channels = two buckets: two requests at once, then two after one window.
        #expect(times == [.zero, .zero, .seconds(10), .seconds(10)])
    }

    @Test func orderSurvivesLearningTheBucketHash() async throws {
        let rig = Rig()
        await rig.fake.setRule(.init(hash: "learned", limit: 1, window: .seconds(2)), for: "PATCH /channels/:id")
        // The first answer is slow, so the next requests queue before the hash is known.
        await rig.fake.script("PATCH /channels/:id", .delayed(.seconds(1), HTTPResponse(status: 200, headers: [
            "X-RateLimit-Bucket": "learned", "X-RateLimit-Limit": "1", "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": "2", "Content-Type": "application/json",
        ], body: Data(#"{"id":"5","type":0}"#.utf8))))
        let client = rig.client
        let fake = rig.fake
        let route = Route(.patch, "/channels/{channel_id}", Snowflake(5))
        let clock = rig.clock
        let results = try await rig.run(7) { index in
            if (1...5).contains(index) {
                while true {
                    let started = !(await fake.sent.isEmpty)
                    if started, await client.metrics().queued >= index - 1 { break }
                    await Task.yield()
                }
            } else if index == 6 {
                // Enqueued once the hash is known (at 1 s), behind the five that queued before.
                try await clock.sleep(until: .init(offset: .milliseconds(1500)), tolerance: nil)
                #expect(await client.learnedBucket(for: route) == "learned")
            }
            return try await client.modifyChannel(5, ModifyChannelRequest(name: "n\(index)"), reason: "t")
        }
        #expect(results.allSatisfy { $0.error == nil })
        let names = await fake.sent.map { $0.json["name"] as? String ?? "" }
        #expect(names == (0..<7).map { "n\($0)" })
        #expect(await fake.served429 == 0)
    }
}
