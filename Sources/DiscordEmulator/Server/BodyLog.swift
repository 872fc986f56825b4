import DiscordTypes
import Foundation

/// Appends every JSON request body to `$SIMLANE_BODY_LOG_DIR/bodies-<pid>.jsonl` as
/// `{"method":…,"path":"/api/v10/…","body":{…}}`, for the OpenAPI check in `scripts/test`.
/// One process-wide lock keeps lines whole when several emulators run in one process.
public enum BodyLog {
    private static let lock = NSLock()

    /// `$SIMLANE_BODY_LOG_DIR`, or nil when unset.
    public static var environmentDirectory: URL? {
        guard let dir = ProcessInfo.processInfo.environment["SIMLANE_BODY_LOG_DIR"], !dir.isEmpty else { return nil }
        return URL(fileURLWithPath: dir)
    }

    /// The log file for this process in `directory`.
    static func fileURL(in directory: URL) -> URL {
        directory.appendingPathComponent("bodies-\(ProcessInfo.processInfo.processIdentifier).jsonl")
    }

    static func append(method: String, path: String, body: JSONValue, directory: URL?) {
        guard let directory else { return }
        let url = fileURL(in: directory)
        let line: JSONValue = .object(["method": .string(method), "path": .string(path), "body": body])
        guard var data = try? DiscordJSON.encoder().encode(line) else { return }
        data.append(0x0A)
        lock.withLock {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: url.path) {
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            }
            guard let handle = try? FileHandle(forWritingTo: url) else { return }
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: data)
        }
    }
}
