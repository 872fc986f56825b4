import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

/// The real CLI binary against the emulator on 127.0.0.1: fresh guild, convergence,
/// unmanaged resources untouched, the request log.
@Suite(.serialized) struct EndToEndApplyTests {
    @Test func freshGuildGetsExactlyTheLayoutAndNothingElseChanges() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let club = SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 2, teams: 2)
        let dir = try club.write()
        await fixture.seed(club, roles: EmulatorFixture.furnitureRoles, channels: EmulatorFixture.furnitureChannels)
        let before = await fixture.guild(club.guildID)
        await fixture.emulator.resetLog()

        let apply = try await CLI.run(["apply", "--config", dir.path, "--at", SyntheticClub.instant, "--auto-approve"], env: fixture.env)
        #expect(apply.status == 0, "\(apply)")
        #expect(apply.stdout.contains("Apply complete"), "\(apply)")

        let after = await fixture.guild(club.guildID)
        // Unmanaged channels and roles are exactly as they were.
        for (id, channel) in before.channels { #expect(after.channels[id] == channel) }
        for (id, role) in before.roles where id != club.guildID { #expect(after.roles[id]?.name == role.name) }
        #expect(after.duplicateChannels.isEmpty)
        #expect(after.duplicateRoles.isEmpty)

        // Exactly the desired layout exists, and the state store owns exactly it.
        let config = try ConfigLoader.load(path: dir.path)
        let desired = Compiler.compile(config, at: try Date(SyntheticClub.instant, strategy: .iso8601)).desired
        let store = try SQLiteStateStore(path: dir.appendingPathComponent(".simlane/state.sqlite").path)
        let ownership = try await store.ownership(guild: club.guildID)
        for channel in desired.channels {
            let id = try #require(ownership[channel.key]?.id, "\(channel.key) not owned")
            #expect(after.channels[id]?.name == channel.name)
        }
        for role in desired.roles {
            let id = try #require(ownership[role.key]?.id, "\(role.key) not owned")
            #expect(after.roles[id]?.name == role.name)
            for user in role.members { #expect(after.members[user]?.roles.contains(id) == true) }
        }
        for thread in desired.threads {
            let id = try #require(ownership[thread.key]?.id, "\(thread.key) not owned")
            #expect(after.channels[id]?.name == thread.name)
            #expect(Set(thread.members).isSubset(of: Set(after.channels[id]?.threadMembers.keys.map { $0 } ?? [])))
        }
        #expect(after.guildChannels.count == before.guildChannels.count + desired.channels.count)
        #expect(after.roles.count == before.roles.count + desired.roles.count)

        // Only the snapshot's GETs plus one request per change; no 429 at all.
        let log = await fixture.emulator.requestLog
        let counters = await fixture.emulator.currentCounters
        #expect(counters.totalRateLimited == 0)
        let planned = try #require(apply.stdout.firstMatch(of: /; (\d+) requests?/).map { Int($0.1)! })
        // Distinct requests: on a loaded machine the client may time out and re-send an
        // idempotent PATCH/PUT that Discord already took (same method, path and body); a plan
        // that listed a change twice would still show in `planned`.
        struct Sent: Hashable { let method: String, path: String, body: JSONValue? }
        let mutations = Set(log.filter { $0.method != "GET" }.map { Sent(method: $0.method, path: $0.path, body: $0.body) })
        #expect(mutations.count == planned)
        let gets = log.filter { $0.method == "GET" }.compactMap(\.route)
        #expect(Set(gets).isSubset(of: [
            "GET /users/@me", "GET /guilds/{guild_id}", "GET /guilds/{guild_id}/channels",
            "GET /guilds/{guild_id}/roles", "GET /guilds/{guild_id}/threads/active",
            "GET /guilds/{guild_id}/members",
        ]), "\(gets)")

        // The next plan is empty.
        await fixture.emulator.resetLog()
        let plan = try await CLI.run(["plan", "--config", dir.path, "--at", SyntheticClub.instant, "--detailed-exitcode"], env: fixture.env)
        #expect(plan.status == 0, "\(plan)")
        #expect(plan.stdout.contains("No changes."))
        let replanLog = await fixture.emulator.requestLog
        #expect(replanLog.allSatisfy { $0.method == "GET" })
    }
}
