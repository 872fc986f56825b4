import Foundation

/// Fingerprints clubs' configuration files every tick, cheaply: a `stat` per document, and
/// a content hash only for documents whose size or modification time moved since last seen.
/// Like `ConfigLoader`, a directory's documents are its top-level `.yaml`/`.yml` files; hidden
/// files and directories (such as `.simlane/`, where the state store lives) are skipped.
public struct ConfigWatcher: Sendable {
    private struct Stamp: Sendable {
        var modified: Date
        var size: Int
        var hash: String
    }

    private var stamps: [String: Stamp] = [:]

    public init() {}

    /// The fingerprint of the club's documents as they are on disk now.
    public mutating func fingerprint(of club: ClubSource) -> ConfigFingerprint {
        let files = Self.documents(of: club)
        var combined = FNV1a64()
        for file in files {
            combined.combine(file.relative)
            combined.combine([0])
            combined.combine(contentHash(file.absolute) ?? "missing")
            combined.combine([0])
        }
        return ConfigFingerprint(value: combined.hex, files: files.count)
    }

    private mutating func contentHash(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            stamps[path] = nil
            return nil
        }
        let modified = attributes[.modificationDate] as? Date ?? .distantPast
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        if let stamp = stamps[path], stamp.modified == modified, stamp.size == size {
            return stamp.hash
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hash = FNV1a64()
        hash.combine(data)
        stamps[path] = Stamp(modified: modified, size: size, hash: hash.hex)
        return hash.hex
    }

    /// The club's documents, sorted: the file itself, or the directory's top-level YAML files.
    static func documents(of club: ClubSource) -> [(relative: String, absolute: String)] {
        guard club.isDirectory else {
            return [(URL(fileURLWithPath: club.path).lastPathComponent, club.path)]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: club.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && ClubSource.isDocument($0) }.sorted()
            .map { ($0, URL(fileURLWithPath: club.path).appendingPathComponent($0).path) }
    }
}
