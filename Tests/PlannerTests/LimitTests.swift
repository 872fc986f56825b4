import DiscordTypes
import Planner
import Spec
import Testing

/// Discord's guild limits, counted against the snapshot: everything already in the guild,
/// managed or not, plus what the plan creates or moves.
@Suite struct LimitTests {
    typealias F = ClubFixture

    @Test func unmanagedChannelsCountTowardsTheGuildLimit() throws {
        var guild = F.emptyGuild
        let existing = guild.channels.count
        for index in 0..<(499 - existing) {
            guild.channels.append(Channel(id: Snowflake(UInt64(70_000 + index)), type: .guildText, guildID: F.guild,
                                          name: "hand-made-\(index)", position: 10 + index))
        }
        #expect(throws: PlanRefusal.self) { try F.diff(F.desired, guild) }
        do {
            _ = try F.diff(F.desired, guild)
        } catch {
            guard case .limits(let problems) = error, let channels = problems.first(where: { $0.what == .channels }) else {
                Issue.record("expected a limits refusal, got \(error)")
                return
            }
            #expect(channels.present == 499 && channels.limit == 500 && channels.count > 500)
            #expect(String(describing: error).contains("no request was sent"))
        }
    }

    @Test func aCategoryNearFiftyChannelsIsAWarningAndPastFiftyARefusal() throws {
        var (guild, ownership) = try F.converged()
        let category = try #require(ownership[F.category]?.id)
        let inside = guild.channels.filter { $0.parentID == category }.count
        for index in 0..<(46 - inside) {
            guild.channels.append(Channel(id: Snowflake(UInt64(80_000 + index)), type: .guildText, guildID: F.guild,
                                          name: "admin-\(index)", position: 100 + index, parentID: category))
        }
        let near = try F.diff(F.desired, guild, ownership)
        #expect(near.warnings.contains { $0.message.contains("would hold 46 channels") && $0.message.contains("near") })
        for index in 46..<51 {
            guild.channels.append(Channel(id: Snowflake(UInt64(80_000 + index)), type: .guildText, guildID: F.guild,
                                          name: "admin-\(index)", position: 100 + index, parentID: category))
        }
        #expect(throws: PlanRefusal.self) { try F.diff(F.desired, guild, ownership) }
    }
}
