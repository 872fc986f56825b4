import Discord
import DiscordTypes
import Foundation
import MemberSync
import Spec

/// Runs member sync against a guild: reads every member (1,000 a page, no per-member
/// request), judges them with `MemberMatcher`, and records the run and the new roster in the
/// state store, unless it is a dry run.
public struct MemberSyncer: Sendable {
    public let client: DiscordClient
    public let store: SQLiteStateStore

    public init(client: DiscordClient, store: SQLiteStateStore) {
        self.client = client
        self.store = store
    }

    /// What one sync found and (unless `dryRun`) recorded.
    public struct Report: Sendable, Codable {
        public var at: Date
        public var trigger: SyncTrigger
        public var dryRun: Bool
        public var counts: SyncCounts
        public var outcomes: [SyncOutcome]
        public var roster: [RosterRecord]
        /// The `!link` DMs this sync sent (`member_sync.dm_unlinked`); nil when off or a dry run.
        public var linkReminders: LinkReminder.Counts?
    }

    public func sync(_ config: ClubConfig, trigger: SyncTrigger, at now: Date, dryRun: Bool) async throws -> Report {
        let guild = config.settings.discord.guildID
        let members = try await client.allMembers(in: guild)
        let previous = try await store.roster(guild: guild)
        let result = MemberMatcher.sync(
            guildMembers: members, accounts: config.club.accounts, clubMembers: config.club.members,
            roster: previous, trigger: trigger, now: now, forgetLeftAfter: config.settings.memberSync.forgetLeftAfter)
        if !dryRun {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            let detail = String(decoding: try encoder.encode(result.outcomes.filter { $0.kind != .kept && $0.kind != .bot }),
                                as: UTF8.self)
            try await store.recordSync(MemberSyncRun(at: now, trigger: trigger, counts: result.counts, detail: detail),
                                       roster: result.roster, guild: guild)
        }
        var reminders: LinkReminder.Counts?
        if !dryRun, config.settings.memberSync.dmUnlinked {
            reminders = await LinkReminder(client: client, store: store).remind(result.outcomes, guild: guild, at: now)
        }
        return Report(at: now, trigger: trigger, dryRun: dryRun, counts: result.counts, outcomes: result.outcomes,
                      roster: result.roster, linkReminders: reminders)
    }

    /// Records a sync that failed (member pages unreadable: the intent switched off, an
    /// outage): the run with `errors` 1 and the error as detail; the roster is left as it was.
    public func recordFailure(_ config: ClubConfig, trigger: SyncTrigger, at now: Date, error: any Error) async throws {
        var counts = SyncCounts()
        counts.errors = 1
        let detail = String(decoding: try JSONEncoder().encode(["error": String(describing: error)]), as: UTF8.self)
        try await store.recordSync(MemberSyncRun(at: now, trigger: trigger, counts: counts, detail: detail),
                                   roster: nil, guild: config.settings.discord.guildID)
    }

    /// Whether the schedule (`member_sync.interval`) calls for a sync at `now`: the interval
    /// has passed since the last sync that succeeded (a failed one is retried at the next pass).
    public func isDue(_ config: ClubConfig, at now: Date) async throws -> Bool {
        guard let interval = config.settings.memberSync.interval else { return false }
        let runs = try await store.memberSyncs(guild: config.settings.discord.guildID, limit: 50)
        guard let last = runs.first(where: { $0.counts.errors == 0 }) else { return true }
        return now.timeIntervalSince(last.at) >= interval
    }
}
