import DiscordTypes
import Foundation
import Planner
import Spec
import Testing

/// The planner's rules for edge-triggered messages: each revision once, in its window,
/// else recorded as skipped; a change of a change notice is sent whenever it is detected.
@Suite struct AnnouncementPlanTests {
    typealias F = ClubFixture
    static let due = Date(timeIntervalSince1970: 1_796_000_000)
    static let key = ResourceKey("series/gt3-cup/event/spa-6h/team/alpha/message/team-notice")

    func notice(revision: String, lapsed: String? = nil, kind: Announcement.Kind = .teamNotice) -> DesiredMessage {
        DesiredMessage(key: Self.key, channel: F.alphaThread, content: "Team lineup for Spa 6h — Alpha", group: F.event,
                       pings: [F.bob, F.alice],
                       family: .announcement(Announcement(kind: kind, due: Self.due, revision: revision, lapsed: lapsed)))
    }

    func plan(_ message: DesiredMessage, announced: [ResourceKey: String] = [:], lapsed: Bool = false) throws -> Plan {
        let (snapshot, ownership) = try F.converged()
        var desired = F.desired
        if lapsed { desired.lapsed = [message] } else { desired.messages.append(message) }
        var options = PlanOptions()
        options.announced = announced
        return try Planner.diff(desired: desired, snapshot: snapshot, ownership: ownership, options: options)
    }

    @Test func anAnnouncementInItsWindowIsPostedPingingExactlyItsPeople() throws {
        let plan = try plan(notice(revision: "a"))
        let change = try #require(plan.changes.first { $0.key == Self.key })
        #expect(change.action == .post && change.kind == .announcement)
        #expect(change.operation == .postAnnouncement(channel: .existing(try #require(
            try F.converged().1[F.alphaThread]?.id)), content: "Team lineup for Spa 6h — Alpha", pings: [F.alice, F.bob]))
        #expect(change.ownership == .announce(key: Self.key, revision: "a"))
        #expect(plan.handledAnnouncements == [Self.key: "a"])
        let text = PlanTextRenderer.render(plan)
        #expect(text.contains(">> announcement \"team-notice\""))
        #expect(text.contains("pings   = alice (501), bob (502)"), "\(text)")
    }

    @Test func aHandledRevisionIsLeftAlone() throws {
        #expect(try plan(notice(revision: "a"), announced: [Self.key: "a"]).isEmpty)
        #expect(try plan(notice(revision: "a", lapsed: "late"), announced: [Self.key: "a"], lapsed: true).isEmpty)
    }

    @Test func aLapsedAnnouncementIsSkippedWithItsReasonNotPosted() throws {
        let plan = try plan(notice(revision: "a", lapsed: "due 09:00, more than announcement_grace (5m) ago"), lapsed: true)
        #expect(!plan.changes.contains { $0.key == Self.key })
        #expect(plan.skippedAnnouncements.map(\.reason) == ["due 09:00, more than announcement_grace (5m) ago"])
        #expect(!plan.isEmpty, "the skip is recorded by apply")
        #expect(PlanTextRenderer.render(plan).contains("!> \(Self.key) (team-notice): due 09:00"))
        #expect(PlanJSONRenderer.render(plan).contains("\"skipped_announcements\""))
    }

    @Test func aChangedTeamIsAnnouncedWhenDetectedEvenPastItsFirstWindow() throws {
        let plan = try plan(notice(revision: "b", lapsed: "late"), announced: [Self.key: "a"], lapsed: true)
        let change = try #require(plan.changes.first { $0.key == Self.key })
        #expect(change.reason == "team-notice changed since it was last announced")
        #expect(plan.skippedAnnouncements.isEmpty)
    }

    @Test func aStrategysFirstVersionIsOnlyRecorded() throws {
        let plan = try plan(notice(revision: "a", kind: .strategyChanged))
        #expect(!plan.changes.contains { $0.key == Self.key })
        #expect(plan.skippedAnnouncements.first?.reason == "first version: only later changes are announced")
    }
}
