import DiscordTypes
import Foundation
import GRDB
import MemberSync

/// One recorded member sync run (the seed's DiscordMemberSync): when, why, the counts, and
/// the per-person detail as JSON.
public struct MemberSyncRun: Hashable, Sendable, Codable {
    public var id: Int64?
    public var at: Date
    public var trigger: SyncTrigger
    public var counts: SyncCounts
    /// The outcomes, JSON-encoded (`[SyncOutcome]`).
    public var detail: String

    public init(id: Int64? = nil, at: Date, trigger: SyncTrigger, counts: SyncCounts, detail: String) {
        self.id = id
        self.at = at
        self.trigger = trigger
        self.counts = counts
        self.detail = detail
    }
}

extension SQLiteStateStore {
    /// The club member roster of `guild`, active first, by account id.
    public func roster(guild: Snowflake) async throws -> [RosterRecord] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM club_members WHERE guild_id = ? ORDER BY status, account_id",
                             arguments: [guild.description]).compactMap { row in
                guard let user = Snowflake(string: row["discord_user_id"]),
                      let status = RosterRecord.Status(rawValue: row["status"]),
                      let via = SyncTrigger(rawValue: row["via"]) else { return nil }
                return RosterRecord(accountID: row["account_id"], discordUserID: user, displayName: row["display_name"],
                                    status: status, since: row["since"], via: via, leftAt: row["left_at"])
            }
        }
    }

    /// Records a sync: the run and the new roster (records no longer in it are forgotten),
    /// in one transaction, so a crash leaves the previous roster or the new one, never half.
    /// A nil roster (a failed sync) records the run and leaves the roster as it was.
    public func recordSync(_ run: MemberSyncRun, roster: [RosterRecord]?, guild: Snowflake) async throws {
        try await writer.write { db in
            if let roster {
                try db.execute(sql: "DELETE FROM club_members WHERE guild_id = ?", arguments: [guild.description])
            }
            for record in roster ?? [] {
                try db.execute(sql: """
                    INSERT INTO club_members (guild_id, account_id, discord_user_id, display_name, status, since, via, left_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [guild.description, record.accountID, record.discordUserID.description,
                                     record.displayName, record.status.rawValue, record.since, record.via.rawValue,
                                     record.leftAt])
            }
            let c = run.counts
            try db.execute(sql: """
                INSERT INTO member_syncs (guild_id, at, trigger, matched, created, deactivated, reactivated, unlinked, conflicts, errors, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [guild.description, run.at, run.trigger.rawValue, c.matched, c.created, c.deactivated,
                                 c.reactivated, c.unlinked, c.conflicts, c.errors, run.detail])
        }
    }

    /// The most recent sync runs of `guild`, newest first.
    public func memberSyncs(guild: Snowflake, limit: Int) async throws -> [MemberSyncRun] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM member_syncs WHERE guild_id = ? ORDER BY at DESC, id DESC LIMIT ?",
                             arguments: [guild.description, limit]).map { row in
                var counts = SyncCounts()
                counts.matched = row["matched"]
                counts.created = row["created"]
                counts.deactivated = row["deactivated"]
                counts.reactivated = row["reactivated"]
                counts.unlinked = row["unlinked"]
                counts.conflicts = row["conflicts"]
                counts.errors = row["errors"]
                return MemberSyncRun(id: row["id"], at: row["at"], trigger: SyncTrigger(rawValue: row["trigger"]) ?? .manual,
                                     counts: counts, detail: row["detail"])
            }
        }
    }
}
