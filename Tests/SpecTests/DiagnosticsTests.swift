import Foundation
import Spec
import Testing

/// Every kind of configuration error: its message and its exact position.
@Suite struct DiagnosticsTests {
    /// The single error of `diagnostics`, failing the test when there is not exactly one.
    func only(_ diagnostics: [Diagnostic], sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "expected one error, got: \(errors.map(\.description))", sourceLocation: sourceLocation)
        return errors.first
    }

    func expectAt(_ diagnostic: Diagnostic?, _ file: String, _ line: Int, _ column: Int, _ fragment: String,
                  sourceLocation: SourceLocation = #_sourceLocation) {
        guard let diagnostic else { return }
        #expect(diagnostic.file == file, sourceLocation: sourceLocation)
        #expect(diagnostic.line == line && diagnostic.column == column,
                "position \(diagnostic.line):\(diagnostic.column) of \(diagnostic)", sourceLocation: sourceLocation)
        #expect(diagnostic.summary.contains(fragment), "\(diagnostic.summary)", sourceLocation: sourceLocation)
    }

    let window = """
            start: 2026-12-12T18:00:00Z
            duration: 2h

        """

    @Test func yamlSyntaxErrorHasMarkPosition() {
        let d = only(TestClub.diagnostics(club: "kind: club\nmembers:\n  - { id: ana, display_name: \"Ana\n"))
        expectAt(d, "club.yaml", 4, 1, "YAML syntax error")
        #expect(d?.hint != nil)
    }

    @Test func duplicateYAMLKey() {
        let d = only(TestClub.diagnostics(club: "kind: club\nmembers: []\nseries: []\nmembers: []\n"))
        expectAt(d, "club.yaml", 4, 1, "duplicate key 'members' in one mapping")
        let nested = only(TestClub.diagnostics(club: "kind: club\nmembers:\n  - id: a\n    display_name: A\n    id: b\n"))
        expectAt(nested, "club.yaml", 5, 5, "duplicate key 'id' in one mapping")
        let flow = only(TestClub.diagnostics(club: "kind: club\nmembers: [{ id: a, display_name: A, id: b }]\n"))
        expectAt(flow, "club.yaml", 2, 37, "duplicate key 'id' in one mapping")
    }

    @Test func unknownKeySuggestsTheClosestKey() {
        let d = only(TestClub.diagnostics(club: "kind: club\nmembers:\n  - id: ana\n    display_nam: Ana\n"))
        expectAt(d, "club.yaml", 4, 5, "unknown key 'display_nam'")
        #expect(d?.hint == "did you mean 'display_name'?")
        #expect(d?.path == "members[0].display_nam")
    }

    @Test func unknownSettingsKeyInNestedMapping() {
        let d = only(TestClub.diagnostics(club: "kind: club\n", settings: "notifications:\n  stint_alert_leed: 15m\n"))
        expectAt(d, "simlane.yaml", 9, 3, "unknown key 'stint_alert_leed'")
        #expect(d?.hint == "did you mean 'stint_alert_lead'?")
    }

    @Test func wrongType() {
        let d = only(TestClub.diagnostics(club: "kind: club\n", settings: "voice_channels: sometimes\n"))
        expectAt(d, "simlane.yaml", 8, 17, "expected true or false, found a string")
        let list = only(TestClub.diagnostics(club: "kind: club\nmembers: ana\n"))
        expectAt(list, "club.yaml", 2, 10, "expected a list, found a string")
    }

    @Test func badDuration() {
        let d = only(TestClub.diagnostics(club: "kind: club\n", settings: "notifications: { race_voice_lead: 24hours }\n"))
        expectAt(d, "simlane.yaml", 8, 35, "'24hours' is not a duration")
        #expect(d?.hint?.contains("15m, 24h, 7d") == true)
    }

    @Test func badAnnouncementGraceIsPlacedAndAGoodOneApplies() throws {
        let d = only(TestClub.diagnostics(club: "kind: club\n", settings: "notifications:\n  announcement_grace: soon\n"))
        expectAt(d, "simlane.yaml", 9, 23, "'soon' is not a duration")
        let config = try TestClub.load(club: "kind: club\n", settings: "notifications:\n  announcement_grace: 90s\n")
        #expect(config.settings.notifications.announcementGrace == 90)
        #expect(try TestClub.load(club: "kind: club\n").settings.notifications.announcementGrace == 300)
        let zero = TestClub.diagnostics(club: "kind: club\n", settings: "notifications:\n  announcement_grace: 0s\n")
        #expect(zero.contains { $0.severity == .warning && $0.summary.contains("sends no announcement") })
    }

    @Test func timestampWithoutZone() {
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent("    start: 2026-12-12T18:00:00\n    duration: 2h\n")))
        expectAt(d, "club.yaml", 13, 12, "timestamp '2026-12-12T18:00:00' has no time zone")
        #expect(d?.hint?.contains("append Z") == true)
    }

    @Test func malformedTimestamp() {
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent("    start: next friday\n    duration: 2h\n")))
        expectAt(d, "club.yaml", 13, 12, "'next friday' is not an ISO 8601 timestamp")
    }

    @Test func badSnowflake() {
        let settings = TestClub.settings.replacingOccurrences(of: "\"1180244318470983750\"", with: "\"12345\"")
        let diagnostics: [Diagnostic]
        do {
            _ = try ConfigLoader.load(sources: [SourceFile(path: "simlane.yaml", text: settings)])
            diagnostics = []
        } catch { diagnostics = error.diagnostics }
        let d = only(diagnostics)
        expectAt(d, "simlane.yaml", 5, 13, "'12345' is not a Discord id (snowflake)")
    }

    @Test func duplicateMemberID() {
        let club = "kind: club\nmembers:\n  - { id: ana, display_name: Ana }\n  - { id: ana, display_name: Ana Two }\n"
        let d = only(TestClub.diagnostics(club: club))
        expectAt(d, "club.yaml", 4, 11, "duplicate member id 'ana'")
        #expect(d?.hint?.contains("club.yaml:3:11") == true)
    }

    @Test func duplicateTeamIDInOneEvent() {
        let body = window + "    participants: [ana, bo]\n    teams:\n      - { id: t, name: A, members: [ana] }\n      - { id: t, name: B, members: [bo] }\n"
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent(body)))
        expectAt(d, "club.yaml", 18, 15, "duplicate team id 't'")
    }

    @Test func unknownMemberReference() {
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent(window + "    participants: [ana, bob]\n")))
        expectAt(d, "club.yaml", 15, 25, "'bob' is not a member of the club")
        #expect(d?.hint?.hasPrefix("did you mean 'bo'?") == true)
    }

    @Test func unknownSeriesReference() {
        let club = TestClub.oneEvent(window).replacingOccurrences(of: "series: cup", with: "series: cupp")
        let d = only(TestClub.diagnostics(club: club))
        expectAt(d, "club.yaml", 11, 13, "'cupp' is not a series of the club")
        #expect(d?.hint?.hasPrefix("did you mean 'cup'?") == true)
    }

    @Test func unknownTeamInResults() {
        let body = window + "    participants: [ana]\n    teams: [{ id: red, name: Red, members: [ana] }]\n    results: [{ team: blu, position: 1 }]\n"
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent(body)))
        expectAt(d, "club.yaml", 17, 23, "'blu' is not a team of event 'race'")
    }

    @Test func teamMemberWhoIsNotAParticipant() {
        let body = window + "    participants: [ana]\n    teams:\n      - { id: red, name: Red, members: [ana, cy] }\n"
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent(body)))
        expectAt(d, "club.yaml", 17, 46, "'cy' is in team 'red' but not a participant of 'race'")
    }

    @Test func overlappingStints() {
        let body = window + """
                participants: [ana, bo]
                teams:
                  - id: red
                    name: Red
                    members: [ana, bo]
                    stints:
                      - { driver: ana, start: 2026-12-12T18:00:00Z, end: 2026-12-12T19:10:00Z }
                      - { driver: bo, start: 2026-12-12T19:00:00Z, end: 2026-12-12T20:00:00Z }

            """
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent(body)))
        expectAt(d, "club.yaml", 22, 13, "the stint overlaps stint 1 of team 'red'")
    }

    @Test func stintOutsideTheEventWindow() {
        let body = window + """
                participants: [ana]
                teams:
                  - id: red
                    name: Red
                    members: [ana]
                    stints:
                      - { driver: ana, start: 2026-12-12T19:00:00Z, end: 2026-12-12T20:30:00Z }

            """
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent(body)))
        expectAt(d, "club.yaml", 21, 13, "lies outside the race (2026-12-12T18:00:00Z – 2026-12-12T20:00:00Z)")
    }

    @Test func stintDriverNotInTheTeam() {
        let body = window + "    participants: [ana, bo]\n    teams:\n      - id: red\n        name: Red\n        members: [ana]\n        stints: [{ driver: bo, start: 2026-12-12T18:00:00Z, end: 2026-12-12T19:00:00Z }]\n"
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent(body)))
        expectAt(d, "club.yaml", 20, 28, "driver 'bo' is not a member of team 'red'")
    }

    @Test func signupClosingBeforeItOpens() {
        let body = "    signup: { url: https://x.test/s, opens: 2026-12-01T18:00:00Z, closes: 2026-11-20T18:00:00Z }\n" + window
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent(body)))
        expectAt(d, "club.yaml", 13, 75, "the signup closes (2026-11-20T18:00:00Z) before it opens (2026-12-01T18:00:00Z)")
    }

    @Test func signupCapacityAndReservesArePointedAt() {
        let signup = "    signup: { url: https://x.test/s, opens: 2026-12-01T18:00:00Z, closes: 2026-12-05T18:00:00Z, "
        let zero = only(TestClub.diagnostics(club: TestClub.oneEvent(signup + "capacity: 0 }\n" + window)))
        expectAt(zero, "club.yaml", 13, 107, "capacity must be at least 1")
        let unknown = only(TestClub.diagnostics(club: TestClub.oneEvent(signup + "reserves: [ana, zed] }\n" + window)))
        expectAt(unknown, "club.yaml", 13, 113, "'zed'")
        #expect(unknown?.path == "events[0].signup.reserves[1]")
        let twice = only(TestClub.diagnostics(club: TestClub.oneEvent(
            signup + "reserves: [ana] }\n" + window + "    participants: [ana]\n")))
        expectAt(twice, "club.yaml", 13, 108, "'ana' is both a participant and a reserve")
    }

    /// The signup link becomes the card's link button: Discord wants a full address of at
    /// most 512 characters, so anything else is refused at the url, not by Discord on every pass.
    @Test func aSignupURLDiscordsLinkButtonsWouldRefuseIsPointedAt() {
        func signup(_ url: String) -> String {
            "    signup: { url: \"\(url)\", opens: 2026-12-01T18:00:00Z, closes: 2026-12-05T18:00:00Z }\n" + window
        }
        for bad in ["https://", "https://x.test/a b", "simlane.app/s/1"] {
            let d = only(TestClub.diagnostics(club: TestClub.oneEvent(signup(bad))))
            expectAt(d, "club.yaml", 13, 20, "is not a web address")
        }
        let long = only(TestClub.diagnostics(club: TestClub.oneEvent(signup("https://x.test/" + String(repeating: "a", count: 500)))))
        expectAt(long, "club.yaml", 13, 20, "Discord's link buttons take at most 512")
        #expect(TestClub.diagnostics(club: TestClub.oneEvent(signup("https://x.test/" + String(repeating: "a", count: 497)))).isEmpty)
    }

    @Test func resultColumnsAreTyped() {
        let body = window + "    teams: [{ id: red, name: Red }]\n    results:\n      - { team: red, position: 1, best_lap: \"2:18.456\", gap: \"+1 lap\", incidents: many }\n"
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent(body)))
        expectAt(d, "club.yaml", 17, 83, "a whole number")
    }

    @Test func missingRequiredKey() {
        let d = only(TestClub.diagnostics(club: TestClub.oneEvent("    start: 2026-12-12T18:00:00Z\n")))
        expectAt(d, "club.yaml", 10, 5, "missing required key 'duration'")
    }

    @Test func missingSettingsDocument() {
        do {
            _ = try ConfigLoader.load(sources: [SourceFile(path: "club.yaml", text: "kind: club\n")])
            Issue.record("loaded without settings")
        } catch {
            expectAt(only(error.diagnostics), "club.yaml", 1, 1, "no settings document found")
        }
    }

    @Test func unknownDocumentKind() {
        let d = only(TestClub.diagnostics(club: "kind: clubb\n"))
        expectAt(d, "club.yaml", 1, 7, "unknown document kind 'clubb'")
        #expect(d?.hint == "did you mean 'club'?")
    }

    @Test func tooManyRolesAndChannels() {
        let teams = (1...130).map { "{ id: t\($0), name: Grid \($0) }" }.joined(separator: ", ")
        let club = """
            kind: club
            series: [{ id: cup, name: Cup }]
            events:
              - { id: a, series: cup, name: A, start: 2026-12-26T12:00:00Z, duration: 1h, teams: [\(teams)] }
              - { id: b, series: cup, name: B, start: 2026-12-26T12:00:00Z, duration: 1h, teams: [\(teams)] }

            """
        let errors = TestClub.diagnostics(club: club).filter { $0.severity == .error }
        #expect(errors.count == 2)
        let channels = errors.first { $0.summary.contains("channels") }
        let roles = errors.first { $0.summary.contains("roles") }
        expectAt(channels, "club.yaml", 5, 5, "the layout needs 533 channels at 2026-12-25T12:00:00Z (11 categories, 2 text, 520 voice); Discord allows 500 per guild")
        expectAt(roles, "club.yaml", 5, 5, "the layout needs 262 roles at 2026-12-25T12:00:00Z (260 team roles, 1 admin roles, @everyone); Discord allows 250")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let club = "kind: club\nmembers:\n  - { id: ana, display_nam: Ana }\n  - { id: 'b/o', display_name: Bo, discord_user_id: \"12\" }\n"
        let errors = TestClub.diagnostics(club: club, settings: "stint_alerts: 3\n").filter { $0.severity == .error }
        #expect(errors.count == 4, "\(errors.map(\.description))")
    }

    @Test func diagnosticPrintsLikeACompiler() {
        let d = Diagnostic(file: "club.yaml", line: 4, column: 5, path: "members[0].display_nam",
                           summary: "unknown key 'display_nam'", hint: "did you mean 'display_name'?")
        #expect(d.description == "club.yaml:4:5: error: members[0].display_nam: unknown key 'display_nam'\n    hint: did you mean 'display_name'?")
    }
}
