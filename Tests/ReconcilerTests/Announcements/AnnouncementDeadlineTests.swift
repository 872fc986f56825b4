import DiscordTypes
import Foundation
import Planner
@testable import Reconciler
import Spec
import Testing

/// "Never late" is decided again just before the request: an announcement planned inside
/// its window but applied after it closed (a saved plan applied hours later, a prompt left
/// open, long rate-limit waits) is recorded as skipped, never sent.
@Suite struct AnnouncementDeadlineTests {
    let guild: Snowflake = 1
    static let deadline = Date(timeIntervalSince1970: 1_796_580_300)

    func plan() -> Plan {
        let key = ResourceKey("series/s/event/e/team/t/message/team-notice")
        let change = Change(index: 0, action: .post, kind: .announcement, key: key, name: "team-notice",
                            operation: .postAnnouncement(channel: .existing(77), content: "Team lineup for E", pings: [5]),
                            ownership: .announce(key: key, revision: "r1", sendBy: Self.deadline))
        return Plan(guildID: guild, changes: [change])
    }

    func apply(at clock: Date) async throws -> (ChangeResult?, [DiscordCall], [SentAlert]) {
        let store = try SQLiteStateStore.inMemory()
        let performer = ScriptedPerformer()
        let executor = ApplyExecutor(store: store, performer: performer, guildID: guild, now: { clock })
        let results = try await executor.run(plan(), runID: "r")
        return (results.first, await performer.operations(), try await store.sentAlerts(guild: guild))
    }

    @Test func anAnnouncementPastItsDeadlineIsRecordedSkippedNotSent() async throws {
        let (result, sent, alerts) = try await apply(at: Self.deadline.addingTimeInterval(4 * 3600))
        #expect(sent.isEmpty, "no request once the window closed")
        #expect(result?.status == .skipped)
        #expect(result?.reason?.contains("window closed before it could be sent") == true)
        #expect(alerts.map(\.outcome) == [.skipped] && alerts.first?.revision == "r1" && alerts.first?.messageID == nil)
    }

    @Test func anAnnouncementBeforeItsDeadlineIsSent() async throws {
        let (result, sent, alerts) = try await apply(at: Self.deadline.addingTimeInterval(-1))
        #expect(sent.count == 1 && result?.status == .done)
        #expect(alerts.map(\.outcome) == [.sent])
    }

    @Test func thePlannerCarriesTheWindowsEndWithTheAnnouncement() {
        let due = Date(timeIntervalSince1970: 1_796_580_000)
        let detected = due.addingTimeInterval(3600)
        let announcement = Announcement(kind: .teamNotice, due: due, revision: "r", grace: 300)
        #expect(announcement.deadline(changed: false, at: detected) == due.addingTimeInterval(300))
        #expect(announcement.deadline(changed: true, at: detected) == detected.addingTimeInterval(300))
    }
}
