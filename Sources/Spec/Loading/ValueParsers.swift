import DiscordTypes
import Foundation

/// Parsers for the scalar formats of the configuration: durations, timestamps, ids.
public enum ValueParsers {
    /// `15m`, `24h`, `7d`, `1h30m`, `90s`, `2w` → seconds; nil when malformed.
    public static func duration(_ text: String) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        var total: TimeInterval = 0
        var digits = ""
        var sawUnit = false
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if let unit = units[character], !digits.isEmpty, let number = Double(digits) {
                total += number * unit
                digits = ""
                sawUnit = true
            } else {
                return nil
            }
        }
        return digits.isEmpty && sawUnit ? total : nil
    }

    /// Renders seconds as the shortest duration text (`1h30m`, `7d`).
    public static func durationText(_ seconds: TimeInterval) -> String {
        var rest = Int(seconds)
        if rest == 0 { return "0s" }
        var parts = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            parts += "\(rest / size)\(unit)"
            rest %= size
        }
        return parts
    }

    /// Why a timestamp was rejected.
    public enum TimestampProblem: Error, Equatable {
        case missingZone, malformed

        func summary(_ text: String) -> String {
            switch self {
            case .missingZone: "timestamp '\(text)' has no time zone"
            case .malformed: "'\(text)' is not an ISO 8601 timestamp"
            }
        }

        var hint: String {
            switch self {
            case .missingZone: "append Z for UTC or an offset such as +01:00, e.g. 2026-12-05T18:00:00Z"
            case .malformed: "write date, time and zone, e.g. 2026-12-05T18:00:00Z or 2026-12-05T19:00:00+01:00"
            }
        }
    }

    /// ISO 8601 date-time with a zone (`Z` or `±hh:mm`), optional fractional seconds.
    public static func timestamp(_ text: String) -> Swift.Result<Date, TimestampProblem> {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return .success(date) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return .success(date) }
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        if formatter.date(from: text) != nil { return .failure(.missingZone) }
        return .failure(.malformed)
    }

    /// `2026-12-05T18:00:00Z` for an instant (UTC, whole seconds).
    /// Computed arithmetically (no formatter: this runs many times per compile).
    public static func timestampText(_ date: Date) -> String {
        UTCDateParts(date).dateTimeText + "Z"
    }

    /// A Discord id: 17–20 decimal digits, no sign, no leading zero, within 64 bits.
    public static func snowflake(_ text: String) -> Snowflake? {
        guard (17...20).contains(text.count), let value = Snowflake(string: text) else { return nil }
        return value
    }

    /// Ids usable inside resource keys.
    public static func isIdentifier(_ text: String) -> Bool {
        guard (1...64).contains(text.count), let first = text.unicodeScalars.first,
              first.isASCIILetterOrDigit else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetterOrDigit || "-_.".unicodeScalars.contains($0) }
    }
}

extension Unicode.Scalar {
    var isASCIILetterOrDigit: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
