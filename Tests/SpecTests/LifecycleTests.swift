import DiscordTypes
import Foundation
import Spec
import Testing

/// The lifecycle of one event through compile, instant by instant.
@Suite struct LifecycleTests {
    static let club = """
        kind: club
        members:
          - { id: ana, display_name: Ana, discord_user_id: "284611907262775296" }
          - { id: bo, display_name: Bo, discord_user_id: "284611907262775297" }
          - { id: cy, display_name: Cy }
        series: [{ id: cup, name: Winter Cup }]
        events:
          - id: race
            series: cup
            name: Night Race
            signup: { url: https://x.test/s, opens: 2026-12-01T18:00:00Z, closes: 2026-12-10T18:00:00Z }
            start: 2026-12-12T18:00:00Z
            duration: 2h
            participants: [ana, bo, cy]
            teams:
              - id: red
                name: Red
                members: [ana, bo, cy]
                stints:
                  - { driver: ana, start: 2026-12-12T18:00:00Z, end: 2026-12-12T19:00:00Z }
                  - { driver: bo, start: 2026-12-12T19:00:00Z, end: 2026-12-12T20:00:00Z }

        """

    func layout(_ at: String, settings: String = "") throws -> CompiledGuild {
        try Compiler.compile(TestClub.load(club: Self.club, settings: settings), at: instant(at))
    }

    func keys(_ compiled: CompiledGuild) -> Set<String> {
        let d = compiled.desired
        return Set((d.channels.map(\.key) + d.roles.map(\.key) + d.threads.map(\.key) + d.messages.map(\.key)).map(\.rawValue))
    }

    let base = "series/cup/event/race"

    @Test func beforeTheSignupOpensThereIsNothing() throws {
        let compiled = try layout("2026-11-30T12:00:00Z")
        #expect(keys(compiled).isEmpty)
        #expect(compiled.nextTransition == instant("2026-12-01T18:00:00Z"))
        #expect(compiled.nextTransitionReason == "signup channel for Night Race opens")
    }

    @Test func signupOpenGivesCategoryChannelAndPinnedCard() throws {
        let compiled = try layout("2026-12-01T18:00:00Z")
        #expect(keys(compiled) == ["series/cup", "\(base)/signup", "\(base)/message/signup"])
        let channel = try #require(compiled.desired.channels.first { $0.kind == .text })
        #expect(channel.name == "night-race-signup")
        #expect(channel.parent == "series/cup")
        #expect(channel.topic?.contains("https://x.test/s") == true)
        #expect(channel.topic?.contains("2026-12-12 18:00 UTC") == true)
        let card = try #require(compiled.desired.messages.first)
        #expect(card.pinned && card.embeds.count == 1 && card.embeds[0].url == "https://x.test/s")
        #expect(compiled.nextTransition == instant("2026-12-10T18:00:00Z"))
    }

    @Test func teamsAppearWhenTheSignupCloses() throws {
        let compiled = try layout("2026-12-10T18:00:00Z")
        let d = compiled.desired
        let role = try #require(d.roles.first)
        #expect(role.key == "\(base)/team/red/role")
        #expect(role.name == "Night Race · Red")
        #expect(role.members == [284_611_907_262_775_296, 284_611_907_262_775_297])
        let thread = try #require(d.threads.first)
        #expect(thread.isPrivate && thread.parent == "\(base)/signup" && thread.members == role.members)
        #expect(d.channels.contains { $0.key == "\(base)/team/red/practice-voice" && $0.kind == .voice })
        #expect(!d.channels.contains { $0.key == "\(base)/team/red/race-voice" })
        // The team notice is due now, pinging exactly the team; its window closes in 5 minutes.
        let notice = try #require(d.messages.first { $0.key == "\(base)/team/red/message/team-notice" })
        #expect(notice.channel == thread.key && notice.pings == role.members)
        #expect(compiled.nextTransition == instant("2026-12-10T18:05:00Z"))
        #expect(try layout("2026-12-10T18:05:00Z").nextTransition == instant("2026-12-11T18:00:00Z"))
    }

    @Test func raceVoiceOpensExactlyAtTheLeadAndIsRestricted() throws {
        #expect(try !layout("2026-12-11T17:59:59Z").desired.channels.contains { $0.key.rawValue.hasSuffix("race-voice") })
        let d = try layout("2026-12-11T18:00:00Z").desired
        let voice = try #require(d.channels.first { $0.key == "\(base)/team/red/race-voice" })
        #expect(voice.overwrites == [
            DesiredOverwrite(target: .everyone, deny: [.viewChannel, .connect]),
            DesiredOverwrite(target: .managedRole(ResourceKey("\(base)/team/red/role")), allow: [.viewChannel, .connect, .speak]),
            DesiredOverwrite(target: .role(1_180_246_602_878_992_404), allow: [.viewChannel, .connect, .speak]),
            // BotAccess: without CONNECT Discord would also take MANAGE_CHANNELS from the bot.
            DesiredOverwrite(target: .member(1_180_245_872_113_766_410), allow: [.viewChannel, .connect, .manageChannels]),
        ])
    }

    @Test func stintAlertsAppearAtTheirLead() throws {
        let before = try layout("2026-12-12T18:44:59Z").desired.messages.map(\.key.rawValue)
        #expect(!before.contains("\(base)/team/red/message/stint-bo-1797102000"))
        let after = try layout("2026-12-12T18:45:00Z").desired.messages
        let alert = try #require(after.first { $0.key == "\(base)/team/red/message/stint-bo-1797102000" })
        #expect(alert.channel == "\(base)/team/red/thread")
        #expect(alert.content.contains("<@284611907262775297>"))
        #expect(alert.pings == [284_611_907_262_775_297])
        #expect(alert.family.announcement?.kind == .stintAlert && alert.family.announcement?.lapsed == nil)
        let off = try layout("2026-12-12T18:45:00Z", settings: "stint_alerts: false\n").desired.messages
        #expect(!off.contains { $0.family.announcement?.kind == .stintAlert })
        #expect(off.contains { $0.key.rawValue == "\(base)/message/signup" })
    }

    /// An alert is sendable for `announcement_grace` after its instant, then only skipped:
    /// it leaves `messages` for `lapsed` at the instant its window closes, a transition.
    @Test func stintAlertsLapseAfterTheGraceWindow() throws {
        let key = ResourceKey("\(base)/team/red/message/stint-bo-1797102000")
        let open = try layout("2026-12-12T18:49:59Z")
        #expect(open.desired.messages.contains { $0.key == key })
        #expect(open.nextTransition == instant("2026-12-12T18:50:00Z"))
        let closed = try layout("2026-12-12T18:50:00Z").desired
        #expect(!closed.messages.contains { $0.key == key })
        let lapsed = try #require(closed.lapsed.first { $0.key == key })
        #expect(lapsed.family.announcement?.lapsed == "due 2026-12-12 18:45 UTC, more than announcement_grace (5m) ago")
        let longer = try layout("2026-12-12T18:50:00Z", settings: "notifications:\n  announcement_grace: 10m\n").desired
        #expect(longer.messages.contains { $0.key == key })
    }

    @Test func raceVoiceClosesAfterTheGracePeriod() throws {
        let during = try layout("2026-12-12T21:59:59Z").desired
        #expect(during.channels.contains { $0.key == "\(base)/team/red/race-voice" })
        let after = try layout("2026-12-12T22:00:00Z").desired
        #expect(!after.channels.contains { $0.key == "\(base)/team/red/race-voice" })
        #expect(after.retired.contains(ResourceKey("\(base)/team/red/race-voice")))
        #expect(after.channels.contains { $0.key == "\(base)/team/red/practice-voice" })
    }

    @Test func archivalMovesTextReadOnlyAndDropsVoiceAndRoles() throws {
        let compiled = try layout("2026-12-15T20:00:00Z")
        let d = compiled.desired
        #expect(d.roles.isEmpty)
        #expect(d.channels.map(\.key.rawValue) == ["archive", "\(base)/signup"])
        let channel = d.channels[1]
        #expect(channel.parent == "archive")
        #expect(channel.overwrites.first?.deny.contains(.sendMessages) == true)
        // BotAccess gives the bot back exactly the denied bits it needs: posting and editing its
        // card (and EMBED_LINKS, which Discord voids without SEND_MESSAGES) and its threads.
        #expect(channel.overwrites.last == DesiredOverwrite(
            target: .member(1_180_245_872_113_766_410),
            allow: [.sendMessages, .embedLinks, .createPrivateThreads, .sendMessagesInThreads]))
        #expect(d.threads.allSatisfy { $0.archived && $0.locked })
        #expect(Set(d.retired.map(\.rawValue)).isSuperset(of: [
            "series/cup", "\(base)/team/red/role", "\(base)/team/red/practice-voice", "\(base)/team/red/race-voice",
        ]))
        #expect(compiled.nextTransition == instant("2027-03-15T20:00:00Z"))
    }

    @Test func retentionRetiresArchivedChannels() throws {
        let d = try layout("2027-03-15T20:00:00Z").desired
        #expect(d.channels.isEmpty && d.threads.isEmpty && d.messages.isEmpty)
        #expect(d.retired.contains(ResourceKey("\(base)/signup")) && d.retired.contains(ResourceKey("\(base)/team/red/thread")))
        let kept = try layout("2027-03-15T20:00:00Z", settings: "retention: { delete_archived_after: keep }\n")
        #expect(kept.desired.channels.count == 2)
        #expect(kept.nextTransition == nil)
    }

    @Test func settingsSwitchPartsOff() throws {
        let noVoice = try layout("2026-12-11T18:00:00Z", settings: "voice_channels: false\n").desired
        #expect(!noVoice.channels.contains { $0.kind == .voice })
        let noChannels = try layout("2026-12-11T18:00:00Z", settings: "auto_create_channels: false\n").desired
        #expect(noChannels.channels.isEmpty && noChannels.threads.isEmpty && noChannels.messages.isEmpty)
        #expect(noChannels.roles.count == 1)
    }

    @Test func namingPatternShapesChannelNames() throws {
        let d = try layout("2026-12-11T18:00:00Z", settings: "channel_name_pattern: \"{series} {event} {kind} {team}\"\n").desired
        #expect(d.channels.first { $0.kind == .text }?.name == "winter-cup-night-race-signup")
        #expect(d.channels.first { $0.key.rawValue.hasSuffix("race-voice") }?.name == "Winter Cup Night Race race Red")
    }

    @Test func policyComesFromSettings() throws {
        let d = try layout("2026-12-11T18:00:00Z", settings: "protect: { channels: [general, \"1180244318470983753\"] }\nmax_destroy_fraction: 0.25\norphans: { text_channels: remove }\n").desired
        #expect(d.policy.protect == [ProtectRule(kind: .channel, name: "general"), ProtectRule(kind: .channel, id: 1_180_244_318_470_983_753)])
        #expect(d.policy.maxDestroyFraction == 0.25)
        #expect(d.policy.orphans.textChannels == .remove && d.policy.orphans.voiceChannels == .remove)
        #expect(d.policy.adminRoles == [1_180_246_602_878_992_404])
    }
}

/// Keys compare with interpolated strings in these tests.
func == (lhs: ResourceKey, rhs: String) -> Bool { lhs.rawValue == rhs }
func == (lhs: ResourceKey?, rhs: String) -> Bool { lhs?.rawValue == rhs }
