import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Threads and messages against the emulator.
@Suite struct ThreadMessageEndpointTests {
    @Test func threadsLifecycle() async throws {
        let seed = GuildSeed(memberIDs: [801, 802], channels: [ChannelSeed(name: "teams"), ChannelSeed(name: "voice", type: .guildVoice)])
        try await withEmulator(seed) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let teams = rig.seeded.channelIDs["teams"]!
            let publicThread = try await rig.one {
                try await client.startThread(in: teams, StartThreadRequest(name: "Team Alpha", type: .publicThread, autoArchiveDuration: 1440), reason: "team thread")
            }
            #expect(publicThread.type == .publicThread)
            let privateThread = try await rig.one {
                try await client.startThread(in: teams, StartThreadRequest(name: "Team Beta", type: .privateThread, invitable: false), reason: "private team")
            }
            #expect(privateThread.type == .privateThread)
            try await rig.one { try await client.addThreadMember(threadID: privateThread.id, userID: 801, reason: "add driver") }
            try await rig.one { try await client.addThreadMember(threadID: privateThread.id, userID: 802) }
            var members = try await rig.one { try await client.threadMembers(threadID: privateThread.id) }
            #expect(Set(members.compactMap(\.userID)).isSuperset(of: [801, 802]))
            try await rig.one { try await client.removeThreadMember(threadID: privateThread.id, userID: 802, reason: "left team") }
            members = try await rig.one { try await client.threadMembers(threadID: privateThread.id) }
            #expect(!members.contains { $0.userID == 802 })
            let active = try await rig.one { try await client.activeThreads(in: guildID) }
            #expect(Set(active.threads.map(\.id)) == [publicThread.id, privateThread.id])
            let renamed = try await rig.one {
                try await client.modifyThread(publicThread.id, ModifyThreadRequest(name: "Team Alpha (Spa)"), reason: "rename")
            }
            #expect(renamed.name == "Team Alpha (Spa)")
            let archived = try await rig.one {
                try await client.modifyThread(publicThread.id, ModifyThreadRequest(archived: true, locked: true), reason: "archive")
            }
            #expect(archived.threadMetadata?.archived == true)
            #expect(archived.threadMetadata?.locked == true)
            _ = try await rig.one { try await client.modifyThread(privateThread.id, ModifyThreadRequest(archived: true), reason: "archive") }
            let archivedPublic = try await rig.one { try await client.archivedPublicThreads(in: teams) }
            #expect(archivedPublic.threads.map(\.id) == [publicThread.id])
            let archivedPrivate = try await rig.one { try await client.archivedPrivateThreads(in: teams, limit: 50) }
            #expect(archivedPrivate.threads.map(\.id) == [privateThread.id])
            // Errors: a change to an archived thread, a private thread under a voice channel.
            let onArchived = try await rig.failure { try await client.addThreadMember(threadID: publicThread.id, userID: 801) }
            #expect(onArchived?.code == 50083)
            let voice = rig.seeded.channelIDs["voice"]!
            let wrongParent = try await rig.failure {
                _ = try await client.startThread(in: voice, StartThreadRequest(name: "x", type: .privateThread), reason: "t")
            }
            #expect(wrongParent?.status == 400)
        }
    }

    @Test func messagesCreateEditPinDelete() async throws {
        try await withEmulator(GuildSeed(channels: [ChannelSeed(name: "signup")])) { rig in
            let client = rig.client
            let channelID = rig.seeded.channelIDs["signup"]!
            let posted = try await rig.one {
                try await client.createMessage(in: channelID, CreateMessageRequest(
                    content: "Sign up for Spa 6h", embeds: [Embed(title: "Spa 6h", description: "Sat 18:00", fields: [.init(name: "Class", value: "GT3", inline: true)])],
                    allowedMentions: .noPings), reason: "post signup")
            }
            #expect(posted.content == "Sign up for Spa 6h")
            #expect(posted.embeds.first?.title == "Spa 6h")
            let edited = try await rig.one {
                try await client.editMessage(channelID: channelID, messageID: posted.id, EditMessageRequest(content: "Sign up (12 seats left)"), reason: "update")
            }
            #expect(edited.content == "Sign up (12 seats left)")
            try await rig.one { try await client.pinMessage(channelID: channelID, messageID: posted.id, reason: "pin signup") }
            let pinned = try await rig.one { try await client.message(channelID: channelID, messageID: posted.id) }
            #expect(pinned.pinned)
            try await rig.one { try await client.unpinMessage(channelID: channelID, messageID: posted.id, reason: "unpin") }
            try await rig.one { try await client.deleteMessage(channelID: channelID, messageID: posted.id, reason: "retire") }
            let gone = try await rig.failure { _ = try await client.message(channelID: channelID, messageID: posted.id) }
            #expect(gone?.code == 10008)
            #expect(gone?.advice.contains("deleted outside") == true)
        }
    }
}
