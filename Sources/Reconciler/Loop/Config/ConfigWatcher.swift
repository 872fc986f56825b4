import Foundation

/// Fingerprints clubs' configuration files every tick, cheaply: a `stat` per document, and
/// a content hash only for documents whose size or modification time moved since last seen.
/// Hidden files and directories (such as `.simlane/`, where the state store lives) are skipped.
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

    /// The club's documents, sorted: the file itself, or every YAML document under the
    /// directory (recursively, hidden entries skipped).
    static func documents(of club: ClubSource) -> [(relative: String, absolute: String)] {
        guard club.isDirectory else {
            return [(URL(fileURLWithPath: club.path).lastPathComponent, club.path)]
        }
        let root = URL(fileURLWithPath: club.path)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles]
        ) else { return [] }
        var found: [(String, String)] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where ClubSource.isDocument(url.lastPathComponent) {
            let absolute = url.standardizedFileURL.path
            let relative = absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
            found.append((relative, absolute))
        }
        return found.sorted { $0.0 < $1.0 }
    }
}
