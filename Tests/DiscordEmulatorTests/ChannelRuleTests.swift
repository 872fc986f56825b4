@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Channel-type features, bitrate and user-limit bounds, and name rules
/// [resources/channel.mdx: Modify Channel; resources/guild.mdx: Create Guild Channel,
/// Guild Features].
@Suite("Channel rules")
struct ChannelRuleTests {
    // guild.mdx Guild Features: NEWS "guild has access to create announcement channels";
    // channel.mdx Modify Channel `type`: conversion "only in guilds with the NEWS feature".
    @Test func announcementChannelsNeedTheNewsFeature() async throws {
        let h = await Harness()
        let refused = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("news"), "type": .int(5)]))
        #expect(refused.status == 400)
        #expect(refused.code == 50035)
        #expect(refused.formError("type") == "BASE_TYPE_CHOICES")
        let text = try #require(await h.channel("news"))
        #expect(await h.send("PATCH", "/channels/\(text)", .object(["type": .int(5)])).formError("type") == "BASE_TYPE_CHOICES")

        let news = await Harness(seed: GuildSeed(features: ["NEWS"]))
        #expect(await news.send("POST", "/guilds/\(news.guildID)/channels", .object(["name": .string("news"), "type": .int(5)])).status == 201)
        #expect(await news.send("GET", "/guilds/\(news.guildID)").json?["features"] == .array([.string("NEWS")]))
    }

    // guild.mdx Guild Features: COMMUNITY enables stage channels (among others).
    @Test func stageChannelsNeedTheCommunityFeature() async throws {
        let h = await Harness()
        #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("Stage"), "type": .int(13)]))
            .formError("type") == "BASE_TYPE_CHOICES")
        try await h.emulator.adminSetGuildFeatures(["COMMUNITY"], in: h.guildID)
        #expect(await h.channel("Stage", type: 13) != nil)
    }

    // channel.mdx Modify Channel, bitrate footnote: 96000 normally, 128000 at boost level 1,
    // 256000 at level 2, 384000 at level 3 or with VIP_REGIONS; stage 64000. Above: 30052.
    @Test func voiceBitrateIsCappedByTheGuildsBoostLevel() async throws {
        let h = await Harness()
        #expect(await h.channel("Race", type: 2, ["bitrate": .int(96000)]) != nil)
        let over = await h.send("POST", "/guilds/\(h.guildID)/channels",
                                .object(["name": .string("Race"), "type": .int(2), "bitrate": .int(96001)]))
        #expect(over.status == 400)
        #expect(over.code == 30052)
        let voice = try #require(await h.channel("Race", type: 2))
        #expect(await h.send("PATCH", "/channels/\(voice)", .object(["bitrate": .int(128_000)])).code == 30052)

        let boosted = await Harness(seed: GuildSeed(premiumTier: 2))
        #expect(await boosted.channel("Race", type: 2, ["bitrate": .int(256_000)]) != nil)
        #expect(await boosted.send("POST", "/guilds/\(boosted.guildID)/channels",
                                   .object(["name": .string("R"), "type": .int(2), "bitrate": .int(256_001)])).code == 30052)

        let vip = await Harness(seed: GuildSeed(features: ["VIP_REGIONS", "COMMUNITY"]))
        #expect(await vip.channel("Race", type: 2, ["bitrate": .int(384_000)]) != nil)
        #expect(await vip.send("POST", "/guilds/\(vip.guildID)/channels",
                               .object(["name": .string("S"), "type": .int(13), "bitrate": .int(64001)])).code == 30052)
    }

    // channel.mdx Modify Channel: user_limit max 99 for voice, 10,000 for stage; bitrate min 8000.
    @Test func userLimitAndBitrateBounds() async throws {
        let h = await Harness(seed: GuildSeed(features: ["COMMUNITY"]))
        #expect(await h.channel("v", type: 2, ["user_limit": .int(99)]) != nil)
        let voice = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("v"), "type": .int(2), "user_limit": .int(100)]))
        #expect(voice.formError("user_limit") == "NUMBER_TYPE_MAX")
        #expect(await h.channel("s", type: 13, ["user_limit": .int(10000)]) != nil)
        let low = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("v"), "type": .int(2), "bitrate": .int(7999)]))
        #expect(low.formError("bitrate") == "NUMBER_TYPE_MIN")
    }

    // channel.mdx: names are 1-100 characters; the emulator counts code points after
    // trimming (a flag emoji is 2), so 51 flags are refused where 50 fit.
    @Test func channelNamesAreOneToAHundredCodePointsAfterTrimming() async throws {
        let h = await Harness()
        let fifty = String(repeating: "🇩🇪", count: 50)
        #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("  " + fifty + "  "), "type": .int(2)]))
            .json?["name"] == .string(fifty))
        let over = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string(fifty + "🇩🇪"), "type": .int(2)]))
        #expect(over.formError("name") == "BASE_TYPE_BAD_LENGTH")
        #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("   ")])).formError("name") == "BASE_TYPE_BAD_LENGTH")
        #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("!!!")])).formError("name") == "BASE_TYPE_BAD_LENGTH")
        let parent = try #require(await h.channel("team"))
        let thread = await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string(fifty + "x"), "type": .int(11)]))
        #expect(thread.formError("name") == "BASE_TYPE_BAD_LENGTH")
    }

    // Docs silent on text channel charsets (DISCORD.md §4 UNVERIFIED): the emulator's rule,
    // written down in EmulatorNormalization.channelName and docs/emulator-fidelity.md.
    @Test(arguments: [
        ("Spa 6h !", ChannelType.guildText, "spa-6h"), ("a.b", .guildText, "ab"), ("-Lead-", .guildText, "lead"),
        ("Nürburgring 24h", .guildAnnouncement, "nürburgring-24h"), ("富士 ストーリー", .guildForum, "富士-ストーリー"),
        ("Team 🇩🇪  Alpha", .guildMedia, "team-🇩🇪-alpha"), (" Race Voice ", .guildVoice, "Race Voice"),
        ("Spa 6h !", .guildStageVoice, "Spa 6h !"), (" GT3 CUP ", .guildCategory, "GT3 CUP"),
        (" Team Alpha ", .privateThread, "Team Alpha"), ("a.b", .publicThread, "a.b"),
    ])
    func channelNamesAreNormalisedPerChannelType(raw: String, type: ChannelType, stored: String) {
        #expect(EmulatorNormalization.channelName(raw, type: type) == stored)
    }

    // guild.mdx Create Guild Role: name max 100; the emulator trims and counts code points.
    @Test func roleNamesAreOneToAHundredCodePointsAndStoredTrimmedAndColoursAtMostFFFFFF() async throws {
        let h = await Harness()
        let created = await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["name": .string("  Team Alpha  ")]))
        #expect(created.json?["name"] == .string("Team Alpha"))
        #expect(created.json?["permissions"]?.stringValue != nil)
        let over = await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["name": .string(String(repeating: "🇩🇪", count: 50) + "x")]))
        #expect(over.formError("name") == "BASE_TYPE_BAD_LENGTH")
        let blank = await h.send("PATCH", "/guilds/\(h.guildID)/roles/\(try #require(created.id))", .object(["name": .string(" ")]))
        #expect(blank.formError("name") == "BASE_TYPE_BAD_LENGTH")
        let colour = await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["colors": .object(["primary_color": .int(0x1000000)])]))
        #expect(colour.formError("colors.primary_color") == "NUMBER_TYPE_MAX")
    }
}

/// Properties of the emulator's own normalisers over generated names, so the oracle is
/// stable (storing a stored name again changes nothing) whatever the product sends.
@Suite("Normalisation properties")
struct NormalisationPropertyTests {
    /// Deterministic pseudo-random names mixing emoji, accents, CJK, punctuation, dashes,
    /// spaces and 100+ characters.
    static let names: [String] = {
        let pieces = ["Spa", " ", "  ", "-", "--", "6h", "!", ".", "é", "Ñ", "富士", "🇩🇪", "👨‍👩‍👧‍👦", "_", ":", "GT3", "\t", "·", "A"]
        var state: UInt64 = 0x5EED
        return (0..<300).map { index in
            var name = ""
            for _ in 0..<(index % 40 + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                name += pieces[Int(state >> 33) % pieces.count]
            }
            return name
        }
    }()

    @Test func storingAStoredNameAgainChangesNothing() {
        for name in Self.names {
            for type in [ChannelType.guildText, .guildVoice, .guildCategory, .publicThread, .guildForum] {
                let stored = EmulatorNormalization.channelName(name, type: type)
                #expect(EmulatorNormalization.channelName(stored, type: type) == stored, "\(name) as \(type)")
            }
        }
    }

    @Test func textChannelNamesHaveNoCapitalsSpacesOrEdgeDashes() {
        for name in Self.names {
            let stored = EmulatorNormalization.channelName(name, type: .guildText)
            #expect(stored == stored.lowercased())
            #expect(!stored.contains { $0.isWhitespace })
            #expect(!stored.hasPrefix("-") && !stored.hasSuffix("-") && !stored.contains("--"))
            #expect(!stored.contains(where: { $0.isASCII && ($0.isPunctuation || $0.isSymbol) && $0 != "-" && $0 != "_" }))
        }
    }

    @Test func embedNormalisationIsIdempotent() {
        for name in Self.names.prefix(50) {
            let embed: JSONValue = .object([
                "title": .string(name), "timestamp": .string("2026-12-05T17:00:00Z"),
                "fields": .array([.object(["name": .string(name + " "), "value": .string(" v")])]),
            ])
            let once = EmulatorNormalization.embed(embed)
            #expect(EmulatorNormalization.embed(once) == once)
        }
    }
}
