import DiscordTypes
import Foundation
import Spec
import Testing

/// When race voice opens and what "Next change" may cite.
@Suite struct SeasonRulesTests {
    static func club(closes: String, second: Bool = false) -> String {
        var text = """
            kind: club
            members:
              - { id: ana, display_name: Ana, discord_user_id: "284611907262775296" }
            series: [{ id: cup, name: Winter Cup }]
            events:
              - id: race
                series: cup
                name: Night Race
                signup: { url: https://x.test/s, opens: 2026-12-01T18:00:00Z, closes: \(closes) }
                start: 2026-12-12T18:00:00Z
                duration: 2h
                participants: [ana]
                teams: [{ id: red, name: Red, members: [ana] }]

            """
        if second {
            text += """
                  - id: race2
                    series: cup
                    name: Night Race
                    start: 2026-12-19T18:00:00Z
                    duration: 2h
                    teams_published: 2026-12-15T18:00:00Z
                    teams: [{ id: red, name: Red }]

                """
        }
        return text
    }

    @Test func raceVoiceOpensAtTheLeadEvenWhenSignupClosesAtTheStart() throws {
        let config = try TestClub.load(club: Self.club(closes: "2026-12-12T18:00:00Z"))
        let before = Compiler.compile(config, at: instant("2026-12-11T17:59:00Z"))
        #expect(!before.desired.channels.contains { $0.key == "series/cup/event/race/team/red/race-voice" })
        #expect(before.nextTransition == instant("2026-12-11T18:00:00Z"))
        let opened = Compiler.compile(config, at: instant("2026-12-11T18:00:00Z")).desired
        #expect(opened.channels.contains { $0.key == "series/cup/event/race/team/red/race-voice" })
        #expect(opened.roles.contains { $0.key == "series/cup/event/race/team/red/role" })
    }

    @Test func nextChangeNeverCitesVoiceThatIsSwitchedOff() throws {
        let config = try TestClub.load(club: Self.club(closes: "2026-12-10T18:00:00Z"), settings: "voice_channels: false\n")
        let afterRace = Compiler.compile(config, at: instant("2026-12-12T20:30:00Z"))
        let reason = afterRace.nextTransitionReason ?? ""
        #expect(!reason.contains("race voice"), "\(reason)")
        #expect(reason.contains("Winter Cup is archived"), "\(reason)")
    }

    @Test func nextChangeNeverCitesChannelsThatAreSwitchedOff() throws {
        let settings = "auto_create_channels: false\nretention: { archive_delay: 1d, delete_archived_after: 30d }\n"
        let config = try TestClub.load(club: Self.club(closes: "2026-12-10T18:00:00Z"), settings: settings)
        let afterArchival = Compiler.compile(config, at: instant("2026-12-14T12:00:00Z"))
        #expect(!(afterArchival.nextTransitionReason ?? "").contains("archived channels"))
        #expect(afterArchival.nextTransition == nil)
    }

    @Test func sameNamedEventsAreToldApartInNextChange() throws {
        let config = try TestClub.load(club: Self.club(closes: "2026-12-10T18:00:00Z", second: true))
        let reason = Compiler.compile(config, at: instant("2026-12-14T12:00:00Z")).nextTransitionReason ?? ""
        #expect(reason == "teams for Night Race 2026-12-19 are published; signup channel for Night Race 2026-12-19 opens",
                "\(reason)")
    }
}
