import DiscordTypes
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import Planner
import Spec

/// The `StateStore` in SQLite through GRDB: a WAL database file created with mode 0600
/// (SQLite gives its -wal and -shm files the same mode), migrated on open. `inMemory()`
/// gives the same store without a file, for tests.
public final class SQLiteStateStore: StateStore {
    let writer: any DatabaseWriter
    /// Where the database lives (nil in memory).
    public let path: String?

    /// Opens (creating if needed) the store at `path`, its directory included. Only a file
    /// this call creates gets mode 0600 (its directory 0700); an existing path is checked
    /// (a regular file we can read and write), never chmodded.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let fm = FileManager.default
        if let why = Self.existingFileProblem(path) {
            throw StateStoreError.unusable(path, why)
        }
        if !fm.fileExists(atPath: path) {
            do {
                try fm.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw StateStoreError.unusable(path, "cannot create its directory: \(FileProblem.describe(error))")
            }
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { throw StateStoreError.cannotCreate(path, FileProblem.describe(errno: errno)) }
            close(fd)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try StateMigrations.migrator.migrate(pool)
            self.writer = pool
        } catch {
            throw StateStoreError.cannotOpen(path, Self.describe(error))
        }
        self.path = path
    }

    /// Why an existing `path` cannot be a state store (nil if it does not exist or can).
    public static func existingFileProblem(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT ? nil : FileProblem.describe(errno: errno)
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0 else { return FileProblem.describe(errno: errno) }
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return info.st_mode & S_IFMT == S_IFDIR ? "it is a directory, not a state file" : "it is not a regular file"
        }
        guard access(path, R_OK | W_OK) == 0 else { return FileProblem.describe(errno: errno) }
        return nil
    }

    private static func describe(_ error: any Error) -> String {
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_NOTADB: return "it is not a SQLite database"
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return "permission denied or unwritable"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "it is locked by another process"
            default: return db.message ?? "\(db.resultCode)"
            }
        }
        return FileProblem.describe(error)
    }

    private init(writer: any DatabaseWriter) throws {
        try StateMigrations.migrator.migrate(writer)
        self.writer = writer
        self.path = nil
    }

    /// A store that lives in memory only (tests, previews).
    public static func inMemory() throws -> SQLiteStateStore {
        try SQLiteStateStore(writer: DatabaseQueue())
    }

    // MARK: Ownership

    public func ownership(guild: Snowflake) async throws -> Ownership {
        try await writer.read { db in
            var result = Ownership()
            let rows = try Row.fetchAll(
                db, sql: "SELECT key, discord_id, kind, applied_hash FROM ownership WHERE guild_id = ?",
                arguments: [guild.description])
            for row in rows {
                guard let id = Snowflake(string: row["discord_id"]),
                      let kind = ResourceKind(rawValue: row["kind"]) else { continue }
                result[ResourceKey(row["key"] as String)] =
                    OwnershipEntry(id: id, kind: kind, appliedHash: row["applied_hash"])
            }
            return result
        }
    }

    public func apply(_ effects: [StateEffect], guild: Snowflake) async throws {
        try await writer.write { db in try Self.apply(effects, guild: guild, at: Date(), db) }
    }

    static func apply(_ effects: [StateEffect], guild: Snowflake, at: Date, _ db: Database) throws {
        for effect in effects {
            switch effect {
            case .own(let key, let entry):
                try db.execute(sql: """
                    INSERT INTO ownership (guild_id, key, discord_id, kind, applied_hash, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (guild_id, key) DO UPDATE SET discord_id = excluded.discord_id,
                        kind = excluded.kind, applied_hash = excluded.applied_hash,
                        updated_at = excluded.updated_at
                    """, arguments: [guild.description, key.rawValue, entry.id.description,
                                     entry.kind.rawValue, entry.appliedHash, at])
            case .disown(let key):
                try db.execute(sql: "DELETE FROM ownership WHERE guild_id = ? AND key = ?",
                               arguments: [guild.description, key.rawValue])
                try db.execute(sql: "DELETE FROM managed_messages WHERE guild_id = ? AND key = ?",
                               arguments: [guild.description, key.rawValue])
            case .message(let message):
                try db.execute(sql: """
                    INSERT INTO managed_messages
                        (guild_id, key, channel_id, message_id, content_hash, pinned, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (guild_id, key) DO UPDATE SET channel_id = excluded.channel_id,
                        message_id = excluded.message_id, content_hash = excluded.content_hash,
                        pinned = excluded.pinned, updated_at = excluded.updated_at
                    """, arguments: [guild.description, message.key.rawValue,
                                     message.channelID.description, message.messageID.description,
                                     message.contentHash, message.pinned, message.updatedAt])
            case .forgetMessage(let key):
                try db.execute(sql: "DELETE FROM managed_messages WHERE guild_id = ? AND key = ?",
                               arguments: [guild.description, key.rawValue])
            case .announced(let alert):
                try db.execute(sql: """
                    INSERT INTO sent_alerts (guild_id, key, sent_at, message_id, revision, outcome, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (guild_id, key) DO UPDATE SET sent_at = excluded.sent_at,
                        message_id = excluded.message_id, revision = excluded.revision,
                        outcome = excluded.outcome, reason = excluded.reason
                    WHERE excluded.revision IS NOT sent_alerts.revision
                    """, arguments: [guild.description, alert.key, alert.sentAt, alert.messageID?.description,
                                     alert.revision, alert.outcome.rawValue, alert.reason])
            }
        }
    }

    // MARK: Runs

    public func beginRun(_ run: RunRecord) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO runs (id, guild_id, started_at, finished_at, status, planned, applied,
                                  failed, skipped, trigger)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: Self.runArguments(run))
        }
    }

    public func finishRun(_ run: RunRecord) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO runs (id, guild_id, started_at, finished_at, status, planned,
                                             applied, failed, skipped, trigger)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: Self.runArguments(run))
        }
    }

    private static func runArguments(_ run: RunRecord) -> StatementArguments {
        [run.id, run.guildID.description, run.startedAt, run.finishedAt, run.status.rawValue,
         run.planned, run.applied, run.failed, run.skipped, run.trigger]
    }

    public func runs(guild: Snowflake, limit: Int) async throws -> [RunRecord] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM runs WHERE guild_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?
                """, arguments: [guild.description, limit]).map { row in
                RunRecord(
                    id: row["id"], guildID: Snowflake(string: row["guild_id"]) ?? guild,
                    startedAt: row["started_at"], finishedAt: row["finished_at"],
                    status: RunStatus(rawValue: row["status"]) ?? .interrupted,
                    planned: row["planned"], applied: row["applied"], failed: row["failed"],
                    skipped: row["skipped"], trigger: row["trigger"])
            }
        }
    }

    // MARK: Messages, alerts, audit

    public func managedMessages(guild: Snowflake) async throws -> [ManagedMessage] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM managed_messages WHERE guild_id = ? ORDER BY key",
                             arguments: [guild.description]).compactMap { row in
                guard let channel = Snowflake(string: row["channel_id"]),
                      let message = Snowflake(string: row["message_id"]) else { return nil }
                return ManagedMessage(
                    key: ResourceKey(row["key"] as String), channelID: channel, messageID: message,
                    contentHash: row["content_hash"], pinned: row["pinned"], updatedAt: row["updated_at"])
            }
        }
    }

    public func sentAlerts(guild: Snowflake) async throws -> [SentAlert] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sent_alerts WHERE guild_id = ? ORDER BY sent_at",
                             arguments: [guild.description]).map { row in
                SentAlert(key: row["key"], sentAt: row["sent_at"],
                          messageID: (row["message_id"] as String?).flatMap(Snowflake.init(string:)),
                          revision: row["revision"],
                          outcome: SentAlert.Outcome(rawValue: row["outcome"]) ?? .sent, reason: row["reason"])
            }
        }
    }

    public func audit(guild: Snowflake, limit: Int) async throws -> [AuditEntry] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM audit WHERE guild_id = ? ORDER BY id DESC LIMIT ?
                """, arguments: [guild.description, limit]).map { row in
                AuditEntry(
                    at: row["at"], runID: row["run_id"], guildID: guild,
                    key: ResourceKey(row["key"] as String), action: row["action"],
                    summary: row["summary"],
                    status: JournalStatus(rawValue: row["status"]) ?? .unknown,
                    httpStatus: row["http_status"], discordCode: row["discord_code"],
                    answer: row["answer"])
            }
        }
    }
}

/// Why the state store could not be used, with the path so the admin can fix it.
public enum StateStoreError: Error, CustomStringConvertible, Sendable {
    case cannotCreate(String, String)
    case cannotOpen(String, String)
    /// The path exists but cannot be a state store (a directory, FIFO, unreadable, …).
    case unusable(String, String)
    case unknownJournalEntry(Int64)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let why):
            "cannot create the state store at \(path): \(why); check that the directory is writable or pass --state PATH"
        case .unusable(let path, let why):
            "cannot use \(path) as the state store: \(why); pass --state PATH to a state file"
        case .cannotOpen(let path, let reason):
            "cannot open the state store at \(path) (\(reason)); is it a simlane state file?"
        case .unknownJournalEntry(let id):
            "journal entry \(id) does not exist"
        }
    }
}
