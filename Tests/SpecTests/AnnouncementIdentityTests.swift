import DiscordTypes
import Foundation
import Spec
import Testing

/// What an announcement is keyed and revised by, and that its text fits one message: a
/// stint alert is the same alert whatever its place in the list, a team notice changes
/// with its lineup (not with a member linking Discord), and a long team drops whole names.
@Suite struct AnnouncementIdentityTests {
    let base = "series/cup/event/race"
    static let boStint = "stint-bo-1797102000"

    static func club(stints: String, members: String = "[ana, bo, cy]", cyLink: String = "",
                     extraMembers: String = "", participants: String = "[ana, bo, cy]", strategy: String = "") -> String {
        """
        kind: club
        members:
          - { id: ana, display_name: Ana, discord_user_id: "284611907262775296" }
          - { id: bo, display_name: Bo, discord_user_id: "284611907262775297" }
          - { id: cy, display_name: Cy\(cyLink) }
        \(extraMembers)
        series: [{ id: cup, name: Winter Cup }]
        events:
          - id: race
            series: cup
            name: Night Race
            signup: { url: https://x.test/s, opens: 2026-12-01T18:00:00Z, closes: 2026-12-10T18:00:00Z }
            start: 2026-12-12T18:00:00Z
            duration: 2h
            participants: \(participants)
            teams:
              - id: red
                name: Red
                members: \(members)
        \(strategy)
                stints:
        \(stints)

        """
    }

    static let twoStints = """
                  - { driver: ana, start: 2026-12-12T18:00:00Z, end: 2026-12-12T19:00:00Z }
                  - { driver: bo, start: 2026-12-12T19:00:00Z, end: 2026-12-12T20:00:00Z }
        """
    /// The same two, reordered, with Cy's stint inserted between them.
    static let threeStints = """
                  - { driver: bo, start: 2026-12-12T19:00:00Z, end: 2026-12-12T20:00:00Z }
                  - { driver: cy, start: 2026-12-12T18:30:00Z, end: 2026-12-12T19:00:00Z }
                  - { driver: ana, start: 2026-12-12T18:00:00Z, end: 2026-12-12T18:30:00Z }
        """

    func messages(_ club: String, at: String) throws -> [DesiredMessage] {
        let instant = try #require(ISO8601DateFormatter().date(from: at))
        let desired = Compiler.compile(try TestClub.load(club: club, settings: ""), at: instant).desired
        return desired.messages + desired.lapsed
    }

    @Test func aStintAlertKeepsItsKeyWhenStintsAreInsertedOrReordered() throws {
        let key = ResourceKey("\(base)/team/red/message/\(Self.boStint)")
        let before = try #require(try messages(Self.club(stints: Self.twoStints), at: "2026-12-12T18:45:00Z").first { $0.key == key })
        let after = try #require(try messages(Self.club(stints: Self.threeStints), at: "2026-12-12T18:45:00Z").first { $0.key == key })
        #expect(before.family.announcement?.revision == after.family.announcement?.revision, "not a new alert")
        // Visible numbers follow time order, whatever the list order.
        #expect(before.content.hasPrefix("Stint 2 for Red"))
        #expect(after.content.hasPrefix("Stint 3 for Red"))
        // The adoption marker still finds the alert already in the thread after renumbering.
        let posted = Message(id: 9, channelID: 8, content: before.content)
        #expect(after.marker?.matches(posted) == true)
        let anaAlert = try #require(try messages(Self.club(stints: Self.threeStints), at: "2026-12-12T18:45:00Z")
            .first { $0.key.rawValue.hasSuffix("/stint-ana-1797098400") })
        #expect(anaAlert.marker?.matches(posted) == false, "another stint's marker does not match")
    }

    @Test func linkingDiscordDoesNotMakeANewTeamNotice() throws {
        let key = ResourceKey("\(base)/team/red/message/team-notice")
        let club = Self.club(stints: Self.twoStints)
        let linked = Self.club(stints: Self.twoStints, cyLink: ", discord_user_id: \"284611907262775298\"")
        let unlinkedNotice = try #require(try messages(club, at: "2026-12-11T12:00:00Z").first { $0.key == key })
        let linkedNotice = try #require(try messages(linked, at: "2026-12-11T12:00:00Z").first { $0.key == key })
        #expect(unlinkedNotice.family.announcement?.revision == linkedNotice.family.announcement?.revision)
        #expect(linkedNotice.pings.count == 3 && unlinkedNotice.pings.count == 2)
        // A lineup change is still a new revision.
        let smaller = Self.club(stints: Self.twoStints, members: "[ana, bo]")
        let smallerNotice = try #require(try messages(smaller, at: "2026-12-11T12:00:00Z").first { $0.key == key })
        #expect(smallerNotice.family.announcement?.revision != unlinkedNotice.family.announcement?.revision)
    }

    @Test func longAnnouncementsDropWholeNamesAndPingOnlyTheWrittenMentions() throws {
        let ids = (0..<100).map { "d\($0)" }
        let extra = ids.enumerated().map { index, id in
            "  - { id: \(id), display_name: Driver \(index) With A Rather Long Display Name, discord_user_id: \"\(284_611_907_262_776_000 + index)\" }"
        }.joined(separator: "\n")
        let all = "[ana, bo, cy, " + ids.joined(separator: ", ") + "]"
        let club = Self.club(stints: Self.twoStints, members: all, extraMembers: extra, participants: all,
                             strategy: "        strategy: { pit_stops: 1, tyres: soft }")
        let found = try messages(club, at: "2026-12-11T12:00:00Z")
        for name in ["team-notice", "strategy-changed"] {
            let message = try #require(found.first { $0.key.rawValue.hasSuffix("/message/\(name)") })
            #expect(Message.Limit.length(message.content) <= Message.Limit.content, "\(name)")
            #expect(message.content.contains("more"), "\(name): \(message.content.suffix(80))")
            let written = Self.mentions(in: message.content)
            #expect(!written.isEmpty && written.count < 103)
            #expect(message.pings == written, "\(name): pings are exactly the mentions written")
        }
    }

    /// The user ids of the complete `<@id>` mentions in `text`, in order.
    static func mentions(in text: String) -> [Snowflake] {
        let regex = /<@(\d+)>/
        return text.matches(of: regex).compactMap { UInt64(String($0.1)).map { Snowflake(rawValue: $0) } }
    }
}
