import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

/// A member gaining several managed roles in one plan: one fresh read and one
/// `PATCH /guilds/{g}/members/{u}` instead of a `PUT` per role, keeping the roles we do not
/// own; a member gaining one role still gets one `PUT`. Counted from the emulator's log.
@Suite struct BatchedRoleGrantTests {
    /// Four events of one team each: m0–m2 race e0, m3–m5 e1, m6–m8 e2, m9–m11 e3.
    static func club() -> SyntheticClub { SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 4, teams: 1) }

    /// Puts `member` into the team (and participants) of each of `events`.
    static func join(_ member: String, events: [Int], in yaml: String) -> String {
        var yaml = yaml
        for event in events {
            let crew = (0..<3).map { "m\(event * 3 + $0)" }.joined(separator: ", ")
            yaml = yaml.replacingOccurrences(of: "participants: [\(crew)", with: "participants: [\(crew), \(member)")
            yaml = yaml.replacingOccurrences(of: "members: [\(crew)", with: "members: [\(crew), \(member)")
        }
        return yaml
    }

    @Test func threeGrantsAreOnePatchAndOneGrantIsAPut() async throws {
        let s = try await Scenario.start(Self.club())
        defer { Task { await s.stop() } }
        let first = try await s.apply()
        try #require(first.status == 0, "\(first)")

        let m0 = s.club.memberID(0), m1 = s.club.memberID(1)
        // A role we do not own, granted by hand: the batched write must keep it.
        let moderator = try #require(await s.guild().roles.values.first { $0.name == "Moderator" }?.id)
        try await s.emulator.adminAddMemberRole(moderator, to: m0, in: s.guildID)
        let yaml = Self.join("m1", events: [1], in: Self.join("m0", events: [1, 2, 3], in: s.club.clubYAML))
        try yaml.write(to: s.dir.appendingPathComponent("club.yaml"), atomically: true, encoding: .utf8)

        let plan = try await s.plan()
        #expect(plan.status == 2, "\(plan)")
        #expect(plan.stdout.contains("member/\(m0)") || plan.stdout.contains("(\(m0))"), "\(plan.stdout)")

        await s.emulator.resetLog()
        let applied = try await s.apply()
        #expect(applied.status == 0, "\(applied)")
        let log = await s.emulator.requestLog
        let member0 = "/guilds/\(s.guildID)/members/\(m0)"
        #expect(log.filter { $0.method == "PATCH" && $0.path.hasSuffix(member0) }.count == 1, "\(log.map(\.path))")
        #expect(log.filter { $0.method == "GET" && $0.path.hasSuffix(member0) }.count == 1, "the fresh read before the write")
        let roleRoutes = log.filter { $0.path.contains("/members/") && $0.path.contains("/roles/") }
        #expect(roleRoutes.map(\.method) == ["PUT"], "one PUT for m1's single grant: \(roleRoutes.map(\.path))")
        #expect(roleRoutes.first?.path.contains("/members/\(m1)/roles/") == true)
        #expect(log.filter { $0.status == 429 }.isEmpty)

        let roles = Set(await s.guild().members[m0]?.roles ?? [])
        var wanted: Set<Snowflake> = [moderator]
        for event in 0..<4 { wanted.insert(try await s.id("series/s0/event/s0e\(event)/team/t0/role")) }
        #expect(roles == wanted, "m0 holds its four team roles and the hand-granted Moderator role")
        #expect(await s.guild().members[m1]?.roles.contains(try await s.id("series/s0/event/s0e1/team/t0/role")) == true)

        let again = try await s.plan()
        #expect(again.status == 0, "converged after the batched write: \(again)")
    }

    @Test func threeRevokesAreOnePatchAndKeepWhatWeDoNotOwn() async throws {
        let club = Self.club()
        let s = try await Scenario.start(club)
        defer { Task { await s.stop() } }
        let joined = Self.join("m0", events: [1, 2, 3], in: club.clubYAML)
        try joined.write(to: s.dir.appendingPathComponent("club.yaml"), atomically: true, encoding: .utf8)
        try #require(try await s.apply().status == 0)

        let m0 = s.club.memberID(0)
        let moderator = try #require(await s.guild().roles.values.first { $0.name == "Moderator" }?.id)
        try await s.emulator.adminAddMemberRole(moderator, to: m0, in: s.guildID)
        try club.clubYAML.write(to: s.dir.appendingPathComponent("club.yaml"), atomically: true, encoding: .utf8)

        await s.emulator.resetLog()
        #expect(try await s.apply().status == 0)
        let log = await s.emulator.requestLog
        #expect(log.filter { $0.method == "PATCH" && $0.path.hasSuffix("/guilds/\(s.guildID)/members/\(m0)") }.count == 1)
        #expect(!log.contains { $0.path.contains("/roles/") && $0.path.contains("/members/") })
        let roles = Set(await s.guild().members[m0]?.roles ?? [])
        #expect(roles == [moderator, try await s.id("series/s0/event/s0e0/team/t0/role")])
    }

    /// The full list is written from a read made just before the write, not from the plan's
    /// snapshot: a role granted by hand between plan and apply survives.
    @Test func aRoleGrantedAfterThePlanIsKept() async throws {
        let s = try await Scenario.start(Self.club())
        defer { Task { await s.stop() } }
        try #require(try await s.apply().status == 0)
        let m0 = s.club.memberID(0)
        try Self.join("m0", events: [1, 2, 3], in: s.club.clubYAML)
            .write(to: s.dir.appendingPathComponent("club.yaml"), atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: s.dir.path)
        let client = DiscordClient(configuration: DiscordConfiguration(
            baseURL: s.fixture.server.baseURL, token: BotToken(s.fixture.bot.token)!))
        let reconciler = Reconciler(client: client, store: try SQLiteStateStore(path: s.statePath), guildID: s.guildID)
        let run = try await reconciler.plan(config: config, at: try Date(SyntheticClub.instant, strategy: .iso8601))
        #expect(run.plan.changes.contains { $0.key == .member(m0) })

        let member = try #require(await s.guild().roles.values.first { $0.name == "Member" }?.id)
        try await s.emulator.adminAddMemberRole(member, to: m0, in: s.guildID)
        _ = try await reconciler.apply(run)
        let roles = Set(await s.guild().members[m0]?.roles ?? [])
        #expect(roles.contains(member), "the role granted after the plan was dropped: \(roles)")
        for event in 0..<4 {
            #expect(roles.contains(try await s.id("series/s0/event/s0e\(event)/team/t0/role")))
        }
    }
}
