import Discord
import DiscordTypes
import Foundation
import Testing

/// Member listing pages with `after`.
@Suite struct PaginationTests {
    @Test func allMembersPagesThroughThousands() async throws {
        let rig = Rig()
        await rig.fake.setMemberCount(2500)
        let client = rig.client
        let members = try await rig.one { try await client.allMembers(in: 3) }
        #expect(members.count == 2500)
        #expect(Set(members.compactMap { $0.user?.id }).count == 2500)
        let queries = await rig.fake.sent.map(\.query)
        #expect(queries == [["limit": "1000"], ["limit": "1000", "after": "1000000"], ["limit": "1000", "after": "2000000"]])
    }

    @Test func exactMultipleEndsWithAnEmptyPage() async throws {
        let rig = Rig()
        await rig.fake.setMemberCount(2000)
        let client = rig.client
        let members = try await rig.one { try await client.allMembers(in: 3) }
        #expect(members.count == 2000)
        #expect(await rig.fake.sent.count == 3)
    }
}
