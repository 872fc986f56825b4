import DiscordTypes
import Planner
import Spec
import Testing

/// A category we retire that holds channels we do not manage is kept, and the plan says why.
@Suite struct RetiredCategoryTests {
    typealias F = ClubFixture

    @Test func anAdoptedCategoryHoldingAHandMadeChannelIsKeptWithAWarning() throws {
        var (guild, ownership) = try F.converged()
        // "Lobby" (2002) was adopted under an old series key; its "Lounge" (2003) is hand-made.
        let old: ResourceKey = "series/old"
        ownership[old] = OwnershipEntry(id: 2002, kind: .category)
        var desired = F.desired
        desired.retired.append(old)
        let plan = try F.diff(desired, guild, ownership)
        #expect(!plan.changes.contains { $0.key == old })
        let warning = try #require(plan.warnings.first { $0.key == old })
        #expect(warning.message.contains("is kept, not deleted") && warning.message.contains("Lounge"))

        // Once the admin moves their channel out, a later plan removes the category.
        if let index = guild.channels.firstIndex(where: { $0.id == 2003 }) { guild.channels[index].parentID = nil }
        let later = try F.diff(desired, guild, ownership)
        #expect(later.changes.contains { $0.key == old && $0.action == .delete })
    }
}
