import DiscordTypes
import Foundation

extension JSONValue {
    /// An integer JSON number.
    static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

    /// A snowflake rendered the way Discord sends it: a string.
    static func id(_ value: Snowflake) -> JSONValue { .string(value.description) }

    /// A snowflake or null.
    static func id(_ value: Snowflake?) -> JSONValue { value.map { .string($0.description) } ?? .null }

    /// An optional string or null.
    static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// An ISO 8601 timestamp as Discord formats it (`2026-11-26T03:28:13.123000+00:00`) or null.
    static func time(_ value: Date?) -> JSONValue { value.map { .string(DiscordTime.format($0)) } ?? .null }

    var isNull: Bool { self == .null }

    var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// An integer from a JSON number or numeric string (Discord coerces both).
    var intValue: Int? {
        switch self {
        case .number(let n) where n == n.rounded() && abs(n) < 9e15: return Int(n)
        case .string(let s): return Int(s)
        default: return nil
        }
    }

    /// A snowflake from a string (or, tolerated, an exact integer).
    var snowflakeValue: Snowflake? {
        switch self {
        case .string(let s): return Snowflake(string: s)
        case .number(let n) where n >= 0 && n == n.rounded() && n < 9e15: return Snowflake(UInt64(n))
        default: return nil
        }
    }

    /// A permission bitset from a decimal string or an integer (the spec types request
    /// bitfields as integers; Discord accepts both).
    var permissionsValue: Permissions? {
        switch self {
        case .string(let s): return UInt64(s).map(Permissions.init(rawValue:))
        case .number(let n) where n >= 0 && n == n.rounded() && n < 9.007e15: return Permissions(rawValue: UInt64(n))
        default: return nil
        }
    }

    /// The value as it would appear in a Discord error message.
    var displayText: String {
        switch self {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .number(let n): return n == n.rounded() ? String(Int64(n)) : String(n)
        case .string(let s): return s
        case .array, .object:
            let data = (try? DiscordJSON.encoder().encode(self)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// Discord's timestamp format.
enum DiscordTime {
    static func format(_ date: Date) -> String {
        let totalMs = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let ms = ((totalMs % 1000) + 1000) % 1000
        let seconds = (totalMs - ms) / 1000
        var days = seconds / 86400
        var rest = seconds % 86400
        if rest < 0 { rest += 86400; days -= 1 }
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2)).\(pad(ms * 1000, 6))+00:00"
    }

    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = formatter.date(from: text) { return d }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
