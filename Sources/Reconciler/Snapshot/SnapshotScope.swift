import DiscordTypes
import Planner
import Spec

/// What a snapshot must read beyond the guild-wide lists, worked out from the desired layout
/// and ownership, so reads are bounded by channels and by what the plan can change, not by
/// the number of managed resources (see docs/architecture.md, "What a plan reads").
///
/// - Owned threads missing from the active-thread list are found by listing each parent
///   channel's archived threads (paged), not by one GET per thread. Threads the layout wants
///   archived are in that listing too (same requests): Discord may have archived them
///   unlocked, and the planner locks them at archival.
/// - Thread members are read only for threads the layout wants active (the planner changes
///   no other thread's membership).
/// - Managed messages are read one request per channel (the oldest message onwards); never
///   in threads the layout wants archived (the planner leaves those messages alone).
public struct SnapshotScope: Sendable, Hashable {
    /// Parent channel of owned threads that may need a lookup when not active.
    public var threadParents: [Snowflake: Snowflake]
    /// Owned threads the layout wants archived: looked up only through their parent's
    /// archived listing; no members, no messages.
    public var settledThreads: Set<Snowflake>
    /// Owned threads whose members the plan may change; nil reads every owned thread's.
    public var memberThreads: Set<Snowflake>?
    /// Members of threads still known from an earlier read (`ReadCache`): not read again.
    public var knownThreadMembers: [Snowflake: [Snowflake]] = [:]
    /// Messages of channels still known from an earlier read (`ReadCache`): not read again.
    public var knownMessages: [Snowflake: [Message]] = [:]
    /// Read the guild's scheduled events: the layout has some (`scheduled_events: true`).
    /// Owned ones are read in any case, so events are stopped when the setting goes off.
    public var scheduledEvents = false

    /// Reads everything owned (what a reader without a layout must do).
    public static let everything = SnapshotScope(threadParents: [:], settledThreads: [], memberThreads: nil)

    public init(threadParents: [Snowflake: Snowflake], settledThreads: Set<Snowflake>, memberThreads: Set<Snowflake>?) {
        self.threadParents = threadParents
        self.settledThreads = settledThreads
        self.memberThreads = memberThreads
    }

    /// The scope for planning `desired` against what `ownership` says we own.
    public init(desired: DesiredGuild, ownership: Ownership) {
        var parents: [Snowflake: Snowflake] = [:]
        var settled: Set<Snowflake> = []
        var members: Set<Snowflake> = []
        for thread in desired.threads {
            guard let id = ownership[thread.key]?.id else { continue }
            if let parent = ownership[thread.parent]?.id { parents[id] = parent }
            if thread.archived {
                settled.insert(id)
            } else {
                members.insert(id)
            }
        }
        self.init(threadParents: parents, settledThreads: settled, memberThreads: members)
        scheduledEvents = !desired.scheduledEvents.isEmpty
    }

    /// Whether a snapshot must carry the guild's scheduled events: the layout has some, or
    /// the state store owns some (so they are stopped when the setting goes off).
    public func readsScheduledEvents(_ ownership: Ownership) -> Bool {
        scheduledEvents || ownership.entries.values.contains { $0.kind == .scheduledEvent }
    }
}
