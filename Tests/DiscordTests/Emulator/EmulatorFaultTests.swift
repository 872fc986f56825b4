import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// 429 storms, 5xx and timeouts injected by the emulator: work done exactly once.
@Suite struct EmulatorFaultTests {
    @Test func a429StormIsSurvivedWithEachChannelCreatedOnce() async throws {
        try await withEmulator { rig in
            let client = rig.client
            let guildID = rig.guildID
            await rig.emulator.inject(Fault(.rateLimited(retryAfter: 0.5, scope: .user), on: .route("POST /guilds/{guild_id}/channels"), times: 6))
            await rig.emulator.inject(Fault(.rateLimited(retryAfter: 1, scope: .global), on: .any, times: 2))
            await rig.emulator.inject(Fault(.rateLimited(retryAfter: 0.3, scope: .shared), on: .any, times: 2))
            let results = try await rig.run(12) { index in
                try await client.createChannel(in: guildID, CreateChannelRequest(name: "storm-\(index)"), reason: "storm")
            }
            #expect(results.allSatisfy { $0.error == nil })
            let names = try await rig.emulator.channels(of: guildID).compactMap(\.name).filter { $0.hasPrefix("storm-") }
            #expect(names.count == 12)
            #expect(Set(names).count == 12)
            let metrics = await client.metrics()
            #expect(metrics.rateLimited == 10)
            #expect(metrics.globalRateLimited == 2)
            #expect(metrics.sharedRateLimited == 2)
            #expect(await rig.emulator.currentCounters.invalidInWindow == 8)
        }
    }

    @Test func serverErrorsAreRetriedForEditsAndChangeOnce() async throws {
        try await withEmulator(GuildSeed(channels: [ChannelSeed(name: "pit")])) { rig in
            let client = rig.client
            let pit = rig.seeded.channelIDs["pit"]!
            await rig.emulator.inject(Fault(.serverError(502), on: .route("PATCH /channels/{channel_id}"), times: 2))
            let channel = try await rig.one { try await client.modifyChannel(pit, ModifyChannelRequest(name: "pit-lane"), reason: "rename") }
            #expect(channel.name == "pit-lane")
            #expect(await rig.emulator.requests(to: "PATCH /channels/{channel_id}").count == 3)
            #expect(await client.metrics().retries == 2)
        }
    }

    @Test func lostCreateResponseIsResolvedWithoutADuplicate() async throws {
        try await withEmulator { rig in
            let client = rig.client
            let guildID = rig.guildID
            // The emulator creates the channel but answers 500: the outcome looks unknown.
            await rig.emulator.inject(Fault(.serverError(500, executed: true), on: .route("POST /guilds/{guild_id}/channels"), times: 1))
            let unverified = try await rig.failure {
                _ = try await client.createChannel(in: guildID, CreateChannelRequest(name: "lost-once"), reason: "create")
            }
            #expect(unverified?.kind == .outcomeUnknown)
            await rig.emulator.inject(Fault(.serverError(500, executed: true), on: .route("POST /guilds/{guild_id}/channels"), times: 1))
            let channel = try await rig.one {
                try await client.createChannel(in: guildID, CreateChannelRequest(name: "lost-twice"), reason: "create") {
                    try await client.channels(in: guildID).first { $0.name == "lost-twice" }
                }
            }
            #expect(channel.name == "lost-twice")
            // A 503 that did not execute: verification finds nothing, so the POST is re-sent once.
            await rig.emulator.inject(Fault(.serverError(503), on: .route("POST /guilds/{guild_id}/channels"), times: 1))
            _ = try await rig.one {
                try await client.createChannel(in: guildID, CreateChannelRequest(name: "retried"), reason: "create") {
                    try await client.channels(in: guildID).first { $0.name == "retried" }
                }
            }
            let names = try await rig.emulator.channels(of: guildID).compactMap(\.name)
            #expect(names.filter { $0 == "lost-once" }.count == 1)
            #expect(names.filter { $0 == "lost-twice" }.count == 1)
            #expect(names.filter { $0 == "retried" }.count == 1)
        }
    }

    @Test func timeoutsAreRetriedForIdempotentRequests() async throws {
        try await withEmulator(GuildSeed(roles: [RoleSeed(name: "Marshal")], channels: [ChannelSeed(name: "control")]),
                               requestTimeout: .seconds(4)) { rig in
            // The retry must answer within the (real-time) timeout even on a loaded 2-core
            // machine, hence 4 s rather than 1 s; the held request outlasts it by far.
            let client = rig.client
            let control = rig.seeded.channelIDs["control"]!
            let marshal = rig.seeded.roleIDs["Marshal"]!
            await rig.emulator.inject(Fault(.timeout(seconds: 12), on: .route("PUT /channels/{channel_id}/permissions/{overwrite_id}"), times: 1))
            try await rig.one {
                try await client.editPermissionOverwrite(channelID: control, targetID: marshal,
                    EditPermissionOverwriteRequest(type: .role, allow: [.viewChannel]), reason: "grant")
            }
            let channel = try await rig.emulator.channels(of: rig.guildID).first { $0.id == control }
            #expect(channel?.permissionOverwrites?.filter { $0.id == marshal }.count == 1)
            #expect(await client.metrics().retries == 1)
        }
    }

    @Test func breakerStopsLongBeforeDiscordsBan() async throws {
        let seed = GuildSeed(roles: [RoleSeed(name: "Owner Crew", aboveBot: true)])
        try await withEmulator(seed, breaker: 20) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let crew = rig.seeded.roleIDs["Owner Crew"]!
            var kinds: [DiscordError.Kind] = []
            for _ in 0..<30 {
                let error = try await rig.failure {
                    _ = try await client.modifyRole(in: guildID, roleID: crew, ModifyRoleRequest(name: "x"), reason: "t")
                }
                kinds.append(error?.kind ?? .http)
            }
            #expect(kinds.prefix(20).allSatisfy { $0 == .http })
            #expect(kinds.suffix(10).allSatisfy { $0 == .circuitOpen })
            let counters = await rig.emulator.currentCounters
            #expect(counters.invalidInWindow == 20)
            #expect(counters.requests == 20)
        }
    }
}
