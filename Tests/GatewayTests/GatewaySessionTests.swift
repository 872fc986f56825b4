import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Testing
@testable import Gateway

/// The gateway client against the emulator's gateway: identify, heartbeats, every fault
/// the emulator can inject, and the close codes that must stop it.
@Suite(.serialized) struct GatewaySessionTests {
    @Test func identifiesWithTheRequestedIntentsAndGetsReadyThenGuildCreate() async throws {
        let rig = try await GatewayRig()
        defer { Task { await rig.stop() } }
        let session = rig.session(intents: [.guilds])
        let run = rig.run(session)
        #expect(await rig.events.wait(for: "GUILD_CREATE"))
        #expect(await rig.events.names.prefix(2) == ["READY", "GUILD_CREATE"])
        guard case .guildCreate(let guild) = await rig.events.events[1] else { Issue.record("no guild"); return }
        #expect(guild.id == GatewayRig.guildID && !guild.roles.isEmpty)
        #expect(rig.emulator.gateway.currentStats.identifies == 1)
        // GUILDS only: a member joining is not sent.
        try await rig.emulator.addMembers([42_000_000_000_000_001], to: GatewayRig.guildID)
        try await rig.emulator.adminCreateChannel(in: GatewayRig.guildID, name: "after-join")
        #expect(await rig.events.wait(for: "CHANNEL_CREATE"))
        #expect(await rig.events.count("GUILD_MEMBER_ADD") == 0)
        await session.stop()
        #expect(await run.value == nil)
    }

    @Test func heartbeatsStartWithJitterAreAcknowledgedAndAZombieConnectionIsResumed() async throws {
        let rig = try await GatewayRig(heartbeatMs: 1000)
        defer { Task { await rig.stop() } }
        let clock = ManualClock()
        let session = rig.session(clock: clock)
        let run = rig.run(session)
        #expect(await rig.events.wait(for: "GUILD_CREATE"))
        #expect(await eventually { await session.currentStats().firstHeartbeatDelay != nil })
        let first = try #require(await session.currentStats().firstHeartbeatDelay)
        #expect(first > 0 && first < 1, "interval × random(0..1)")
        #expect(await eventually { clock.hasSleeper(wakingIn: .seconds(first)) })
        // Just before the jittered first beat nothing is sent; just after, one is, and ACKed.
        clock.advance(by: .seconds(first) - .milliseconds(1))
        await Task.yield()
        #expect(await session.currentStats().heartbeatsSent == 0)
        clock.advance(by: .milliseconds(1))
        #expect(await eventually { await session.currentStats().acksReceived == 1 })
        // Then one per interval.
        for beat in 2...3 {
            #expect(await eventually { clock.hasSleeper(wakingIn: .seconds(1)) })
            clock.advance(by: .seconds(1))
            #expect(await eventually { await session.currentStats().acksReceived == beat })
        }
        #expect(rig.emulator.gateway.currentStats.heartbeats == 3)
        #expect(await session.currentStats().zombies == 0)

        // No ACK for a heartbeat: at the next beat the connection is a zombie, closed and resumed.
        rig.emulator.gateway.configure { $0.withholdACKs = true }
        #expect(await eventually { clock.hasSleeper(wakingIn: .seconds(1)) })
        clock.advance(by: .seconds(1))
        #expect(await eventually { rig.emulator.gateway.currentStats.heartbeats == 4 })
        rig.emulator.gateway.configure { $0.withholdACKs = false }
        #expect(await eventually { clock.hasSleeper(wakingIn: .seconds(1)) })
        clock.advance(by: .seconds(1))
        #expect(await rig.events.wait(for: "RESUMED"))
        let stats = await session.currentStats()
        #expect(stats.zombies == 1 && stats.identifies == 1 && stats.connections == 2)
        await session.stop()
        _ = await run.value
    }

    @Test func aDroppedConnectionResumesAndReplaysWhatWasMissed() async throws {
        let rig = try await GatewayRig()
        defer { Task { await rig.stop() } }
        let session = rig.session()
        let run = rig.run(session)
        #expect(await rig.events.wait(for: "GUILD_CREATE"))
        // Events made while the connection is down are replayed after Resume.
        await rig.emulator.gateway.configure { $0.heartbeatIntervalMs = 60_000 }
        rig.emulator.gateway.dropConnections()
        for name in ["one", "two", "three"] {
            _ = try await rig.emulator.adminCreateChannel(in: GatewayRig.guildID, name: name)
        }
        #expect(await rig.events.wait(for: "RESUMED"))
        #expect(await rig.events.wait(for: "CHANNEL_CREATE", count: 3))
        let stats = await session.currentStats()
        #expect(stats.identifies == 1 && stats.resumed == 1)
        #expect(rig.emulator.gateway.currentStats.resumes == 1)
        #expect(await rig.events.count("CHANNEL_CREATE") == 3, "each event once")
        await session.stop()
        _ = await run.value
    }

    @Test func reconnectRequestIsResumed() async throws {
        let rig = try await GatewayRig()
        defer { Task { await rig.stop() } }
        let session = rig.session()
        let run = rig.run(session)
        #expect(await rig.events.wait(for: "GUILD_CREATE"))
        rig.emulator.gateway.sendReconnect()
        #expect(await rig.events.wait(for: "RESUMED"))
        let stats = await session.currentStats()
        #expect(stats.reconnectRequests == 1 && stats.identifies == 1 && stats.connections == 2)
        await session.stop()
        _ = await run.value
    }

    @Test func anInvalidSessionThatCannotResumeIdentifiesAgain() async throws {
        let rig = try await GatewayRig()
        defer { Task { await rig.stop() } }
        let session = rig.session()
        let run = rig.run(session)
        #expect(await rig.events.wait(for: "GUILD_CREATE"))
        rig.emulator.gateway.sendInvalidSession(resumable: false)
        #expect(await rig.events.wait(for: "READY", count: 2))
        #expect(await rig.events.wait(for: "GUILD_CREATE", count: 2))
        let stats = await session.currentStats()
        #expect(stats.identifies == 2 && stats.invalidSessions == 1 && stats.resumes == 0)
        await session.stop()
        _ = await run.value
    }

    @Test func aRefusedResumeFallsBackToIdentify() async throws {
        let rig = try await GatewayRig()
        defer { Task { await rig.stop() } }
        let session = rig.session()
        let run = rig.run(session)
        #expect(await rig.events.wait(for: "GUILD_CREATE"))
        rig.emulator.gateway.configure { $0.refuseResumes = true }
        rig.emulator.gateway.dropConnections()
        #expect(await rig.events.wait(for: "READY", count: 2))
        let stats = await session.currentStats()
        #expect(stats.resumes == 1 && stats.identifies == 2)
        #expect(rig.emulator.gateway.currentStats.resumesRefused == 1)
        await session.stop()
        _ = await run.value
    }

    @Test(arguments: [4004, 4010, 4011, 4012, 4013, 4014])
    func fatalCloseCodesStopWithTheError(code: Int) async throws {
        let rig = try await GatewayRig()
        defer { Task { await rig.stop() } }
        let session = rig.session()
        let run = rig.run(session)
        #expect(await rig.events.wait(for: "GUILD_CREATE"))
        rig.emulator.gateway.closeConnections(code: code)
        let error = await run.value
        guard case .fatalClose(let got, let reason)? = error else { Issue.record("ended with \(String(describing: error))"); return }
        #expect(got == code && !reason.isEmpty)
        #expect(await session.currentStats().connections == 1, "never reconnects")
    }

    @Test func theEmulatorRejectsWhatDiscordRejects() async throws {
        let rig = try await GatewayRig()
        defer { Task { await rig.stop() } }
        // A bad token: 4004.
        let bad = await rig.run(rig.session(token: "not-a-token")).value
        #expect(bad == .fatalClose(code: 4004, reason: "authentication failed: the bot token is invalid"))
        // Privileged intents the portal does not allow: 4014.
        rig.emulator.gateway.configure { $0.allowedPrivilegedIntents = 0 }
        guard case .fatalClose(4014, _)? = await rig.run(rig.session(intents: [.guilds, .guildMembers])).value else {
            Issue.record("expected 4014"); return
        }
        // More shards needed than identified with: 4011.
        rig.emulator.gateway.configure { $0.allowedPrivilegedIntents = 1 << 1; $0.shards = 2 }
        guard case .fatalClose(4011, _)? = await rig.run(rig.session(intents: [.guilds])).value else {
            Issue.record("expected 4011"); return
        }
    }

    @Test func restChangesAndOutOfBandHooksAreDispatched() async throws {
        let rig = try await GatewayRig()
        defer { Task { await rig.stop() } }
        let session = rig.session(intents: [.guilds, .guildMembers, .guildMessages])
        let run = rig.run(session)
        #expect(await rig.events.wait(for: "GUILD_CREATE"))
        let channel = try await rig.client.createChannel(in: GatewayRig.guildID, CreateChannelRequest(name: "rest-made"), reason: nil)
        let role = try await rig.emulator.adminCreateRole(in: GatewayRig.guildID, name: "drivers")
        try await rig.emulator.adminAddMemberRole(role, to: GatewayRig.members[0], in: GatewayRig.guildID)
        _ = try await rig.emulator.adminPostMessage(in: channel.id, content: "hello", authorID: GatewayRig.members[1])
        try await rig.emulator.adminRemoveMember(GatewayRig.members[2], from: GatewayRig.guildID)
        try await rig.emulator.adminDeleteRole(role, in: GatewayRig.guildID)
        try await rig.emulator.adminDeleteChannel(channel.id)
        #expect(await rig.events.wait(for: "CHANNEL_DELETE"))
        let names = await rig.events.names
        for expected in ["CHANNEL_CREATE", "GUILD_ROLE_CREATE", "GUILD_MEMBER_UPDATE", "MESSAGE_CREATE",
                         "GUILD_MEMBER_REMOVE", "GUILD_ROLE_DELETE", "CHANNEL_DELETE"] {
            #expect(names.contains(expected), "\(expected) in \(names)")
        }
        // Without MESSAGE_CONTENT, other users' content arrives empty.
        let message = await rig.events.events.compactMap { if case .messageCreate(_, let m) = $0 { m } else { nil } }.first
        #expect(message?.content == "")
        await session.stop()
        _ = await run.value
    }
}
