import DiscordTypes
import Foundation
import GRDB
import Planner
import Spec

/// The apply journal: intents before requests, outcomes (with their effects and an audit
/// line) after, and the pending intents an interrupted run left behind.
extension SQLiteStateStore {
    public func recordIntent(_ intent: JournalIntent) async throws -> Int64 {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO journal (run_id, guild_id, change_index, key, action, kind, summary,
                                     method, route, name, parent_id, channel_type, revision, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [intent.runID, intent.guildID.description, intent.index,
                                 intent.key.rawValue, intent.action, intent.kind?.rawValue,
                                 intent.summary, intent.method, intent.route, intent.name,
                                 intent.parentID?.description, intent.channelType,
                                 intent.revision, intent.recordedAt])
            return db.lastInsertedRowID
        }
    }

    public func recordOutcome(entry: Int64, _ outcome: JournalOutcome, effects: [StateEffect]) async throws {
        try await writer.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT * FROM journal WHERE id = ?", arguments: [entry])
            else { throw StateStoreError.unknownJournalEntry(entry) }
            let guild = Snowflake(string: row["guild_id"]) ?? 0
            try db.execute(sql: """
                UPDATE journal SET status = ?, http_status = ?, discord_code = ?, answer = ?,
                                   resource_id = ?, finished_at = ?
                WHERE id = ?
                """, arguments: [outcome.status.rawValue, outcome.httpStatus, outcome.discordCode,
                                 outcome.answer, outcome.resourceID?.description,
                                 outcome.finishedAt, entry])
            try Self.apply(effects, guild: guild, at: outcome.finishedAt, db)
            try db.execute(sql: """
                INSERT INTO audit (at, run_id, guild_id, key, action, summary, status,
                                   http_status, discord_code, answer)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [outcome.finishedAt, row["run_id"], row["guild_id"], row["key"],
                                 row["action"], row["summary"], outcome.status.rawValue,
                                 outcome.httpStatus, outcome.discordCode, outcome.answer])
        }
    }

    public func pendingIntents(guild: Snowflake) async throws -> [JournalEntry] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM journal WHERE guild_id = ? AND status IS NULL ORDER BY id
                """, arguments: [guild.description]).map(Self.entry)
        }
    }

    public func resolvePending(_ entries: [Int64], note: String, at: Date) async throws {
        guard !entries.isEmpty else { return }
        try await writer.write { db in
            for id in entries {
                try db.execute(sql: """
                    UPDATE journal SET status = ?, answer = ?, finished_at = ?
                    WHERE id = ? AND status IS NULL
                    """, arguments: [JournalStatus.unknown.rawValue, note, at, id])
            }
        }
    }

    public func journal(run: String) async throws -> [JournalEntry] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE run_id = ? ORDER BY id",
                             arguments: [run]).map(Self.entry)
        }
    }

    static func entry(_ row: Row) -> JournalEntry {
        let guild = Snowflake(string: row["guild_id"]) ?? 0
        let intent = JournalIntent(
            runID: row["run_id"], guildID: guild, index: row["change_index"],
            key: ResourceKey(row["key"] as String), action: row["action"],
            kind: (row["kind"] as String?).flatMap(ResourceKind.init(rawValue:)),
            summary: row["summary"], method: row["method"], route: row["route"],
            name: row["name"], parentID: (row["parent_id"] as String?).flatMap(Snowflake.init(string:)),
            channelType: row["channel_type"], revision: row["revision"], recordedAt: row["recorded_at"])
        var outcome: JournalOutcome?
        if let status = (row["status"] as String?).flatMap(JournalStatus.init(rawValue:)) {
            outcome = JournalOutcome(
                status: status, httpStatus: row["http_status"], discordCode: row["discord_code"],
                answer: row["answer"],
                resourceID: (row["resource_id"] as String?).flatMap(Snowflake.init(string:)),
                finishedAt: row["finished_at"] ?? intent.recordedAt)
        }
        return JournalEntry(id: row["id"], intent: intent, outcome: outcome)
    }

}
