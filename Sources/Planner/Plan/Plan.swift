import DiscordTypes
import Spec

/// The ordered, minimal set of changes that brings a guild to its desired layout, with its
/// request budget. Empty when the guild has converged.
public struct Plan: Hashable, Sendable, Codable {
    public var guildID: Snowflake
    /// In dependency order: roles, categories, channels (with their overwrites), positions,
    /// threads, thread members, member roles, messages; deletes last, children first.
    public var changes: [Change]
    /// What the plan deliberately leaves alone, and why.
    public var warnings: [PlanWarning]
    /// Owned keys that are neither desired nor live any more: the executor may drop them
    /// from the state store (no request).
    public var forgotten: [ResourceKey]
    /// Announcements past their window, recorded as skipped by apply (no request), with why.
    public var skippedAnnouncements: [SkippedAnnouncement] = []
    /// About how long applying takes under `PlanOptions.rateModel`, in seconds.
    public var estimatedSeconds: Double

    public init(
        guildID: Snowflake, changes: [Change] = [], warnings: [PlanWarning] = [],
        forgotten: [ResourceKey] = [], estimatedSeconds: Double = 0
    ) {
        self.guildID = guildID
        self.changes = changes
        self.warnings = warnings
        self.forgotten = forgotten
        self.estimatedSeconds = estimatedSeconds
    }

    /// True when nothing needs doing (`No changes.`): no change, no skip to record.
    public var isEmpty: Bool { changes.isEmpty && skippedAnnouncements.isEmpty }

    /// The announcements this plan handles once applied (posted or skipped), with their
    /// revisions: what `PlanOptions.announced` holds afterwards.
    public var handledAnnouncements: [ResourceKey: String] {
        var result: [ResourceKey: String] = [:]
        for change in changes { if case .announce(let key, let revision, _) = change.ownership { result[key] = revision } }
        for skipped in skippedAnnouncements { result[skipped.key] = skipped.revision }
        return result
    }

    /// Discord requests applying this plan takes (adopts cost none).
    public var requestCount: Int { changes.reduce(0) { $0 + $1.requestCount } }

    /// Counts per action and per summary total.
    public var summary: PlanSummary { PlanSummary(changes: changes, requests: requestCount, estimatedSeconds: estimatedSeconds) }
}
