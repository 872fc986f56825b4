import Foundation
import Spec
import Testing

/// `examples/broken` plants one error of each kind; every one is reported, at its position.
@Suite struct BrokenExampleTests {
    static let expected: [(file: String, line: Int, column: Int, message: String, hint: String)] = [
        ("club.yaml", 7, 11, "members[3].id: duplicate member id 'ana'", "first used at"),
        ("club.yaml", 19, 15, "events[0].signup.closes: the signup closes (2026-11-20T18:00:00Z) before it opens (2026-12-01T18:00:00Z)", "closes must be later"),
        ("club.yaml", 20, 12, "events[0].start: timestamp '2026-12-12T18:00:00' has no time zone", "append Z"),
        ("club.yaml", 28, 29, "events[1].participants[2]: 'zed' is not a member of the club", "add a member with id 'zed'"),
        ("club.yaml", 32, 28, "events[1].teams[0].members[2]: 'cy' is in team 'alpha' but not a participant of 'day-race'", "add 'cy' to the event's participants"),
        ("club.yaml", 35, 13, "events[1].teams[0].stints[1]: the stint overlaps stint 1 of team 'alpha' (which ends 2026-12-19T13:10:00Z)", "one driver at a time"),
        ("club.yaml", 36, 13, "events[1].teams[0].stints[2]: the stint (2026-12-19T14:00:00Z – 2026-12-19T14:30:00Z) lies outside the race (2026-12-19T12:00:00Z – 2026-12-19T14:00:00Z)", "must fit"),
        ("club.yaml", 38, 17, "events[1].results[0].team: 'alpah' is not a team of event 'day-race'", "did you mean 'alpha'?"),
        ("club.yaml", 41, 13, "events[2].series: 'winter-cupp' is not a series of the club", "add a series"),
        ("grid.yaml", 10, 5, "events[1]: the layout needs 262 roles at 2026-12-25T12:00:00Z (261 team roles, 0 admin roles, @everyone); Discord allows 250", "fewer teams"),
        ("grid.yaml", 10, 5, "events[1]: the layout needs 535 channels at 2026-12-25T12:00:00Z (11 categories, 3 text, 521 voice); Discord allows 500 per guild", "voice_channels: false"),
        ("simlane.yaml", 7, 13, "discord.guild_id: '12345' is not a Discord id (snowflake)", "17–20 digit"),
        ("simlane.yaml", 9, 17, "voice_channels: expected true or false, found a string", "write it like true"),
        ("simlane.yaml", 11, 3, "notifications.stint_alert_leed: unknown key 'stint_alert_leed'", "did you mean 'stint_alert_lead'?"),
        ("simlane.yaml", 12, 20, "notifications.race_voice_lead: '24hours' is not a duration", "15m, 24h, 7d"),
        ("syntax.yaml", 4, 1, "YAML syntax error: found unexpected end of stream while scanning a quoted scalar (which starts at 3:33)", "fix the YAML syntax"),
    ]

    @Test func everyPlantedErrorIsReportedWithItsPosition() throws {
        let path = Paths.example("broken")
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.load(path: path) }
        let actual = error.diagnostics.map { diagnostic in
            (file: URL(fileURLWithPath: diagnostic.file).lastPathComponent, diagnostic.line, diagnostic.column,
             message: diagnostic.headline.components(separatedBy: ": error: ").last ?? "", hint: diagnostic.hint ?? "")
        }
        #expect(actual.count == Self.expected.count, "\(error)")
        #expect(error.errors.count == error.diagnostics.count)
        for (got, want) in zip(actual, Self.expected) {
            #expect(got.file == want.file && got.1 == want.line && got.2 == want.column,
                    "\(got.file):\(got.1):\(got.2) vs \(want.file):\(want.line):\(want.column)")
            #expect(got.message == want.message)
            #expect(got.hint.contains(want.hint), "\(got.hint)")
        }
        #expect(error.diagnostics.allSatisfy { $0.headline.hasPrefix(path + "/") })
    }
}
