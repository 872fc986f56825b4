import Discord
import DiscordTypes
import Foundation
import Planner
@testable import Reconciler
import Spec
import Testing

/// Answers every request with one Discord error, as Discord does when the goal already holds.
actor RefusingPerformer: ChangePerformer {
    let status: Int
    let code: Int
    init(status: Int = 404, code: Int) {
        self.status = status
        self.code = code
    }

    func perform(_ operation: DiscordCall, change: Change, guildID: Snowflake) async throws -> PerformedChange {
        throw DiscordError(kind: .http, route: operation.route ?? "-", status: status, code: code, message: "Unknown")
    }
}

/// Errors that mean "already done" are treated as done (DISCORD.md §1 codes; the endpoint's
/// `alreadyDoneCodes`): the change succeeds and its ownership effect applies.
@Suite struct AlreadyDoneTests {
    let guild: Snowflake = 1

    func run(_ operation: DiscordCall, key: ResourceKey, kind: ResourceKind, code: Int,
             owned: Bool = true) async throws -> (ChangeResult, Ownership) {
        let store = try SQLiteStateStore.inMemory()
        if owned { try await store.apply([.own(key, OwnershipEntry(id: 77, kind: kind))], guild: guild) }
        let change = Change(index: 0, action: .delete, kind: kind, key: key, name: "x",
                            operation: operation, ownership: owned ? .forget(key) : .none)
        let executor = ApplyExecutor(store: store, performer: RefusingPerformer(code: code), guildID: guild)
        let results = try await executor.run(Plan(guildID: guild, changes: [change]), runID: "r")
        return (try #require(results.first), try await store.ownership(guild: guild))
    }

    @Test(arguments: [
        (DiscordCall.deleteChannel(id: 77), 10003), (.deleteMessage(channel: 5, message: 77), 10008),
        (.deleteRole(id: 77), 10011), (.revokeRole(user: 9, role: 77), 10007),
        (.revokeRole(user: 9, role: 77), 10013), (.grantRole(user: 9, role: .existing(77)), 10007),
        (.addThreadMember(thread: .existing(77), user: 9), 10007),
        (.removeThreadMember(thread: 77, user: 9), 10013), (.unpinMessage(channel: 5, message: 77), 10008),
    ])
    func anUnknownResourceOnDeleteOrAMemberWhoLeftIsDone(_ operation: DiscordCall, _ code: Int) async throws {
        let (result, ownership) = try await run(operation, key: "k", kind: .text, code: code)
        #expect(result.status == .done, "\(operation) with \(code): \(result)")
        #expect(ownership["k"] == nil, "a delete that found nothing still forgets the key")
    }

    @Test func otherErrorsStillFail() async throws {
        // 10008 (unknown message) on a channel delete is not "the channel is gone".
        let (wrongCode, owned) = try await run(.deleteChannel(id: 77), key: "k", kind: .text, code: 10008)
        #expect(wrongCode.status == .failed)
        #expect(owned["k"]?.id == 77)
        // 10003 on an edit: the message's channel is gone, nothing was edited.
        let (edit, _) = try await run(.editMessage(channel: 5, message: 77, content: "x", embeds: [], components: []),
                                      key: "k", kind: .message, code: 10003)
        #expect(edit.status == .failed)
        // A 403 is never "done".
        let (forbidden, _) = try await run(.deleteChannel(id: 77), key: "k", kind: .text, code: 50013)
        #expect(forbidden.status == .failed)
    }

    @Test func theEndpointTableSaysWhichCodesMeanDone() {
        #expect(DiscordEndpoint.deleteOverwrite.alreadyDoneCodes == [10009])
        #expect(DiscordEndpoint.deleteChannel.alreadyDoneCodes == [10003])
        #expect(DiscordEndpoint.createChannel.alreadyDoneCodes.isEmpty)
    }
}
