import DiscordTypes
import Foundation

/// Appends every JSON request body to `$SIMLANE_BODY_LOG_DIR/bodies-<pid>.jsonl` as
/// `{"method":…,"path":"/api/v10/…","body":{…}}`, for the OpenAPI check in `scripts/test`.
/// One process-wide lock keeps lines whole when several emulators run in one process.
enum BodyLog {
    private static let lock = NSLock()

    /// The log file for this process, or nil when the variable is unset.
    static var fileURL: URL? {
        guard let dir = ProcessInfo.processInfo.environment["SIMLANE_BODY_LOG_DIR"], !dir.isEmpty else { return nil }
        return URL(fileURLWithPath: dir).appendingPathComponent("bodies-\(ProcessInfo.processInfo.processIdentifier).jsonl")
    }

    static func append(method: String, path: String, body: JSONValue) {
        guard let url = fileURL else { return }
        let line: JSONValue = .object(["method": .string(method), "path": .string(path), "body": body])
        guard var data = try? DiscordJSON.encoder().encode(line) else { return }
        data.append(0x0A)
        lock.withLock {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: url.path) {
                FileManager.default.createFile(atPath: url.path, contents: nil)
            }
            guard let handle = try? FileHandle(forWritingTo: url) else { return }
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: data)
        }
    }
}
