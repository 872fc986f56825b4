import DiscordEmulator
import DiscordTypes
import Foundation
import Testing
@testable import Reconciler

/// Announcements through the daemon (compile → snapshot → plan → apply against the
/// emulator, clock injected): each sent once at its instant, with exactly its pings, across
/// restarts; skipped, never sent late, after an outage longer than the grace window.
@Suite("Announcement season")
struct AnnouncementSeasonTests {
    typealias S = AnnouncementSeason

    @Test func eachAnnouncementIsSentOnceAtItsInstantAcrossDaemonRestarts() async throws {
        let harness = try await DaemonHarness(start: Date(iso: "2026-11-30T00:00:00Z"))
        defer { Task { await harness.shutdown() } }
        await harness.seedGuild(S.guild)
        let club = try S.write(harness)
        var wakes = await S.run(harness, await S.start(harness, club), until: "2026-12-05T00:00:00Z")
        #expect(wakes.contains(Date(iso: "2026-12-04T10:00:00Z")), "a pass exactly when teams are published")
        let published = await S.messages(harness)
        #expect(published.filter { $0.content.hasPrefix("Team lineup for ") }.count == 2)

        // Restart with changed data: Eve replaces Bob in Red, Red's tyres change.
        harness.now.date = Date(iso: "2026-12-05T12:00:00Z")
        _ = try S.write(harness, data: S.club(second: "eve", tyres: "soft"))
        wakes = await S.run(harness, await S.start(harness, club), until: "2026-12-06T18:10:00Z")
        #expect(wakes.contains(Date(iso: "2026-12-06T17:45:00Z")), "a pass exactly at the alerts' instant")
        // Restart mid-race.
        wakes = await S.run(harness, await S.start(harness, club), until: "2026-12-07T12:00:00Z")
        #expect(wakes.contains(Date(iso: "2026-12-06T18:45:00Z")))

        let messages = await S.messages(harness)
        func sent(_ prefix: String) -> [EmulatedMessage] { messages.filter { $0.content.hasPrefix(prefix) } }
        let notices = sent("Team lineup for ")
        #expect(notices.count == 3, "two at publication, one for Red's change: \(notices.map(\.content))")
        // Each notice pings exactly its team's members.
        #expect(Set(notices.map { $0.pings?.users ?? [] }) == [[S.ann, S.bob], [S.cat, S.dan], [S.ann, S.eve]])
        // Bob, removed from Red, is told nothing: he is not pinged after the change.
        let afterChange = messages.filter { $0.timestamp >= Date(iso: "2026-12-05T12:00:00Z") }
        #expect(!afterChange.contains { $0.pings?.users.contains(S.bob) == true })
        let strategy = sent("Strategy updated for ")
        #expect(strategy.count == 1 && strategy.first?.pings?.users == [S.ann, S.eve])
        #expect(strategy.first?.content.contains("tyres soft") == true)
        for (prefix, drivers) in [("Stint 1 for ", [S.ann, S.cat]), ("Stint 2 for ", [S.dan, S.eve])] {
            let alerts = sent(prefix)
            #expect(alerts.count == 2, "\(prefix): \(alerts.map(\.content))")
            // Each alert pings exactly its driver.
            #expect(alerts.map { $0.pings?.users ?? [] }.sorted { $0.first ?? 0 < $1.first ?? 0 } == drivers.sorted().map { [$0] })
        }
        // A team named `<@&123>` and a member named `@everyone` ping nobody beyond the drivers.
        #expect(messages.allSatisfy { $0.pings?.roles.isEmpty != false && $0.pings?.everyone != true })
        let store = try SQLiteStateStore(path: StatePath.stateFile(config: club.path, override: nil))
        let records = try await store.sentAlerts(guild: S.guild)
        // Two team notices (Red's at its new revision), Red's strategy change, four alerts.
        #expect(records.filter { $0.outcome == .sent }.count == 7, "\(records)")
        #expect(records.filter { $0.outcome == .sent }.allSatisfy { $0.messageID != nil })

        // Golden bodies of each kind, as sent (mention safety visible in the content).
        let team = await S.bodies(harness, prefix: "Team lineup for ")
        let blue = try #require(team.first { $0["content"]?.stringValue?.contains("Curb") == true })
        Golden.check(S.text(blue), "announcements", "team-notice.json")
        Golden.check(S.text(try #require(await S.bodies(harness, prefix: "Strategy updated for ").first)),
                     "announcements", "strategy-changed.json")
        let alerts = await S.bodies(harness, prefix: "Stint 2 for ")
        Golden.check(S.text(try #require(alerts.first { $0["content"]?.stringValue?.contains("everyone") == true })),
                     "announcements", "stint-alert.json")
    }

    @Test func alertsAreSkippedNotSentLateAfterAnOutageLongerThanTheGrace() async throws {
        let harness = try await DaemonHarness(start: Date(iso: "2026-11-30T00:00:00Z"))
        defer { Task { await harness.shutdown() } }
        await harness.seedGuild(S.guild)
        let club = try S.write(harness)
        await S.run(harness, await S.start(harness, club), until: "2026-12-06T17:00:00Z")
        // Down from 17:00 to 18:48: the 17:45 alerts are 63 minutes late, the 18:45 ones 3.
        harness.now.date = Date(iso: "2026-12-06T18:48:00Z")
        await S.run(harness, await S.start(harness, club), until: "2026-12-06T21:00:00Z")

        let messages = await S.messages(harness)
        #expect(!messages.contains { $0.content.hasPrefix("Stint 1 for ") }, "late alerts are never sent")
        #expect(messages.filter { $0.content.hasPrefix("Stint 2 for ") }.count == 2)
        let store = try SQLiteStateStore(path: StatePath.stateFile(config: club.path, override: nil))
        let skipped = try await store.sentAlerts(guild: S.guild).filter { $0.key.hasSuffix("-1796580000") }
        #expect(skipped.count == 2)
        #expect(skipped.allSatisfy {
            $0.outcome == .skipped && $0.messageID == nil && $0.reason?.contains("more than announcement_grace (5m)") == true
        })
        let logged = harness.logs.lines.filter { $0.contains("announcement skipped") && $0.contains("-1796580000") }
        #expect(logged.count == 2, "\(harness.logs.lines)")
    }

    /// Discord executes the alert posts but the answers are lost (502): looked up by content,
    /// or settled from the journal on the next pass, never posted twice.
    @Test func lostAnswersToAlertPostsAreFoundNotPostedTwice() async throws {
        let harness = try await DaemonHarness(start: Date(iso: "2026-11-30T00:00:00Z"))
        defer { Task { await harness.shutdown() } }
        await harness.seedGuild(S.guild)
        let club = try S.write(harness)
        let loop = await S.start(harness, club)
        await S.run(harness, loop, until: "2026-12-06T17:44:00Z")
        await harness.emulator.inject(Fault(.serverError(502, executed: true),
                                            on: .route("POST /channels/{channel_id}/messages"), times: 6))
        await S.run(harness, loop, until: "2026-12-06T18:30:00Z")
        let lost = await harness.emulator.requestLog.filter { $0.status == 502 && $0.method == "POST" }
        #expect(lost.count >= 2, "answers were lost")
        let alerts = await S.messages(harness).filter { $0.content.hasPrefix("Stint 1 for ") }
        #expect(alerts.count == 2, "\(alerts.map(\.content))")
        let store = try SQLiteStateStore(path: StatePath.stateFile(config: club.path, override: nil))
        #expect(try await store.pendingIntents(guild: S.guild).isEmpty)
        let records = try await store.sentAlerts(guild: S.guild).filter { $0.key.hasSuffix("-1796580000") }
        #expect(Set(records.compactMap(\.messageID)) == Set(alerts.map(\.id)))
    }
}
