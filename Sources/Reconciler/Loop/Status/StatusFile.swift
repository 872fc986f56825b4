import Foundation

/// The daemon's status file: JSON, replaced atomically (write a sibling, then rename) so a
/// reader never sees half a file.
public struct StatusFile: Sendable {
    public var path: String

    public init(path: String) { self.path = path }

    /// The default location for `--config PATH`: `.simlane/daemon-status.json` next to the
    /// configuration (inside it when PATH is a directory).
    public static func defaultPath(forConfig config: String) -> String {
        let url = URL(fileURLWithPath: config).standardizedFileURL
        var isDir: ObjCBool = false
        let base = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
            ? url : url.deletingLastPathComponent()
        return base.appendingPathComponent(".simlane/daemon-status.json").path
    }

    public func write(_ status: DaemonStatus) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try Self.encoder.encode(status)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(code)),
            ])
        }
    }

    public func read() throws -> DaemonStatus {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try Self.decoder.decode(DaemonStatus.self, from: data)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
