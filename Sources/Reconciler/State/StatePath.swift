import Foundation

/// Where a club's local files live: `.simlane/` beside the config (the config's directory
/// when `--config` names a file, the directory itself when it names one).
public enum StatePath {
    /// The `.simlane` directory for a config path.
    public static func directory(forConfig config: String) -> URL {
        let url = URL(fileURLWithPath: config).standardizedFileURL
        var isDirectory: ObjCBool = false
        let base = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            && isDirectory.boolValue ? url : url.deletingLastPathComponent()
        return base.appendingPathComponent(".simlane", isDirectory: true)
    }

    /// The state store path: `--state` if given, else `.simlane/state.sqlite` beside the config.
    public static func stateFile(config: String, override: String?) -> String {
        if let override, !override.isEmpty {
            return URL(fileURLWithPath: override).standardizedFileURL.path
        }
        return directory(forConfig: config).appendingPathComponent("state.sqlite").path
    }

    /// The sandbox guild's file: `sandbox.json` next to the state store.
    public static func sandboxFile(stateFile: String) -> String {
        URL(fileURLWithPath: stateFile).deletingLastPathComponent()
            .appendingPathComponent("sandbox.json").path
    }
}
