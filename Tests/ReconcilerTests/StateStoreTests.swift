import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

@Suite struct StateStoreTests {
    let guild: Snowflake = 111
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func tempPath() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("simlane-state-\(UUID().uuidString)")
            .appendingPathComponent(".simlane/state.sqlite").path
    }

    @Test func fileIsPrivateAndMigratedOnce() throws {
        let path = tempPath()
        _ = try SQLiteStateStore(path: path)
        let reopened = try SQLiteStateStore(path: path)
        #expect(reopened.path == path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func outcomeWritesOwnershipAndAuditInOneGo() async throws {
        let path = tempPath()
        let store = try SQLiteStateStore(path: path)
        try await store.beginRun(RunRecord(id: "run-1", guildID: guild, startedAt: t0, planned: 2))
        let intent = JournalIntent(
            runID: "run-1", guildID: guild, index: 0, key: "series/gt3/signup", action: "create",
            kind: .text, summary: "+ text channel #signup", method: "POST",
            route: "/guilds/111/channels", name: "signup", parentID: 5, channelType: 0,
            recordedAt: t0)
        let entry = try await store.recordIntent(intent)
        #expect(try await store.pendingIntents(guild: guild).map(\.id) == [entry])

        try await store.recordOutcome(
            entry: entry,
            JournalOutcome(status: .ok, httpStatus: 201, resourceID: 999, finishedAt: t0),
            effects: [.own("series/gt3/signup", OwnershipEntry(id: 999, kind: .text, appliedHash: "h1"))])

        // A second process sees the same state.
        let other = try SQLiteStateStore(path: path)
        let ownership = try await other.ownership(guild: guild)
        #expect(ownership["series/gt3/signup"] == OwnershipEntry(id: 999, kind: .text, appliedHash: "h1"))
        #expect(try await other.pendingIntents(guild: guild).isEmpty)
        let journal = try await other.journal(run: "run-1")
        #expect(journal.count == 1)
        #expect(journal[0].intent == intent)
        #expect(journal[0].outcome?.status == .ok)
        #expect(journal[0].outcome?.resourceID == 999)
        let audit = try await other.audit(guild: guild, limit: 10)
        #expect(audit.map(\.summary) == ["+ text channel #signup"])
        #expect(audit.first?.httpStatus == 201)
        // WAL mode: the -wal file exists and is as private as the database.
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.posixPermissions] as? Int
        #expect(wal == 0o600)
    }

    @Test func pendingIntentsAreResolvedOnce() async throws {
        let store = try SQLiteStateStore.inMemory()
        let ids = try await (0..<3).asyncMap { index in
            try await store.recordIntent(JournalIntent(
                runID: "r", guildID: guild, index: index, key: ResourceKey("k\(index)"),
                action: "create", summary: "s", method: "POST", route: "/x", recordedAt: t0))
        }
        try await store.recordOutcome(entry: ids[1], JournalOutcome(status: .failed, httpStatus: 403, discordCode: 50013, finishedAt: t0), effects: [])
        #expect(try await store.pendingIntents(guild: guild).map(\.id) == [ids[0], ids[2]])
        try await store.resolvePending([ids[0], ids[2]], note: "adopted", at: t0)
        #expect(try await store.pendingIntents(guild: guild).isEmpty)
        let statuses = try await store.journal(run: "r").map { $0.outcome?.status }
        #expect(statuses == [.unknown, .failed, .unknown])
    }

    @Test func messagesAlertsRunsAndDisown() async throws {
        let store = try SQLiteStateStore.inMemory()
        try await store.apply([
            .own("m", OwnershipEntry(id: 7, kind: .message)),
            .message(ManagedMessage(key: "m", channelID: 3, messageID: 7, contentHash: "c", pinned: true, updatedAt: t0)),
            .own("r", OwnershipEntry(id: 8, kind: .role)),
        ], guild: guild)
        #expect(try await store.managedMessages(guild: guild).map(\.messageID) == [7])
        try await store.apply([.disown("m")], guild: guild)
        #expect(try await store.managedMessages(guild: guild).isEmpty)
        #expect(try await store.ownership(guild: guild).entries.keys.sorted() == ["r"])
        // Another guild's state is separate.
        #expect(try await store.ownership(guild: 222).entries.isEmpty)

        // An announcement's revision is recorded once; a new revision replaces it.
        let first = SentAlert(key: "stint/1", sentAt: t0, messageID: 9, revision: "a")
        try await store.apply([.announced(first)], guild: guild)
        try await store.apply([.announced(SentAlert(key: "stint/1", sentAt: t0.addingTimeInterval(5), revision: "a"))], guild: guild)
        #expect(try await store.sentAlerts(guild: guild) == [first])
        let skipped = SentAlert(key: "stint/1", sentAt: t0.addingTimeInterval(9), revision: "b", outcome: .skipped, reason: "late")
        try await store.apply([.announced(skipped)], guild: guild)
        #expect(try await store.sentAlerts(guild: guild) == [skipped])

        var run = RunRecord(id: "a", guildID: guild, startedAt: t0)
        try await store.beginRun(run)
        run.status = .succeeded
        run.applied = 4
        run.finishedAt = t0.addingTimeInterval(3)
        try await store.finishRun(run)
        #expect(try await store.runs(guild: guild, limit: 5) == [run])
    }

    @Test func defaultPathSitsBesideTheConfig() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("club-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("simlane.yaml")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data())
        let expected = dir.appendingPathComponent(".simlane/state.sqlite").standardizedFileURL.path
        #expect(StatePath.stateFile(config: dir.path, override: nil) == expected)
        #expect(StatePath.stateFile(config: file.path, override: nil) == expected)
        #expect(StatePath.stateFile(config: file.path, override: "/tmp/x.sqlite") == "/tmp/x.sqlite")
        #expect(StatePath.sandboxFile(stateFile: expected).hasSuffix(".simlane/sandbox.json"))
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
