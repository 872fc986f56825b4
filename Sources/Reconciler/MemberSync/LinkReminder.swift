import Discord
import DiscordTypes
import Foundation
import Logging
import MemberSync

/// Sends each unlinked member the `!link` text (`TextCommand.linkInstructions`) by DM, once
/// per person and guild (`member_sync.dm_unlinked`). The state store remembers who was
/// messaged; a user who refuses DMs (50007) is recorded as undeliverable and never tried
/// again. A failure never fails the sync: what was not recorded is tried at the next one.
public struct LinkReminder: Sendable {
    public let client: DiscordClient
    public let store: SQLiteStateStore
    public let logger: Logger

    public init(client: DiscordClient, store: SQLiteStateStore, logger: Logger = Logger(label: "simlane.link-reminder")) {
        self.client = client
        self.store = store
        self.logger = logger
    }

    /// What one round of reminders did.
    public struct Counts: Hashable, Sendable, Codable {
        public var sent = 0
        public var undeliverable = 0
        /// Not recorded (rate limits exhausted, Discord unavailable): tried at the next sync.
        public var failed = 0
        public init() {}
    }

    /// Messages every `unlinked` outcome not yet reminded in `guild`.
    public func remind(_ outcomes: [SyncOutcome], guild: Snowflake, at now: Date) async -> Counts {
        var counts = Counts()
        let done: [Snowflake: LinkReminderOutcome]
        do {
            done = try await store.linkReminders(guild: guild)
        } catch {
            logger.warning("link reminders skipped: state store unreadable", metadata: ["error": "\(error)"])
            counts.failed = outcomes.filter { $0.kind == .unlinked }.count
            return counts
        }
        for person in outcomes where person.kind == .unlinked && done[person.discordUserID] == nil {
            let outcome: LinkReminderOutcome
            do {
                _ = try await client.sendDirectMessage(to: person.discordUserID, content: TextCommand.linkInstructions)
                outcome = .sent
                counts.sent += 1
            } catch let error as DiscordError where error.code == DiscordEndpoint.cannotMessageUserCode {
                outcome = .undeliverable
                counts.undeliverable += 1
            } catch let error as DiscordError where error.kind == .outcomeUnknown {
                outcome = .unknown
                counts.failed += 1
            } catch {
                logger.warning("link reminder not sent; retried at the next sync",
                               metadata: ["user": "\(person.discordUserID)", "error": "\(error)"])
                counts.failed += 1
                continue
            }
            do {
                try await store.recordLinkReminder(guild: guild, user: person.discordUserID, outcome: outcome, at: now)
            } catch {
                logger.warning("link reminder not recorded", metadata: ["user": "\(person.discordUserID)", "error": "\(error)"])
            }
        }
        return counts
    }
}
