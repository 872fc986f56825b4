import DiscordTypes
import Foundation
import MemberSync
import Planner
import Spec

/// Where the reconciler remembers what it manages and what it did: ownership (key -> id and
/// applied hash), the apply journal, managed messages, announcements sent or skipped, runs
/// and the audit trail.
///
/// The protocol is what the executor, the CLI and the daemon code against; `SQLiteStateStore`
/// is the implementation (on disk, or in memory for tests). Every method is a transaction.
///
/// **Journal protocol** (what makes a kill -9 harmless):
/// 1. `recordIntent` before a request goes out (kind, name, parent for creates).
/// 2. `recordOutcome` after the answer, *with* its `StateEffect`s (ownership, messages) in the
///    same transaction.
/// 3. On the next run, `pendingIntents` are the changes whose answer was lost. Creates among
///    them are looked up in the fresh snapshot and adopted (see `CrashRecovery`); then
///    `resolvePending` marks them `unknown` so they are handled once.
public protocol StateStore: Sendable {
    /// The club member roster member sync keeps (active first).
    func roster(guild: Snowflake) async throws -> [RosterRecord]
    /// Everything we manage in `guild`.
    func ownership(guild: Snowflake) async throws -> Ownership
    /// Applies effects outside a journalled change (adoption during crash recovery, tests).
    func apply(_ effects: [StateEffect], guild: Snowflake) async throws

    func beginRun(_ run: RunRecord) async throws
    func finishRun(_ run: RunRecord) async throws
    /// The most recent runs, newest first.
    func runs(guild: Snowflake, limit: Int) async throws -> [RunRecord]

    /// Journals a change before its request; returns the entry id for `recordOutcome`.
    func recordIntent(_ intent: JournalIntent) async throws -> Int64
    /// Journals a change's outcome, applies its effects and appends to the audit trail,
    /// all in one transaction.
    func recordOutcome(entry: Int64, _ outcome: JournalOutcome, effects: [StateEffect]) async throws
    /// Intents of earlier runs in `guild` that never got an outcome.
    func pendingIntents(guild: Snowflake) async throws -> [JournalEntry]
    /// Closes pending intents (as `unknown`, with a note on how they were settled).
    func resolvePending(_ entries: [Int64], note: String, at: Date) async throws
    /// The journal of one run, in order.
    func journal(run: String) async throws -> [JournalEntry]

    func managedMessages(guild: Snowflake) async throws -> [ManagedMessage]
    /// Every announcement handled (sent or skipped; written by `StateEffect.announced`).
    func sentAlerts(guild: Snowflake) async throws -> [SentAlert]
    /// The audit trail, newest first.
    func audit(guild: Snowflake, limit: Int) async throws -> [AuditEntry]
}
