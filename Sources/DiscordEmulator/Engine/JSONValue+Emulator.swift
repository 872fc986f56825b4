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
        let parts = UTCDateParts(date)
        return parts.dateTimeText + ".\(UTCDateParts.pad(parts.millisecond * 1000, 6))+00:00"
    }

    /// Parses an ISO 8601 date-time with a `Z` or `±hh:mm` offset, fractional seconds optional.
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = formatter.date(from: text) { return d }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
