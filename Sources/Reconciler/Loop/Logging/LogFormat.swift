/// How the daemon writes log lines: readable text on a terminal, or one JSON object per line
/// for a log collector (`--log-format json`).
public enum LogFormat: String, Hashable, Sendable, CaseIterable, Codable {
    case text, json
}
