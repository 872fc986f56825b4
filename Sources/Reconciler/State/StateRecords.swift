import DiscordTypes
import Foundation
import Planner
import Spec

/// What the journal knows about one change before its request goes out: enough to find the
/// resource again if the process dies before the answer is recorded (kind, name, parent).
public struct JournalIntent: Hashable, Sendable, Codable {
    public var runID: String
    public var guildID: Snowflake
    /// Position of the change in its plan.
    public var index: Int
    public var key: ResourceKey
    /// The plan action (`create`, `update`, `delete`, `adopt`, `grant`, …).
    public var action: String
    public var kind: ResourceKind?
    /// One line for people: `create text channel #spa-6h-signup`.
    public var summary: String
    /// The request about to be sent, without secrets (`POST /guilds/{g}/channels`).
    public var method: String
    public var route: String
    /// For creates: what the new resource will be called, where, and its Discord type, so a
    /// lost answer can be recovered by looking for exactly that in the next snapshot.
    public var name: String?
    public var parentID: Snowflake?
    public var channelType: Int?
    /// For an announcement: the revision to record as sent if a lost answer is recovered.
    public var revision: String?
    public var recordedAt: Date

    public init(
        runID: String, guildID: Snowflake, index: Int, key: ResourceKey, action: String,
        kind: ResourceKind? = nil, summary: String, method: String, route: String,
        name: String? = nil, parentID: Snowflake? = nil, channelType: Int? = nil,
        revision: String? = nil, recordedAt: Date
    ) {
        self.revision = revision
        self.runID = runID
        self.guildID = guildID
        self.index = index
        self.key = key
        self.action = action
        self.kind = kind
        self.summary = summary
        self.method = method
        self.route = route
        self.name = name
        self.parentID = parentID
        self.channelType = channelType
        self.recordedAt = recordedAt
    }
}

/// How a journalled change ended.
public enum JournalStatus: String, Hashable, Sendable, Codable {
    /// Discord confirmed it.
    case ok
    /// Discord refused it (or it could not be sent); nothing changed.
    case failed
    /// The process died (or the connection broke) before the answer was recorded: the
    /// change may or may not have happened. The next run's snapshot tells.
    case unknown
    /// Not attempted because a change it depends on failed.
    case skipped
}

/// The outcome of one journalled change, with Discord's answer.
public struct JournalOutcome: Hashable, Sendable, Codable {
    public var status: JournalStatus
    public var httpStatus: Int?
    public var discordCode: Int?
    /// Discord's message, or why the change was skipped or failed.
    public var answer: String?
    /// The id of the resource created or touched, when known.
    public var resourceID: Snowflake?
    public var finishedAt: Date

    public init(
        status: JournalStatus, httpStatus: Int? = nil, discordCode: Int? = nil,
        answer: String? = nil, resourceID: Snowflake? = nil, finishedAt: Date
    ) {
        self.status = status
        self.httpStatus = httpStatus
        self.discordCode = discordCode
        self.answer = answer
        self.resourceID = resourceID
        self.finishedAt = finishedAt
    }
}

/// One row of the apply journal: the intent, and the outcome once known (nil while the
/// request is in flight, or forever if the process died).
public struct JournalEntry: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var intent: JournalIntent
    public var outcome: JournalOutcome?
}

/// A state change that must land in the same transaction as a journal outcome, so that a
/// crash can never leave "Discord made it" recorded without "we own it" (or vice versa).
public enum StateEffect: Hashable, Sendable {
    /// We now manage `key` (created or adopted), or its applied hash changed.
    case own(ResourceKey, OwnershipEntry)
    /// We no longer manage `key` (deleted, or let go).
    case disown(ResourceKey)
    /// A message we post and keep in sync.
    case message(ManagedMessage)
    case forgetMessage(ResourceKey)
    /// An announcement was sent or skipped at a revision (a repeat of the same revision
    /// keeps the first record).
    case announced(SentAlert)
}

/// A message the reconciler posted and keeps up to date (signup card, stint alert). The
/// channel id is what lets the snapshot fetch it with one GET.
public struct ManagedMessage: Hashable, Sendable, Codable {
    public var key: ResourceKey
    public var channelID: Snowflake
    public var messageID: Snowflake
    public var contentHash: String?
    public var pinned: Bool
    public var updatedAt: Date

    public init(
        key: ResourceKey, channelID: Snowflake, messageID: Snowflake, contentHash: String? = nil,
        pinned: Bool = false, updatedAt: Date
    ) {
        self.key = key
        self.channelID = channelID
        self.messageID = messageID
        self.contentHash = contentHash
        self.pinned = pinned
        self.updatedAt = updatedAt
    }
}

/// An announcement handled once (`sent_alerts`): sent (with its message id) or skipped
/// (with the reason), at one revision. The same revision is never announced again.
public struct SentAlert: Hashable, Sendable, Codable {
    /// What became of it.
    public enum Outcome: String, Hashable, Sendable, Codable {
        case sent, skipped
    }

    public var key: String
    public var sentAt: Date
    public var messageID: Snowflake?
    /// The announcement's revision (`Announcement.revision`); nil in rows of older versions.
    public var revision: String?
    public var outcome: Outcome
    /// Why it was skipped.
    public var reason: String?

    public init(key: String, sentAt: Date, messageID: Snowflake? = nil, revision: String? = nil,
                outcome: Outcome = .sent, reason: String? = nil) {
        self.key = key
        self.sentAt = sentAt
        self.messageID = messageID
        self.revision = revision
        self.outcome = outcome
        self.reason = reason
    }
}

/// One line of the audit trail: when, what, which run, and what Discord answered.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var at: Date
    public var runID: String
    public var guildID: Snowflake
    public var key: ResourceKey
    public var action: String
    public var summary: String
    public var status: JournalStatus
    public var httpStatus: Int?
    public var discordCode: Int?
    public var answer: String?
}

/// How a run ended.
public enum RunStatus: String, Hashable, Sendable, Codable {
    case running, succeeded, failed, interrupted
}

/// One plan/apply run.
public struct RunRecord: Hashable, Sendable, Codable {
    public var id: String
    public var guildID: Snowflake
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: RunStatus
    public var planned: Int
    public var applied: Int
    public var failed: Int
    public var skipped: Int
    /// What started it: `apply`, `run`, …
    public var trigger: String

    public init(
        id: String, guildID: Snowflake, startedAt: Date, finishedAt: Date? = nil,
        status: RunStatus = .running, planned: Int = 0, applied: Int = 0, failed: Int = 0,
        skipped: Int = 0, trigger: String = "apply"
    ) {
        self.id = id
        self.guildID = guildID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.planned = planned
        self.applied = applied
        self.failed = failed
        self.skipped = skipped
        self.trigger = trigger
    }
}
