import DiscordTypes
import Foundation
import Planner
import Spec

/// Settles the journal entries an earlier run left without an outcome (the process died
/// between intent and answer), using a fresh snapshot.
///
/// A create whose answer was lost either happened or not. If it happened, the snapshot holds
/// an unowned resource with exactly the journalled kind, name and parent, created after the
/// intent was written: that resource is adopted under the change's key, so the planner
/// updates it instead of creating a duplicate. If nothing matches, the create never reached
/// Discord and the planner simply plans it again. A lost announcement found is recorded as
/// sent, never owned. Every other action is idempotent (the
/// planner recomputes it from the snapshot), so it is only marked settled.
public struct CrashRecovery: Sendable {
    /// Clock skew tolerated between our journal timestamps and Discord's snowflakes.
    public var skew: TimeInterval

    public init(skew: TimeInterval = 120) { self.skew = skew }

    /// What to do about the pending entries: adoptions, and how each entry was settled.
    public struct Resolution: Hashable, Sendable {
        public var effects: [StateEffect]
        /// Entry id -> note for the journal (`adopted 1234 after a lost answer`).
        public var notes: [Int64: String]
        public var adopted: [ResourceKey: Snowflake]
    }

    /// - Parameter recentMessages: for pending message posts, the channel's messages since
    ///   the intent (channel id -> messages), fetched by the caller.
    public func resolve(
        pending: [JournalEntry], snapshot: GuildSnapshot, ownership: Ownership,
        recentMessages: [Snowflake: [Message]] = [:]
    ) -> Resolution {
        var owned = Set(ownership.entries.values.map(\.id))
        var ownedKeys = Set(ownership.entries.keys)
        var resolution = Resolution(effects: [], notes: [:], adopted: [:])
        for entry in pending {
            let intent = entry.intent
            guard Self.isCreate(intent.action), !ownedKeys.contains(intent.key),
                  let kind = intent.kind, let name = intent.name
            else {
                resolution.notes[entry.id] = "answer lost; re-planned from the next snapshot"
                continue
            }
            let since = intent.recordedAt.addingTimeInterval(-skew)
            let candidates = kind == .message || kind == .announcement
                ? (recentMessages[intent.parentID ?? 0] ?? [])
                    .filter { $0.author?.id == snapshot.botUserID && $0.content == name }.map(\.id)
                : Self.candidates(kind: kind, name: name, parent: intent.parentID,
                                  channelType: intent.channelType, in: snapshot)
                .filter { !owned.contains($0) && $0.timestamp >= since }
                .sorted()
            if kind == .announcement {
                // Sent or not, never owned: found, it is recorded as sent; not found, the
                // next plan sends it if its window is still open.
                if let id = candidates.first {
                    resolution.effects.append(.announced(SentAlert(
                        key: intent.key.rawValue, sentAt: intent.recordedAt, messageID: id, revision: intent.revision)))
                    resolution.notes[entry.id] = "answer lost; found \(id) in the guild and recorded it as sent"
                } else {
                    resolution.notes[entry.id] = "answer lost; not in the guild, so it may be sent again in its window"
                }
                continue
            }
            if let id = candidates.first {
                owned.insert(id)
                ownedKeys.insert(intent.key)
                resolution.adopted[intent.key] = id
                resolution.effects.append(.own(intent.key, OwnershipEntry(id: id, kind: kind)))
                if kind == .message, let channel = intent.parentID {
                    resolution.effects.append(.message(ManagedMessage(
                        key: intent.key, channelID: channel, messageID: id, updatedAt: intent.recordedAt)))
                }
                resolution.notes[entry.id] = "answer lost; found \(id) in the guild and adopted it"
            } else {
                resolution.notes[entry.id] = "answer lost; not in the guild, so it is planned again"
            }
        }
        return resolution
    }

    static func isCreate(_ action: String) -> Bool {
        action == "create" || action == "post"
    }

    static func candidates(
        kind: ResourceKind, name: String, parent: Snowflake?, channelType: Int?,
        in snapshot: GuildSnapshot
    ) -> [Snowflake] {
        func sameName(_ other: String?) -> Bool {
            guard let other else { return false }
            return other == name || other.lowercased() == name.lowercased()
        }
        switch kind {
        case .role:
            return snapshot.roles.filter { !$0.managed && sameName($0.name) }.map(\.id)
        case .category, .text, .voice:
            let type = channelType.map(ChannelType.init(rawValue:)) ?? Self.channelType(kind)
            return snapshot.channels.filter {
                $0.type == type && sameName($0.name) && (kind == .category || $0.parentID == parent)
            }.map(\.id)
        case .thread:
            return snapshot.threads.filter {
                $0.type.isThread && sameName($0.name) && $0.parentID == parent
            }.map(\.id)
        case .scheduledEvent:
            return snapshot.scheduledEvents.filter {
                sameName($0.name) && $0.creatorID == snapshot.botUserID && !$0.status.isFinal
            }.map(\.id)
        case .message, .guild, .member, .announcement:
            return []
        }
    }

    static func channelType(_ kind: ResourceKind) -> ChannelType {
        switch kind {
        case .category: .guildCategory
        case .voice: .guildVoice
        default: .guildText
        }
    }
}
