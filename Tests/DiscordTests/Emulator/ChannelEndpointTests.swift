import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Channels, positions and overwrites against the emulator: happy paths and Discord's errors.
@Suite struct ChannelEndpointTests {
    @Test func createListModifyMoveAndDelete() async throws {
        try await withEmulator(GuildSeed(roles: [RoleSeed(name: "Drivers")])) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let drivers = rig.seeded.roleIDs["Drivers"]!
            let botRole = rig.seeded.botRoleID
            let category = try await rig.one {
                try await client.createChannel(in: guildID, CreateChannelRequest(name: "GT3 Cup", type: .guildCategory), reason: "create series/gt3")
            }
            #expect(category.type == .guildCategory)
            let text = try await rig.one {
                try await client.createChannel(in: guildID, CreateChannelRequest(
                    name: "spa-6h-signup", type: .guildText, topic: "Sign up", parentID: category.id,
                    permissionOverwrites: [
                        PermissionOverwriteRequest(id: guildID, type: .role, deny: [.viewChannel]),
                        PermissionOverwriteRequest(id: drivers, type: .role, allow: [.viewChannel, .sendMessages]),
                        // Without this the bot locks itself out (Discord answers 50001 on the next edit).
                        PermissionOverwriteRequest(id: botRole, type: .role, allow: [.viewChannel]),
                    ]), reason: "create signup")
            }
            #expect(text.parentID == category.id)
            #expect(text.permissionOverwrites?.count == 3)
            let voice = try await rig.one {
                try await client.createChannel(in: guildID, CreateChannelRequest(name: "Race Voice", type: .guildVoice, parentID: category.id, userLimit: 10), reason: "voice")
            }
            #expect(voice.userLimit == 10)
            let listed = try await rig.one { try await client.channels(in: guildID) }
            #expect(Set(listed.map(\.id)).isSuperset(of: [category.id, text.id, voice.id]))
            let renamed = try await rig.one {
                try await client.modifyChannel(text.id, ModifyChannelRequest(name: "spa-6h-entries", topic: .null, parentID: .null), reason: "rename")
            }
            #expect(renamed.name == "spa-6h-entries")
            #expect(renamed.parentID == nil)
            #expect(renamed.topic == nil || renamed.topic == "")
            try await rig.one {
                try await client.modifyChannelPositions(in: guildID, [
                    ChannelPositionEntry(id: voice.id, position: 0),
                    ChannelPositionEntry(id: text.id, position: 1, parentID: .value(category.id)),
                ], reason: "order")
            }
            let fetched = try await rig.one { try await client.channel(text.id) }
            #expect(fetched.parentID == category.id)
            #expect(fetched.position == 1)
            let deleted = try await rig.one { try await client.deleteChannel(voice.id, reason: "retire") }
            #expect(deleted.id == voice.id)
            let remaining = try await rig.emulator.channels(of: guildID).map(\.id)
            #expect(!remaining.contains(voice.id))
        }
    }

    @Test func overwritesPutAndDelete() async throws {
        try await withEmulator(GuildSeed(memberIDs: [501], roles: [RoleSeed(name: "Team")], channels: [ChannelSeed(name: "paddock")])) { rig in
            let client = rig.client
            let channelID = rig.seeded.channelIDs["paddock"]!
            let team = rig.seeded.roleIDs["Team"]!
            try await rig.one {
                try await client.editPermissionOverwrite(channelID: channelID, targetID: team,
                    EditPermissionOverwriteRequest(type: .role, allow: [.viewChannel, .sendMessages]), reason: "grant team")
            }
            try await rig.one {
                try await client.editPermissionOverwrite(channelID: channelID, targetID: 501,
                    EditPermissionOverwriteRequest(type: .member, deny: [.sendMessages]), reason: "mute driver")
            }
            var channel = try await rig.one { try await client.channel(channelID) }
            #expect(channel.permissionOverwrites?.first { $0.id == team }?.allow == [.viewChannel, .sendMessages])
            #expect(channel.permissionOverwrites?.first { $0.id == 501 }?.type == .member)
            try await rig.one { try await client.deletePermissionOverwrite(channelID: channelID, targetID: team, reason: "revoke") }
            channel = try await rig.one { try await client.channel(channelID) }
            #expect(channel.permissionOverwrites?.contains { $0.id == team } == false)
        }
    }

    @Test func channelErrors() async throws {
        var seed = GuildSeed(channels: [ChannelSeed(name: "general")])
        seed.botPermissions = Permissions.reconcilerBot.subtracting([.manageChannels])
        try await withEmulator(seed) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let missing = try await rig.failure { _ = try await client.createChannel(in: guildID, CreateChannelRequest(name: "x"), reason: "t") }
            #expect(missing?.code == 50013)
            #expect(missing?.advice.contains("MANAGE_CHANNELS") == true)
            #expect(missing?.advice.contains("doctor") == true)
        }
        try await withEmulator(GuildSeed(channels: [ChannelSeed(name: "general")])) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let general = rig.seeded.channelIDs["general"]!
            try await rig.emulator.adminDeleteChannel(general)
            let gone = try await rig.failure { _ = try await client.modifyChannel(general, ModifyChannelRequest(name: "x"), reason: "t") }
            #expect(gone?.code == 10003)
            #expect(gone?.isNotFound == true)
            #expect(gone?.advice.contains("deleted outside the reconciler") == true)
            // An overwrite granting a bit the bot lacks (ADMINISTRATOR) is refused.
            let escalation = try await rig.failure {
                _ = try await client.createChannel(in: guildID, CreateChannelRequest(name: "vip", permissionOverwrites: [
                    PermissionOverwriteRequest(id: guildID, type: .role, allow: [.administrator]),
                ]), reason: "t")
            }
            #expect(escalation?.code == 50013)
            let unknownOverwrite = try await rig.failure {
                try await client.deletePermissionOverwrite(channelID: 999, targetID: 1, reason: "t")
            }
            #expect(unknownOverwrite?.code == 10003)
        }
    }

    @Test func invalidFormBodyListsFields() async throws {
        // The body is deliberately invalid, so it stays out of the OpenAPI body log.
        try await withEmulator(bodyLog: false) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let error = try await rig.failure {
                _ = try await client.createChannel(in: guildID, CreateChannelRequest(name: String(repeating: "x", count: 101)), reason: "t")
            }
            #expect(error?.code == 50035)
            #expect(error?.fieldErrors.contains { $0.path == "name" } == true)
            #expect(error?.advice.contains("name:") == true)
        }
    }

    @Test func guildChannelLimit() async throws {
        let seed = GuildSeed(channels: (0..<500).map { ChannelSeed(name: "c\($0)") })
        try await withEmulator(seed) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let error = try await rig.failure { _ = try await client.createChannel(in: guildID, CreateChannelRequest(name: "one-more"), reason: "t") }
            #expect(error?.code == 30013)
            #expect(error?.advice.contains("500 channels") == true)
        }
    }
}
