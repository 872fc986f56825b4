import Foundation

/// One club the daemon reconciles: its id (the directory or file name) and where its
/// configuration lives. `run --config PATH` turns PATH into one or more of these.
public struct ClubSource: Hashable, Sendable, Codable, Comparable {
    /// A short stable name for logs and the status file: the club's directory name.
    public var id: String
    /// Absolute path of the club's settings file or configuration directory.
    public var path: String

    public init(id: String, path: String) {
        self.id = id
        self.path = path
    }

    /// Whether `path` is a directory of documents rather than a single file.
    public var isDirectory: Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public static func < (lhs: ClubSource, rhs: ClubSource) -> Bool { lhs.id < rhs.id }

    /// The clubs at `path`: a file is one club; a directory that holds YAML documents itself
    /// is one club; otherwise every sub-directory holding YAML documents is a club.
    public static func discover(at path: String) throws(ClubDiscoveryError) -> [ClubSource] {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
            throw .notFound(path)
        }
        if !isDir.boolValue {
            let parent = url.deletingLastPathComponent().lastPathComponent
            let stem = url.deletingPathExtension().lastPathComponent
            let id = ["simlane", "settings", "club"].contains(stem) ? parent : stem
            return [ClubSource(id: id, path: url.path)]
        }
        if containsDocuments(url) {
            return [ClubSource(id: url.lastPathComponent, path: url.path)]
        }
        let children = (try? fm.contentsOfDirectory(
            at: url, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]
        )) ?? []
        let clubs = children
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .filter(containsDocuments)
            .map { ClubSource(id: $0.lastPathComponent, path: $0.standardizedFileURL.path) }
            .sorted()
        guard !clubs.isEmpty else { throw .noClubs(path) }
        return clubs
    }

    /// Whether a file name is a configuration document (YAML or JSON).
    static func isDocument(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    private static func containsDocuments(_ directory: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.contains { !$0.hasPrefix(".") && isDocument($0) }
    }
}

/// Why `--config PATH` names no club, with what to do about it.
public enum ClubDiscoveryError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(String)
    case noClubs(String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): no such file or directory; pass a club's simlane.yaml, its directory, or a directory of club directories"
        case .noClubs(let path):
            "\(path): no club configuration found; expected YAML documents in it or in its sub-directories (one per club)"
        }
    }
}
