@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Discord's implicit permission rules [topics/permissions.mdx "Implicit Permissions";
/// DISCORD.md §5], applied wherever the emulator checks channel permissions.
@Suite("Implicit permissions")
struct ImplicitPermissionTests {
    /// A guild whose only channel is `name`, with `overwrites` built from the guild id
    /// (`@everyone`) and the bot's role id, which a seed cannot know in advance: the
    /// channel is seeded bare and its overwrites set out of band.
    func harness(type: ChannelType, overwrites: (Snowflake, Snowflake) -> [PermissionOverwrite],
                 features: [String] = []) async throws -> (Harness, Snowflake) {
        let h = await Harness(seed: GuildSeed(channels: [ChannelSeed(name: "c", type: type)], features: features))
        let channel = try #require(h.seeded.channelIDs["c"])
        for o in overwrites(h.guildID, h.seeded.botRoleID) { try await h.emulator.adminSetOverwrite(o, on: channel) }
        return (h, channel)
    }

    // permissions.mdx: "Denying a user or a role VIEW_CHANNEL on a channel implicitly denies
    // other permissions on the channel."
    @Test func withoutViewChannelEveryOtherChannelPermissionIsVoid() async throws {
        let (h, channel) = try await harness(type: .guildText) { everyone, _ in
            [overwrite(everyone, deny: .viewChannel)]
        }
        let guild = await h.guild()
        let calculator = PermissionCalculator(guild: guild)
        #expect(calculator.inChannel(h.seeded.bot.id, guild.channels[channel]!) == [])
        #expect(await h.send("DELETE", "/channels/\(channel)").code == 50001)
        #expect(await h.post(channel, .object(["content": .string("hi")])).code == 50001)
    }

    // permissions.mdx: "Denying SEND_MESSAGES implicitly denies MENTION_EVERYONE,
    // SEND_TTS_MESSAGES, ATTACH_FILES, and EMBED_LINKS."
    @Test func withoutSendMessagesEmbedLinksIsVoidAndEmbedsAreRefused() async throws {
        let (h, channel) = try await harness(type: .guildText) { everyone, _ in
            [overwrite(everyone, deny: .sendMessages)]
        }
        let guild = await h.guild()
        let inChannel = PermissionCalculator(guild: guild).inChannel(h.seeded.bot.id, guild.channels[channel]!)
        #expect(!inChannel.contains(.embedLinks))
        #expect(inChannel.contains(.viewChannel))
        let embed: JSONValue = .object(["embeds": .array([.object(["title": .string("Signups")])])])
        #expect(await h.post(channel, embed).code == 50013)

        // Allowing the bot's role SEND_MESSAGES back restores EMBED_LINKS from its role.
        try await h.emulator.adminSetOverwrite(overwrite(h.seeded.botRoleID, allow: .sendMessages), on: channel)
        #expect(await h.post(channel, embed).status == 200)
    }

    // Docs are silent on an embed without EMBED_LINKS (message.mdx, Create Message): the
    // emulator refuses it (50013) instead of dropping the embed; plain content still posts.
    @Test func anEmbedWithoutEmbedLinksIsRefusedWith50013() async throws {
        let (h, channel) = try await harness(type: .guildText) { everyone, bot in
            [overwrite(everyone, deny: .embedLinks), overwrite(bot, deny: .embedLinks)]
        }
        #expect(await h.post(channel, .object(["content": .string("plain")])).status == 200)
        let embed = await h.post(channel, .object(["embeds": .array([.object(["title": .string("x")])])]))
        #expect(embed.status == 403)
        #expect(embed.code == 50013)
        let posted = try #require(await h.post(channel, .object(["content": .string("card")])).id)
        let edit = await h.send("PATCH", "/channels/\(channel)/messages/\(posted)",
                                .object(["embeds": .array([.object(["title": .string("x")])])]))
        #expect(edit.code == 50013)
    }

    // permissions.mdx: "For voice and stage channels, denying the CONNECT permission also
    // implicitly denies other permissions such as MANAGE_CHANNEL" (discord.py: MANAGE_ROLES
    // and the voice bits too). The race voice channel the bot locks itself out of.
    @Test func inAVoiceChannelWithoutConnectTheBotCannotEditOrDeleteIt() async throws {
        let (h, channel) = try await harness(type: .guildVoice) { everyone, bot in
            [overwrite(everyone, deny: [.viewChannel, .connect]),
             overwrite(bot, allow: [.viewChannel, .manageChannels])]
        }
        let guild = await h.guild()
        let inChannel = PermissionCalculator(guild: guild).inChannel(h.seeded.bot.id, guild.channels[channel]!)
        #expect(!inChannel.contains(.manageChannels))
        #expect(!inChannel.contains(.manageRoles))
        #expect(!inChannel.contains(.speak))
        #expect(inChannel.contains(.viewChannel))
        #expect(await h.send("PATCH", "/channels/\(channel)", .object(["name": .string("Renamed")])).code == 50013)
        #expect(await h.send("DELETE", "/channels/\(channel)").code == 50013)
        let own = await h.send("PUT", "/channels/\(channel)/permissions/\(h.seeded.botRoleID)", .object([
            "type": .int(0), "allow": .string(String(Permissions([.viewChannel, .manageChannels, .connect]).rawValue)),
        ]))
        #expect(own.code == 50013)

        try await h.emulator.adminSetOverwrite(overwrite(h.seeded.botRoleID, allow: [.viewChannel, .manageChannels, .connect]), on: channel)
        #expect(await h.send("DELETE", "/channels/\(channel)").status == 200)
    }

    @Test func theConnectRuleAppliesToStageChannelsButNotToTextChannels() async throws {
        let (stage, stageID) = try await harness(type: .guildStageVoice, overwrites: { everyone, _ in
            [overwrite(everyone, deny: .connect)]
        }, features: ["COMMUNITY"])
        #expect(await stage.send("DELETE", "/channels/\(stageID)").code == 50013)
        let (text, textID) = try await harness(type: .guildText) { everyone, _ in [overwrite(everyone, deny: .connect)] }
        #expect(await text.send("DELETE", "/channels/\(textID)").status == 200)
    }

    // threads.mdx / permissions.mdx: threads inherit the parent channel's permissions;
    // SEND_MESSAGES has no effect in threads, SEND_MESSAGES_IN_THREADS decides.
    @Test func threadsInheritTheParentAndPostingNeedsSendMessagesInThreads() async throws {
        let (h, channel) = try await harness(type: .guildText) { everyone, _ in
            [overwrite(everyone, deny: .sendMessagesInThreads)]
        }
        let thread = try #require(await h.send("POST", "/channels/\(channel)/threads",
                                               .object(["name": .string("Team"), "type": .int(11)])).id)
        #expect(await h.post(thread, .object(["content": .string("hi")])).code == 50013)
        #expect(await h.post(channel, .object(["content": .string("hi")])).status == 200)

        let (readOnly, parent) = try await harness(type: .guildText) { everyone, _ in [overwrite(everyone, deny: .sendMessages)] }
        let open = try #require(await readOnly.send("POST", "/channels/\(parent)/threads",
                                                   .object(["name": .string("Team"), "type": .int(11)])).id)
        let card = await readOnly.post(open, .object(["embeds": .array([.object(["title": .string("Stints")])])]))
        #expect(card.status == 200)
        #expect(await readOnly.post(parent, .object(["content": .string("hi")])).code == 50013)
    }

    @Test func aThreadUnderAChannelTheBotCannotSeeIsInvisible() async throws {
        let (h, channel) = try await harness(type: .guildText) { _, _ in [] }
        let thread = try #require(await h.send("POST", "/channels/\(channel)/threads",
                                               .object(["name": .string("Team"), "type": .int(11)])).id)
        try await h.emulator.adminSetOverwrite(overwrite(h.guildID, deny: .viewChannel), on: channel)
        #expect(await h.post(thread, .object(["content": .string("hi")])).code == 50001)
    }

    // message.mdx Get Channel Message(s): "If the channel is a voice channel, they must also
    // have the CONNECT permission."
    @Test func readingMessagesInAVoiceChannelNeedsConnect() async throws {
        let (h, channel) = try await harness(type: .guildVoice) { everyone, _ in [overwrite(everyone, deny: .connect)] }
        let message = try await h.emulator.adminPostMessage(in: channel, content: "gg", authorID: 1_000_000_000_000_000_101)
        #expect(await h.send("GET", "/channels/\(channel)/messages").code == 50013)
        #expect(await h.send("GET", "/channels/\(channel)/messages/\(message)").code == 50013)
        try await h.emulator.adminSetOverwrite(overwrite(h.seeded.botRoleID, allow: .connect), on: channel)
        #expect(await h.send("GET", "/channels/\(channel)/messages/\(message)").status == 200)
    }
}
