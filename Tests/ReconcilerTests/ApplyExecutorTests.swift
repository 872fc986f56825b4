import DiscordTypes
import Foundation
import Planner
@testable import Reconciler
import Spec
import Testing

/// A performer that records what it was asked and fails on request.
actor ScriptedPerformer: ChangePerformer {
    var sent: [DiscordCall] = []
    var nextID: UInt64 = 1000
    var inFlight = 0
    var maxInFlight = 0
    let failing: Set<ResourceKey>
    let tokenRejected: Set<ResourceKey>

    init(failing: Set<ResourceKey> = [], tokenRejected: Set<ResourceKey> = []) {
        self.failing = failing
        self.tokenRejected = tokenRejected
    }

    func perform(_ operation: DiscordCall, change: Change, guildID: Snowflake) async throws -> PerformedChange {
        sent.append(operation)
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        await Task.yield()  // let other changes in flight interleave here
        inFlight -= 1
        if failing.contains(change.key) {
            throw ScriptedFailure()
        }
        if tokenRejected.contains(change.key) {
            throw RejectedToken()
        }
        nextID += 1
        return PerformedChange(createdID: operation.isCreate ? Snowflake(nextID) : nil, httpStatus: 200)
    }

    func operations() -> [DiscordCall] { sent }
    func concurrency() -> Int { maxInFlight }
}

struct ScriptedFailure: Error, ApplyFailureDescribing {
    var failureHTTPStatus: Int? { 403 }
    var failureDiscordCode: Int? { 50013 }
    var failureSentence: String { "missing MANAGE_ROLES" }
    var failureOutcomeUnknown: Bool { false }
}

/// What a 401 looks like to the executor: it ends the whole apply.
struct RejectedToken: Error, ApplyFailureDescribing {
    var failureHTTPStatus: Int? { 401 }
    var failureDiscordCode: Int? { 0 }
    var failureSentence: String { "Discord rejected the bot token" }
    var failureOutcomeUnknown: Bool { false }
    var failureStopsApply: Bool { true }
}

@Suite struct ApplyExecutorTests {
    let guild: Snowflake = 1

    /// role R, category C, text T in C with an overwrite for R, thread H in T, grant R to a user.
    func samplePlan() -> Plan {
        let role = Change(index: 0, action: .create, kind: .role, key: "team/role", name: "Team",
                          operation: .createRole(NewRole(name: "Team", permissions: [], color: 0, hoist: false, mentionable: true)),
                          ownership: .record(key: "team/role", kind: .role, id: nil, appliedHash: "r"))
        let category = Change(index: 1, action: .create, kind: .category, key: "cat", name: "Cat",
                              operation: .createChannel(NewChannel(type: .guildCategory, name: "Cat")),
                              ownership: .record(key: "cat", kind: .category, id: nil, appliedHash: "c"))
        let text = Change(index: 2, action: .create, kind: .text, key: "text", name: "text",
                          dependencies: [0, 1],
                          operation: .createChannel(NewChannel(
                            type: .guildText, name: "text", parent: .created("cat"),
                            overwrites: [RefOverwrite(target: .created("team/role"), type: .role, allow: .viewChannel, deny: [])])),
                          ownership: .record(key: "text", kind: .text, id: nil, appliedHash: "t"))
        let thread = Change(index: 3, action: .create, kind: .thread, key: "thread", name: "thread",
                            dependencies: [2],
                            operation: .createThread(parent: .created("text"), name: "thread", isPrivate: true, autoArchiveMinutes: 10080),
                            ownership: .record(key: "thread", kind: .thread, id: nil, appliedHash: "h"))
        let grant = Change(index: 4, action: .grant, kind: .role, key: "team/role", name: "Team",
                           dependencies: [0], operation: .grantRole(user: 42, role: .created("team/role")))
        let unrelated = Change(index: 5, action: .create, kind: .voice, key: "voice", name: "voice",
                               operation: .createChannel(NewChannel(type: .guildVoice, name: "voice")),
                               ownership: .record(key: "voice", kind: .voice, id: nil, appliedHash: "v"))
        return Plan(guildID: guild, changes: [role, category, text, thread, grant, unrelated])
    }

    @Test func createdIDsFlowIntoDependentsAndOwnershipIsRecorded() async throws {
        let store = try SQLiteStateStore.inMemory()
        let performer = ScriptedPerformer()
        let executor = ApplyExecutor(store: store, performer: performer, guildID: guild, maxConcurrency: 4)
        let results = try await executor.run(samplePlan(), runID: "r1")
        #expect(results.map(\.status) == Array(repeating: .done, count: 6))

        let ownership = try await store.ownership(guild: guild)
        #expect(Set(ownership.entries.keys) == ["team/role", "cat", "text", "thread", "voice"])
        let ops = await performer.operations()
        #expect(ops.count == 6)
        // Every ref that reached the performer was resolved to a real id.
        for op in ops {
            if case .createChannel(let new) = op, new.type == .guildText {
                #expect(new.parent == .existing(ownership["cat"]!.id))
                #expect(new.overwrites.first?.target == .existing(ownership["team/role"]!.id))
            }
            if case .createThread(let parent, _, _, _) = op { #expect(parent == .existing(ownership["text"]!.id)) }
            if case .grantRole(_, let role) = op { #expect(role == .existing(ownership["team/role"]!.id)) }
        }
        let journal = try await store.journal(run: "r1")
        #expect(journal.count == 6)
        #expect(journal.allSatisfy { $0.outcome?.status == .ok })
        #expect(try await store.pendingIntents(guild: guild).isEmpty)
    }

    @Test func aFailureSkipsOnlyItsDependents() async throws {
        let store = try SQLiteStateStore.inMemory()
        let performer = ScriptedPerformer(failing: ["cat"])
        let executor = ApplyExecutor(store: store, performer: performer, guildID: guild)
        let results = try await executor.run(samplePlan(), runID: "r2")
        let byKey = Dictionary(grouping: results, by: \.index)
        #expect(byKey[0]?.first?.status == .done)      // role
        #expect(byKey[1]?.first?.status == .failed)    // category
        #expect(byKey[1]?.first?.reason == "missing MANAGE_ROLES")
        #expect(byKey[2]?.first?.status == .skipped)   // text needs the category
        #expect(byKey[3]?.first?.status == .skipped)   // thread needs the text channel
        #expect(byKey[2]?.first?.reason?.contains("depends on + category Cat") == true)
        #expect(byKey[4]?.first?.status == .done)      // grant needs only the role
        #expect(byKey[5]?.first?.status == .done)      // unrelated voice
        let report = ApplyReport(runID: "r2", results: results)
        #expect(report.done == 3 && report.failed == 1 && report.skipped == 2)
        #expect(!report.succeeded)
        #expect(await performer.operations().count == 4)
        let journal = try await store.journal(run: "r2")
        #expect(journal.count == 6)
        #expect(journal.filter { $0.outcome?.status == .failed }.first?.outcome?.discordCode == 50013)
        #expect(Set(try await store.ownership(guild: guild).entries.keys) == ["team/role", "voice"])
    }

    @Test func changesSharingABucketRunInPlanOrderEvenWhenOneFails() async throws {
        let store = try SQLiteStateStore.inMemory()
        let performer = ScriptedPerformer(failing: ["c2"])
        let changes = (0..<6).map { index in
            Change(index: index, action: .create, kind: .voice, key: ResourceKey("c\(index)"), name: "c\(index)",
                   operation: .createChannel(NewChannel(type: .guildVoice, name: "c\(index)")),
                   ownership: .record(key: ResourceKey("c\(index)"), kind: .voice, id: nil, appliedHash: "h"))
        }
        let executor = ApplyExecutor(store: store, performer: performer, guildID: guild, maxConcurrency: 8)
        let results = try await executor.run(Plan(guildID: guild, changes: changes), runID: "r3")
        let names = await performer.operations().compactMap { op -> String? in
            if case .createChannel(let new) = op { return new.name } else { return nil }
        }
        #expect(names == ["c0", "c1", "c2", "c3", "c4", "c5"])
        #expect(await performer.concurrency() == 1, "one bucket, one request at a time")
        #expect(results.map(\.status) == [.done, .done, .failed, .done, .done, .done])
    }

    @Test func aRejectedTokenStopsTheWholeApplyAndIsJournaled() async throws {
        let store = try SQLiteStateStore.inMemory()
        let performer = ScriptedPerformer(tokenRejected: ["team/role"])
        let executor = ApplyExecutor(store: store, performer: performer, guildID: guild, maxConcurrency: 1)
        await #expect(throws: RejectedToken.self) {
            _ = try await executor.run(samplePlan(), runID: "r4")
        }
        // The role went first (maxConcurrency 1); nothing was sent after the 401.
        #expect(await performer.operations().count == 1)
        let journal = try await store.journal(run: "r4")
        #expect(journal.first?.outcome?.status == .failed)
        #expect(journal.first?.outcome?.httpStatus == 401)
    }

    @Test func anEditedMessageRecordsWhenItWasEdited() async throws {
        let store = try SQLiteStateStore.inMemory()
        let edited = Date(timeIntervalSince1970: 1_796_000_000)
        let key: ResourceKey = "series/s/event/e/message/signup"
        let edit = Change(index: 0, action: .edit, kind: .message, key: key, name: "signup",
                          operation: .editMessage(channel: 7, message: 8, content: "closed", embeds: [], components: []),
                          ownership: .record(key: key, kind: .message, id: 8, appliedHash: "m"))
        let executor = ApplyExecutor(store: store, performer: ScriptedPerformer(), guildID: guild,
                                     now: { edited })
        let results = try await executor.run(Plan(guildID: guild, changes: [edit]), runID: "r5")
        #expect(results.map(\.status) == [.done])
        let messages = try await store.managedMessages(guild: guild)
        #expect(messages.map(\.updatedAt) == [edited], "the signup card's update frequency counts from the edit")
        #expect(messages.map(\.messageID) == [8])
    }
}
