import DiscordEmulator
import DiscordTypes
import Foundation
import MemberSync
import Reconciler
import Spec
import Testing

/// Member sync through the real CLI against the emulator: what it records, what a dry run
/// does not, joins and leaves between syncs, the request count, and the member role.
@Suite struct MemberSyncEndToEndTests {
    /// Three newcomers with linked accounts who are in the guild but not club members yet.
    static let newcomers: [Snowflake] = [1_350_000_000_000_000_001, 1_350_000_000_000_000_002, 1_350_000_000_000_000_003]

    struct Setup {
        let fixture: EmulatorFixture
        let club: SyntheticClub
        let dir: URL
        func run(_ arguments: [String]) async throws -> CLIResult {
            try await CLI.run(arguments + ["--config", dir.path], env: fixture.env)
        }
    }

    func start(settings: String = "") async throws -> Setup {
        let club = SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 2, extraSettings: settings)
        let fixture = try await EmulatorFixture.start(botID: club.applicationID)
        await fixture.seed(club, extraMembers: Self.newcomers)
        let dir = try club.write()
        let accounts = "kind: accounts\naccounts:\n" + Self.newcomers.enumerated().map { index, id in
            "  - { id: acc-\(index), display_name: Newcomer \(index), discord_user_id: \"\(id)\" }\n"
        }.joined()
        try accounts.write(to: dir.appendingPathComponent("accounts.yaml"), atomically: true, encoding: .utf8)
        return Setup(fixture: fixture, club: club, dir: dir)
    }

    func json(_ result: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
    }

    @Test func aSyncRecordsNewcomersInOnePageAndADryRunRecordsNothing() async throws {
        let s = try await start()
        defer { Task { await s.fixture.stop() } }
        let dry = try await s.run(["sync-members", "--dry-run", "--json"])
        #expect(dry.status == 0, "\(dry)")
        #expect((try json(dry)["counts"] as? [String: Int])?["created"] == 3)
        let empty = try await s.run(["members", "--format", "json"])
        let records = try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [Any]
        #expect(records?.isEmpty == true, "a dry run writes nothing: \(empty)")

        await s.fixture.emulator.resetLog()
        let sync = try await s.run(["sync-members", "--json"])
        let counts = try #require(try json(sync)["counts"] as? [String: Int])
        #expect(counts["created"] == 3 && counts["matched"] == s.club.memberCount + 3, "\(counts)")
        let log = await s.fixture.emulator.requestLog
        #expect(log.filter { $0.path.hasSuffix("/members") || $0.path.contains("/members?") }.count == 1,
                "one member page for \(s.club.memberCount + 5) members: \(log.map(\.path))")
        #expect(!log.contains { $0.method != "GET" }, "sync itself changes nothing in Discord")

        let csv = try await s.run(["members", "--format", "csv", "--status", "active"])
        #expect(csv.stdout.contains("acc-0,\(Self.newcomers[0]),Newcomer 0,active,"))
        #expect(csv.stdout.components(separatedBy: "\n").filter { $0.contains(",manual,") }.count == 3)

        let again = try await s.run(["sync-members", "--json"])
        #expect((try json(again)["counts"] as? [String: Int])?["created"] == 0, "a second sync changes nothing")
    }

    @Test func aMemberWhoLeavesIsMarkedInactiveNotDeleted() async throws {
        let s = try await start()
        defer { Task { await s.fixture.stop() } }
        #expect(try await s.run(["sync-members"]).status == 0)
        try await s.fixture.emulator.adminRemoveMember(Self.newcomers[1], from: s.club.guildID)
        let sync = try await s.run(["sync-members"])
        #expect(sync.stdout.contains("1 deactivated"), "\(sync)")
        let left = try await s.run(["members", "--format", "csv", "--status", "left"])
        #expect(left.stdout.contains("acc-1,\(Self.newcomers[1]),Newcomer 1,left,"), "\(left)")
    }

    @Test func theMemberRoleGoesToEveryActiveSyncedMember() async throws {
        let s = try await start(settings: "member_sync:\n  member_role: Club Member\n")
        defer { Task { await s.fixture.stop() } }
        #expect(try await s.run(["sync-members"]).status == 0)
        // Through a saved plan: its verification re-derives the same layout, member role included.
        let planFile = s.dir.appendingPathComponent("plan.json").path
        let saved = try await CLI.run(["plan", "--config", s.dir.path, "--at", SyntheticClub.instant, "--out", planFile],
                                      env: s.fixture.env)
        #expect(saved.status == 0, "\(saved)")
        let apply = try await CLI.run(["apply", "--config", s.dir.path, planFile], env: s.fixture.env)
        #expect(apply.status == 0, "\(apply)")
        let guild = await s.fixture.guild(s.club.guildID)
        let role = try #require(guild.roles.values.first { $0.name == "Club Member" })
        let holders = guild.members.values.filter { $0.roles.contains(role.id) }.map(\.userID)
        #expect(Set(holders) == Set(s.club.linkedMembers + Self.newcomers))
        // One leaves: the next sync and apply take the role away.
        try await s.fixture.emulator.adminRemoveMember(Self.newcomers[0], from: s.club.guildID)
        #expect(try await s.run(["sync-members"]).status == 0)
        let plan = try await CLI.run(["plan", "--config", s.dir.path, "--at", SyntheticClub.instant, "--detailed-exitcode"],
                                     env: s.fixture.env)
        #expect(plan.status == 0, "a member who left has no roles to revoke; nothing else changes: \(plan)")
    }

    @Test func theDaemonSyncsOnItsScheduleBeforeAPass() async throws {
        let s = try await start(settings: "member_sync: 1h\n")
        defer { Task { await s.fixture.stop() } }
        let run = try await CLI.run(["run", "--config", s.dir.path, "--once"], env: s.fixture.env)
        #expect(run.status == 0 || run.status == 1, "\(run)")
        let members = try await s.run(["members", "--format", "csv"])
        #expect(members.stdout.components(separatedBy: "\n").filter { $0.contains(",scheduled,") }.count == 3,
                "the pass synced first (trigger scheduled): \(members)")
        // Within the hour, a second pass does not sync again.
        await s.fixture.emulator.resetLog()
        _ = try await CLI.run(["run", "--config", s.dir.path, "--once"], env: s.fixture.env)
        let store = try SQLiteStateStore(path: s.dir.appendingPathComponent(".simlane/state.sqlite").path)
        #expect(try await store.memberSyncs(guild: s.club.guildID, limit: 10).count == 1)
    }

    @Test func aFailedScheduledSyncIsRecordedAndRetriedAtTheNextPass() async throws {
        let club = SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1, extraSettings: "member_sync: 1h\n")
        let fixture = try await EmulatorFixture.start(botID: club.applicationID)
        defer { Task { await fixture.stop() } }
        await fixture.emulator.seedGuild(GuildSeed(id: club.guildID, name: "No intent", bot: fixture.bot,
                                                   memberIDs: club.linkedMembers, membersIntent: false))
        let dir = try club.write()
        _ = try await CLI.run(["run", "--config", dir.path, "--once"], env: fixture.env)
        _ = try await CLI.run(["run", "--config", dir.path, "--once"], env: fixture.env)
        let store = try SQLiteStateStore(path: dir.appendingPathComponent(".simlane/state.sqlite").path)
        let runs = try await store.memberSyncs(guild: club.guildID, limit: 10)
        #expect(runs.count == 2, "recorded, and tried again at the next pass: \(runs)")
        #expect(runs.allSatisfy { $0.counts.errors == 1 && $0.detail.contains("error") })
    }
}
