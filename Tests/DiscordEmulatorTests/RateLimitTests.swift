@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

@Suite("Rate limits")
struct RateLimitTests {
    @Test func routeBucketHeadersAnd429WithoutExecuting() async throws {
        let h = await Harness()
        for expected in (0..<5).reversed() {
            let response = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")]))
            #expect(response.status == 201)
            #expect(response.header("X-RateLimit-Limit") == "5")
            #expect(response.header("X-RateLimit-Remaining") == String(expected))
            #expect(response.header("X-RateLimit-Reset-After") == "5.000")
            #expect(response.header("X-RateLimit-Bucket") == RateLimiter.hash(RateLimitBucket.createChannel))
            let reset = try #require(response.header("X-RateLimit-Reset").flatMap(Double.init))
            #expect(abs(reset - (h.time.now.timeIntervalSince1970 + 5)) < 0.01)
        }
        h.time.advance(by: 2)
        let limited = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")]))
        #expect(limited.status == 429)
        #expect(limited.header("X-RateLimit-Scope") == "user")
        #expect(limited.header("Retry-After") == "3")
        #expect(limited.header("X-RateLimit-Remaining") == "0")
        #expect(limited.header("X-RateLimit-Global") == nil)
        #expect(limited.json?["retry_after"] == .number(3))
        #expect(limited.json?["global"] == .bool(false))
        #expect(await h.guild().guildChannels.count == 5)

        h.time.advance(by: 3)
        #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")])).status == 201)
        let counters = await h.emulator.currentCounters
        #expect(counters.rateLimited[.user] == 1)
        #expect(counters.invalidInWindow == 1)
        #expect(counters.executed == 6)
    }

    @Test func bucketsAreCountedPerMajorParameter() async throws {
        let h = await Harness(rateLimits: .discordLike)
        let other = await h.emulator.seedGuild(GuildSeed(name: "Other"))
        for _ in 0..<5 { await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")])) }
        #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")])).status == 429)
        #expect(await h.send("POST", "/guilds/\(other.guildID)/channels", .object(["name": .string("c")])).status == 201)
        // Another route of the same guild has its own bucket.
        #expect(await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["name": .string("r")])).status == 200)
    }

    @Test func sharedRoutesReportOneBucket() async throws {
        let h = await Harness()
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")])).id)
        let put = await h.send("PUT", "/channels/\(channel)/permissions/\(h.guildID)", .object(["type": .int(0), "deny": .string("1024")]))
        let delete = await h.send("DELETE", "/channels/\(channel)/permissions/\(h.guildID)")
        #expect(put.header("X-RateLimit-Bucket") == delete.header("X-RateLimit-Bucket"))
        #expect(delete.header("X-RateLimit-Remaining") == "3")
    }

    @Test func globalLimitHasGlobalScope() async throws {
        let limits = RateLimitConfiguration(global: .init(50, per: 1), defaultLimit: .init(1000, per: 1))
        let h = await Harness(rateLimits: limits)
        for _ in 0..<50 { #expect(await h.send("GET", "/users/@me").status == 200) }
        let limited = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")]))
        #expect(limited.status == 429)
        #expect(limited.header("X-RateLimit-Global") == "true")
        #expect(limited.header("X-RateLimit-Scope") == "global")
        #expect(limited.json?["global"] == .bool(true))
        #expect(await h.guild().guildChannels.isEmpty)
        h.time.advance(by: 1)
        #expect(await h.send("GET", "/users/@me").status == 200)
        #expect(await h.emulator.currentCounters.rateLimited[.global] == 1)
    }

    @Test func invalidRequestsSlideOutAfterTenMinutes() async throws {
        let h = await Harness()
        for _ in 0..<3 { await h.send("GET", "/users/@me", token: .some("bad")) }
        await h.send("GET", "/users/@me", token: .some(nil))
        #expect(await h.emulator.currentCounters.invalidInWindow == 4)
        h.time.advance(by: 300)
        await h.emulator.inject(Fault(.rateLimited(retryAfter: 1, scope: .shared), on: .route("GET /users/@me")))
        #expect(await h.send("GET", "/users/@me").header("X-RateLimit-Scope") == "shared")
        #expect(await h.emulator.currentCounters.invalidInWindow == 4)
        h.time.advance(by: 301)
        #expect(await h.emulator.currentCounters.invalidInWindow == 0)
        #expect(await h.emulator.currentCounters.invalidTotal == 4)
    }

    @Test func optionalNameTopicSublimit() async throws {
        var limits = RateLimitConfiguration.discordLike
        limits.channelNameTopicSublimit = .init(2, per: 600)
        let h = await Harness(rateLimits: limits)
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")])).id)
        #expect(await h.send("PATCH", "/channels/\(channel)", .object(["name": .string("a")])).status == 200)
        #expect(await h.send("PATCH", "/channels/\(channel)", .object(["topic": .string("b")])).status == 200)
        let third = await h.send("PATCH", "/channels/\(channel)", .object(["name": .string("c")]))
        #expect(third.status == 429)
        #expect(third.header("X-RateLimit-Remaining") == "3")
        #expect(await h.send("PATCH", "/channels/\(channel)", .object(["nsfw": .bool(true)])).status == 200)
        #expect(await h.guild().channels[channel]?.name == "a")
    }

    @Test func scaledLimitsShrinkWindows() {
        let scaled = RateLimitConfiguration.discordLike.scaled(by: 0.01)
        #expect(scaled.limit(for: RateLimitBucket.createChannel) == .init(5, per: 0.05))
        #expect(scaled.limit(for: RateLimitBucket.listMembers).limit == 10)
        #expect(scaled.global == .init(50, per: 0.01))
    }
}
