import DiscordEmulator
import DiscordTypes
import Foundation
import Reconciler
import Testing

/// `member_sync.dm_unlinked`: `sync-members` sends each unlinked member the `!link` text by
/// DM once, pinging nobody; a member who refuses DMs (50007) is recorded, never retried, and
/// does not fail the sync; a dry run and the default send nothing.
@Suite struct LinkReminderEndToEndTests {
    /// In the guild with no linked Simlane account (the synthetic club has one more).
    static let unlinked: [Snowflake] = [1_360_000_000_000_000_001, 1_360_000_000_000_000_002]

    func start(settings: String) async throws -> (EmulatorFixture, URL) {
        let club = SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 2, extraSettings: settings)
        let fixture = try await EmulatorFixture.start(botID: club.applicationID)
        await fixture.seed(club, extraMembers: Self.unlinked)
        return (fixture, try club.write())
    }

    func dmRequests(_ fixture: EmulatorFixture) async -> [LoggedRequest] {
        await fixture.emulator.requests(to: "POST /users/@me/channels")
    }

    @Test func eachUnlinkedMemberIsMessagedOnceAndARefusalIsRecorded() async throws {
        let (fixture, dir) = try await start(settings: "member_sync:\n  dm_unlinked: true\n")
        defer { Task { await fixture.stop() } }
        await fixture.emulator.closeDirectMessages(of: Self.unlinked[1])

        let dry = try await CLI.run(["sync-members", "--dry-run", "--config", dir.path], env: fixture.env)
        #expect(dry.status == 0, "\(dry)")
        #expect(await dmRequests(fixture).isEmpty, "a dry run sends nothing")

        let sync = try await CLI.run(["sync-members", "--config", dir.path], env: fixture.env)
        #expect(sync.status == 0, "a refused DM never fails the sync: \(sync)")
        #expect(sync.stdout.contains("Link DMs (member_sync.dm_unlinked): 2 sent, 1 refused"), "\(sync)")
        let sent = await fixture.emulator.directMessages(to: Self.unlinked[0])
        #expect(sent.map(\.content) == [TextCommand.linkInstructions])
        #expect(await fixture.emulator.directMessages(to: Self.unlinked[1]).isEmpty)
        let posts = await fixture.emulator.requests(to: "POST /channels/{channel_id}/messages")
        #expect(posts.count == 3 && posts.allSatisfy { $0.body?["allowed_mentions"] == .object(["parse": .array([])]) },
                "\(posts.map(\.body))")
        #expect(posts.compactMap(\.errorCode) == [DiscordEndpoint.cannotMessageUserCode])

        await fixture.emulator.resetLog()
        let again = try await CLI.run(["sync-members", "--config", dir.path], env: fixture.env)
        #expect(again.status == 0, "\(again)")
        #expect(await dmRequests(fixture).isEmpty, "nobody is messaged twice, a refusal is not retried")
        #expect(await fixture.emulator.directMessages(to: Self.unlinked[0]).count == 1)
    }

    @Test func withoutTheSettingNobodyIsMessaged() async throws {
        let (fixture, dir) = try await start(settings: "")
        defer { Task { await fixture.stop() } }
        let sync = try await CLI.run(["sync-members", "--config", dir.path], env: fixture.env)
        #expect(sync.status == 0, "\(sync)")
        #expect(sync.stdout.contains("3 unlinked"), "\(sync)")
        #expect(await dmRequests(fixture).isEmpty)
    }
}
