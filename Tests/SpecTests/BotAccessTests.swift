import DiscordTypes
import Foundation
import Spec
import Testing

/// The bot keeps the access it needs in every channel it manages, computed with Discord's
/// implicit rules (DISCORD.md §5), as part of compile.
@Suite struct BotAccessTests {
    let guild: Snowflake = 1_180_244_318_470_983_750
    let bot: Snowflake = 1_180_245_872_113_766_410

    @Test func aLockedVoiceChannelGetsViewConnectAndManageChannelsForTheBot() {
        let voice = DesiredChannel(key: "team/race-voice", kind: .voice, name: "Race", overwrites: [
            DesiredOverwrite(target: .everyone, deny: [.viewChannel, .connect]),
            DesiredOverwrite(target: .managedRole("team/role"), allow: [.viewChannel, .connect, .speak]),
        ])
        let fixed = BotAccess.ensure(DesiredGuild(guildID: guild, channels: [voice]), bot: bot)
        #expect(fixed.channels[0].overwrites.last == DesiredOverwrite(
            target: .member(bot), allow: [.viewChannel, .connect, .manageChannels]))
        // Without CONNECT Discord would also take MANAGE_CHANNELS and MANAGE_ROLES: now it keeps both.
        let has = BotAccess.effective(fixed.channels[0], in: fixed, bot: bot)
        #expect(has.isSuperset(of: [.viewChannel, .connect, .manageChannels, .manageRoles]))
    }

    @Test func aReadOnlyChannelWhereTheBotPostsGetsSendAndEmbedBack() {
        let text = DesiredChannel(key: "event/signup", kind: .text, name: "signup", overwrites: [
            DesiredOverwrite(target: .everyone, deny: [.sendMessages, .sendMessagesInThreads, .createPrivateThreads]),
        ])
        let card = DesiredMessage(key: "event/message/signup", channel: "event/signup", content: "hi",
                                  embeds: [Embed(title: "Card")], pinned: true)
        let thread = DesiredThread(key: "team/thread", name: "Team", parent: "event/signup")
        let fixed = BotAccess.ensure(
            DesiredGuild(guildID: guild, channels: [text], threads: [thread], messages: [card]), bot: bot)
        #expect(fixed.channels[0].overwrites.last == DesiredOverwrite(
            target: .member(bot), allow: [.sendMessages, .embedLinks, .createPrivateThreads, .sendMessagesInThreads]))
    }

    @Test func anOpenChannelGetsNoOverwrite() {
        let text = DesiredChannel(key: "event/signup", kind: .text, name: "signup")
        let voice = DesiredChannel(key: "team/practice-voice", kind: .voice, name: "Practice")
        let layout = DesiredGuild(guildID: guild, channels: [text, voice])
        #expect(BotAccess.ensure(layout, bot: bot) == layout)
    }

    @Test func theBotsOwnDenyIsLifted() {
        let voice = DesiredChannel(key: "v", kind: .voice, name: "v", overwrites: [
            DesiredOverwrite(target: .member(bot), deny: [.connect]),
        ])
        let fixed = BotAccess.ensure(DesiredGuild(guildID: guild, channels: [voice]), bot: bot)
        #expect(fixed.channels[0].overwrites == [DesiredOverwrite(target: .member(bot), allow: [.connect, .manageChannels])])
    }

    /// Every channel of the example club, at every instant of its season, leaves the bot
    /// what it needs there (and compile did it, so `render` shows it).
    @Test func theExampleSeasonNeverLocksTheBotOut() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/apex-endurance").path
        let config = try ConfigLoader.load(path: path)
        let start = try Date("2026-09-01T00:00:00Z", strategy: .iso8601)
        var checked = 0
        for day in stride(from: 0, to: 400, by: 1) {
            let at = start.addingTimeInterval(Double(day) * 86400 + 17 * 3600)
            let desired = Compiler.compile(config, at: at).desired
            for channel in desired.channels {
                let needs = BotAccess.needs(channel, in: desired)
                let has = BotAccess.effective(channel, in: desired, bot: config.settings.discord.applicationID)
                #expect(needs.subtracting(has).isEmpty, "\(channel.key) at \(at): missing \(needs.subtracting(has))")
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
