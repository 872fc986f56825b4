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
        // The common form is parsed arithmetically: building an ISO8601DateFormatter per
        // value was half of `validate`'s time on a big club. Anything else takes the
        // formatter's path, so what is accepted does not change.
        if let date = plainTimestamp(text) { return .success(date) }
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

    /// `YYYY-MM-DDTHH:MM:SSZ` or `…±HH:MM` with every field in range; nil otherwise.
    static func plainTimestamp(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 20 || b.count == 25 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                guard (48...57).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), hour < 24, minute < 60, second < 60 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day >= 1, day <= lengths[month - 1] else { return nil }
        var offset = 0
        if b.count == 20 {
            guard b[19] == 90 else { return nil }
        } else {
            guard b[19] == 43 || b[19] == 45, b[22] == 58, let oh = number(20, 2), let om = number(23, 2),
                  oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (b[19] == 43 ? 1 : -1)
        }
        // Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
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
