import Foundation
import Logging

/// The daemon's swift-log handler: `2026-12-05T17:00:00Z info [club=apex] message key=value`
/// as text, or `{"ts":…,"level":…,"msg":…,"club":…}` JSON lines. Metadata keys are sorted so
/// lines are stable; the token never reaches a log because nothing logs it.
public struct DaemonLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    public let label: String
    public let format: LogFormat
    private let sink: LogSink
    private let now: @Sendable () -> Date

    public init(
        label: String, format: LogFormat, sink: LogSink = LogSink(), level: Logger.Level = .info,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.label = label
        self.format = format
        self.sink = sink
        self.logLevel = level
        self.now = now
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let line = switch format {
        case .text: Self.text(time: now(), level: event.level, message: "\(event.message)", metadata: merged)
        case .json: Self.json(time: now(), level: event.level, label: label, message: "\(event.message)", metadata: merged)
        }
        sink.write(line)
    }

    /// `time level [club=…] message key=value …`
    static func text(time: Date, level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var parts = [timestamp(time), level.rawValue]
        var rest = metadata
        if let club = rest.removeValue(forKey: "club") { parts.append("[club=\(club)]") }
        parts.append(message)
        for key in rest.keys.sorted() {
            let value = "\(rest[key]!)"
            parts.append(value.contains(" ") ? "\(key)=\"\(value)\"" : "\(key)=\(value)")
        }
        return parts.joined(separator: " ")
    }

    /// One JSON object: fixed fields first (`ts`, `level`, `logger`, `msg`), then metadata.
    static func json(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var fields = [
            "\"ts\":\(quote(timestamp(time)))", "\"level\":\(quote(level.rawValue))",
            "\"logger\":\(quote(label))", "\"msg\":\(quote(message))",
        ]
        let reserved: Set = ["ts", "level", "logger", "msg"]
        for key in metadata.keys.sorted() {
            let name = reserved.contains(key) ? "meta_\(key)" : key
            fields.append("\(quote(name)):\(jsonValue(metadata[key]!))")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func jsonValue(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let string): quote(string)
        case .stringConvertible(let convertible): quote(convertible.description)
        case .array(let values): "[" + values.map(jsonValue).joined(separator: ",") + "]"
        case .dictionary(let dictionary):
            "{" + dictionary.keys.sorted().map { "\(quote($0)):\(jsonValue(dictionary[$0]!))" }
                .joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal.
    static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
