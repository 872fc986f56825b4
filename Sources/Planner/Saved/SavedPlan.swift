import DiscordTypes
import Foundation
import Spec

/// A plan written to a file by `plan --out` and executed later by `apply FILE`. It carries
/// fingerprints of the snapshot and ownership it was computed from, so `apply` can refuse
/// it if the guild or the state store changed in between.
public struct SavedPlan: Hashable, Sendable, Codable {
    /// Bumped when the file format changes incompatibly.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var plan: Plan
    public var snapshotFingerprint: String
    public var ownershipFingerprint: String
    /// The instant the desired layout was compiled for (`--at`, or now).
    public var instant: Date
    /// The caller's hash of the configuration and club data the plan came from.
    public var configHash: String

    public init(plan: Plan, snapshot: GuildSnapshot, ownership: Ownership, instant: Date, configHash: String) {
        self.formatVersion = Self.currentFormatVersion
        self.plan = plan
        self.snapshotFingerprint = Fingerprint.of(snapshot)
        self.ownershipFingerprint = Fingerprint.of(ownership)
        self.instant = instant
        self.configHash = configHash
    }

    /// Why the plan no longer applies to this guild and state, or nil if it still does.
    public func staleness(against snapshot: GuildSnapshot, ownership: Ownership) -> String? {
        if snapshot.guildID != plan.guildID {
            return "the plan is for guild \(plan.guildID), not \(snapshot.guildID)"
        }
        if Fingerprint.of(ownership) != ownershipFingerprint {
            return "the state store changed since the plan was made (another apply ran?)"
        }
        if Fingerprint.of(snapshot) != snapshotFingerprint {
            return "the guild changed since the plan was made; run plan again"
        }
        return nil
    }

    /// True if the guild or the state store changed since the plan was made.
    public func isStale(against snapshot: GuildSnapshot, ownership: Ownership) -> Bool {
        staleness(against: snapshot, ownership: ownership) != nil
    }

    /// The file's bytes (JSON, sorted keys, ISO 8601 dates).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads a saved plan file's bytes; throws on a different format version.
    public static func decode(from data: Data) throws -> SavedPlan {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let saved = try decoder.decode(SavedPlan.self, from: data)
        guard saved.formatVersion == currentFormatVersion else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [], debugDescription:
                    "plan file format \(saved.formatVersion) is not \(currentFormatVersion); run plan again"))
        }
        return saved
    }
}
