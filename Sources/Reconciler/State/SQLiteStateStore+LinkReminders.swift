import DiscordTypes
import Foundation
import GRDB

/// How a `!link` DM to an unlinked member ended (`link_reminders.outcome`).
public enum LinkReminderOutcome: String, Hashable, Sendable, Codable {
    /// Discord accepted the message.
    case sent
    /// Discord answered 50007 (DMs closed, no shared guild): never tried again.
    case undeliverable
    /// The request's outcome is unknown (timeout, 5xx): not re-sent, so nobody gets it twice.
    case unknown
}

extension SQLiteStateStore {
    /// The people of `guild` already sent (or refused) the `!link` DM.
    public func linkReminders(guild: Snowflake) async throws -> [Snowflake: LinkReminderOutcome] {
        try await writer.read { db in
            var result: [Snowflake: LinkReminderOutcome] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT discord_user_id, outcome FROM link_reminders WHERE guild_id = ?",
                                        arguments: [guild.description]) {
                if let user = Snowflake(string: row["discord_user_id"]),
                   let outcome = LinkReminderOutcome(rawValue: row["outcome"]) {
                    result[user] = outcome
                }
            }
            return result
        }
    }

    /// Records that `user` of `guild` was sent the `!link` DM (or could not be).
    public func recordLinkReminder(guild: Snowflake, user: Snowflake, outcome: LinkReminderOutcome, at: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO link_reminders (guild_id, discord_user_id, at, outcome) VALUES (?, ?, ?, ?)
                """, arguments: [guild.description, user.description, at, outcome.rawValue])
        }
    }
}
