import DiscordTypes
import Foundation
@testable import Spec
import Testing

/// Names built from parts, measured as Discord measures them (code points), shortened
/// where they may be, and distinct in their scope.
@Suite struct NamingTests {
    static let dach = "🇩🇪🇦🇹🇨🇭🇱🇮🇱🇺 DACH Alliance Motorsport 🏳️‍🌈👨‍👩‍👧‍👦"

    @Test func discordCountsCodePointsNotCharacters() {
        #expect(DiscordName.length("🇩🇪") == 2)
        #expect(DiscordName.length("👨‍👩‍👧‍👦") == 7)
        #expect(Self.dach.count < DiscordName.length(Self.dach))
    }

    @Test(arguments: [("Spa 6h !", "spa-6h"), ("a.b", "ab"), ("  GT3   Cup  ", "gt3-cup"), ("a--b", "a-b"),
                      ("-Ünïcode Straße-", "ünïcode-straße"), ("東京 レーシング", "東京-レーシング"), ("x - y", "x-y")])
    func oneChannelNameRule(raw: String, stored: String) {
        #expect(DiscordName.channel(raw, type: .guildText) == stored)
        #expect(DiscordName.channel(stored, type: .guildText) == stored)
        #expect(DiscordName.channel(" \(raw) ", type: .guildVoice) == raw.trimmingCharacters(in: .whitespaces))
    }

    @Test func roleKeepsTheTeamWholeAndShortensTheEventWithAnEllipsis() {
        let event = Naming.EventName(name: "Nations Cup Round 1 🇩🇪🇦🇹🇨🇭 The Long Night of the Nürburgring Nordschleife", suffix: "")
        let name = LayoutBuilder.roleName(event: event, team: Self.dach)
        #expect(DiscordName.length(name) <= 100)
        #expect(name.hasSuffix(" · " + Self.dach))
        #expect(name.hasPrefix("Nations Cup Round 1"))
        #expect(name.contains("…"))
    }

    @Test func longEventNameKeepsTeamAndKindInVoiceChannels() {
        let event = Naming.EventName(name: String(repeating: "Very Long Endurance Race Name ", count: 4), suffix: " 2026-12-05")
        let practice = Naming.displayName(Naming.parts("{event} {team} {kind}", series: "S", event: event, team: "Red", kind: .practice))
        let race = Naming.displayName(Naming.parts("{event} {team} {kind}", series: "S", event: event, team: "Red", kind: .race))
        #expect(practice.hasSuffix("… 2026-12-05 Red practice"))
        #expect(race.hasSuffix("… 2026-12-05 Red race"))
        #expect(DiscordName.length(practice) <= 100 && DiscordName.length(race) <= 100)
        let signup = Naming.textName(Naming.parts("{event} {team} {kind}", series: "S", event: event, team: nil, kind: .signup))
        #expect(signup.hasSuffix("…-2026-12-05-signup"))
        #expect(DiscordName.length(signup) <= 100)
    }

    @Test func categoryTitlesKeepTheirStartAndTheirNumber() {
        let series = String(repeating: "Winter Endurance ", count: 8)
        let first = LayoutBuilder.categorise([], keys: { .archive($0) }, name: series, group: "")
        #expect(first.isEmpty)
        let children = (0..<51).map { DesiredChannel(key: ResourceKey("c/\($0)"), kind: .text, name: "c\($0)") }
        let categories = LayoutBuilder.categorise(children, keys: { .archive($0) }, name: series, group: "")
            .filter { $0.kind == .category }.map(\.name)
        #expect(categories.count == 2)
        #expect(categories.allSatisfy { $0.hasPrefix("Winter Endurance Winter") && DiscordName.length($0) <= 100 })
        #expect(categories[1].hasSuffix("… (2)"))
    }

    @Test func patternWithoutTeamIsCompletedWithAWarning() throws {
        let club = TestClub.oneEvent("""
                start: 2026-12-12T18:00:00Z
                duration: 2h
                participants: [ana, bo]
                teams: [{ id: red, name: Red, members: [ana] }, { id: blue, name: Blue, members: [bo] }]

            """)
        let config = try TestClub.load(club: club, settings: "channel_name_pattern: \"{kind} {event}\"\n")
        let warning = try #require(config.warnings.first { $0.summary.contains("{team}") })
        #expect(warning.severity == .warning && warning.line > 0)
        let voice = Compiler.compile(config, at: instant("2026-12-12T12:00:00Z")).desired.channels.filter { $0.kind == .voice }
        #expect(voice.count == 4)
        #expect(Set(voice.map(\.name)).count == 4)
        #expect(voice.map(\.name).contains("race Night Race Red"))
    }

    @Test func teamsNamedAlikeAreAClashNamingBothResources() throws {
        let club = TestClub.oneEvent("""
                start: 2026-12-12T18:00:00Z
                duration: 2h
                participants: [ana, bo]
                teams: [{ id: red, name: Red, members: [ana] }, { id: red2, name: " Red", members: [bo] }]

            """)
        let diagnostics = TestClub.diagnostics(club: club)
        let clash = try #require(diagnostics.first { $0.severity == .error && $0.summary.contains("would both be named") })
        #expect(clash.summary.contains("series/cup/event/race/team/red/") && clash.summary.contains("series/cup/event/race/team/red2/"))
        #expect(clash.path == "events[0].teams[1].name")
    }

    @Test func namesDifferingOnlyByCaseStayApartWhereDiscordKeepsCase() throws {
        let club = TestClub.oneEvent("""
                start: 2026-12-12T18:00:00Z
                duration: 2h
                participants: [ana, bo]
                teams: [{ id: a, name: Team Alpha, members: [ana] }, { id: b, name: team alpha!, members: [bo] }]

            """)
        #expect(!TestClub.diagnostics(club: club).contains { $0.severity == .error })
    }

    @Test func sameNamedEventsByPunctuationGetTheirDate() throws {
        let club = """
            kind: club
            series: [{ id: cup, name: Cup }]
            events:
              - { id: a, series: cup, name: "Spa 6h !", start: 2026-12-12T18:00:00Z, duration: 1h }
              - { id: b, series: cup, name: "spa 6h", start: 2026-12-19T18:00:00Z, duration: 1h }
            """
        let d = Compiler.compile(try TestClub.load(club: club), at: instant("2026-12-19T12:00:00Z")).desired
        let names = d.channels.filter { $0.kind == .text }.map(\.name).sorted()
        #expect(names == ["spa-6h-2026-12-19-signup", "spa-6h-signup"])
    }
}
