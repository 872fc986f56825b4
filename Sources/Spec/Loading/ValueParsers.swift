import DiscordTypes
import Foundation

/// Parsers for the scalar formats of the configuration: durations, timestamps, ids.
public enum ValueParsers {
    /// The longest duration accepted anywhere in the configuration: 10 years.
    public static let maxDuration: TimeInterval = 10 * 365 * 86400

    /// `15m`, `24h`, `7d`, `1h30m`, `90s`, `2w` → seconds; nil when malformed or longer
    /// than `maxDuration` (`durationProblem` says which).
    public static func duration(_ text: String) -> TimeInterval? {
        try? parseDuration(text).get()
    }

    /// Why a duration was rejected.
    public enum DurationProblem: Error, Equatable {
        case malformed, tooLong

        /// The diagnostic's summary for `text`.
        public func summary(_ text: String) -> String {
            switch self {
            case .malformed: "'\(text.prefix(40))' is not a duration"
            case .tooLong: "the duration '\(text.prefix(40))' is longer than 10 years"
            }
        }

        public var hint: String {
            switch self {
            case .malformed: "write a number with a unit s, m, h, d or w, e.g. 15m, 24h, 7d or 1h30m"
            case .tooLong: "durations are limited to 10 years (3650d)"
            }
        }
    }

    /// A duration or why it is rejected. Never traps: each number is at most 12 digits and
    /// the total is bounded before it is used.
    public static func parseDuration(_ text: String) -> Swift.Result<TimeInterval, DurationProblem> {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        var total: TimeInterval = 0
        var digits = ""
        var sawUnit = false
        var tooLong = false
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                if digits.count > 12 { tooLong = true }
            } else if let unit = units[character], !digits.isEmpty, let number = Double(digits) {
                total += number * unit
                digits = ""
                sawUnit = true
            } else {
                return .failure(.malformed)
            }
        }
        guard digits.isEmpty && sawUnit else { return .failure(.malformed) }
        if tooLong || !total.isFinite || total > maxDuration { return .failure(.tooLong) }
        return .success(total)
    }

    /// Renders seconds as the shortest duration text (`1h30m`, `7d`).
    public static func durationText(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return "\(seconds)s" }
        var rest = Int(seconds)
        if rest == 0 { return "0s" }
        var parts = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            parts += "\(rest / size)\(unit)"
            rest %= size
        }
        return parts
    }

    /// The years accepted in timestamps: a club's events and `--at` lie in this range.
    public static let yearRange = 2000...2100

    /// Why a timestamp was rejected.
    public enum TimestampProblem: Error, Equatable {
        case missingZone, malformed, invalidDate, badOffset, yearOutOfRange

        /// The diagnostic's summary for `text`.
        public func summary(_ text: String) -> String {
            let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
            return switch self {
            case .missingZone: "timestamp '\(shown)' has no time zone"
            case .malformed: "'\(shown)' is not an ISO 8601 timestamp"
            case .invalidDate: "'\(shown)' is not a date that exists"
            case .badOffset: "the offset of '\(shown)' is beyond ±14:00"
            case .yearOutOfRange: "the year of '\(shown)' is outside \(yearRange.lowerBound)–\(yearRange.upperBound)"
            }
        }

        public var hint: String {
            switch self {
            case .missingZone: "append Z for UTC or an offset such as +01:00, e.g. 2026-12-05T18:00:00Z"
            case .malformed: "write date, time and zone, e.g. 2026-12-05T18:00:00Z or 2026-12-05T19:00:00+01:00"
            case .invalidDate: "check the day of the month (February has 28 days, 29 in leap years) and the time (00:00:00–23:59:59)"
            case .badOffset: "UTC offsets run from -12:00 to +14:00, minutes 00–59"
            case .yearOutOfRange: "use a year from \(yearRange.lowerBound) to \(yearRange.upperBound)"
            }
        }
    }

    /// Strict ISO 8601 / RFC 3339 date-time with a zone: `YYYY-MM-DDTHH:MM:SS`, optional
    /// fraction (1–9 digits), then `Z` or `±HH:MM`; nothing before or after. The date must
    /// exist (no 2026-02-30), the offset lie within ±14:00 and the year in `yearRange`.
    public static func timestamp(_ text: String) -> Swift.Result<Date, TimestampProblem> {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for i in from..<(from + count) {
                guard (48...57).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        func byte(_ i: Int, _ c: Character) -> Bool { i < b.count && b[i] == c.asciiValue! }
        guard b.count <= 64, let year = number(0, 4), byte(4, "-"), let month = number(5, 2), byte(7, "-"),
              let day = number(8, 2), byte(10, "T") || byte(10, "t"), let hour = number(11, 2), byte(13, ":"),
              let minute = number(14, 2), byte(16, ":"), let second = number(17, 2)
        else { return .failure(.malformed) }
        var i = 19
        var fraction = 0.0
        if byte(i, ".") {
            var scale = 0.1
            i += 1
            let start = i
            while i < b.count, (48...57).contains(b[i]) {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard (1...9).contains(i - start) else { return .failure(.malformed) }
        }
        var offsetSeconds = 0
        if i == b.count { return .failure(.missingZone) }
        if byte(i, "Z") || byte(i, "z") {
            i += 1
        } else if byte(i, "+") || byte(i, "-") {
            let sign = byte(i, "-") ? -1 : 1
            guard let oh = number(i + 1, 2), byte(i + 3, ":"), let om = number(i + 4, 2) else {
                return .failure(.malformed)
            }
            i += 6
            guard i == b.count else { return .failure(.malformed) }
            guard om <= 59, oh * 60 + om <= 14 * 60 else { return .failure(.badOffset) }
            offsetSeconds = sign * (oh * 3600 + om * 60)
        } else {
            return .failure(.malformed)
        }
        guard i == b.count else { return .failure(.malformed) }
        guard yearRange.contains(year) else { return .failure(.yearOutOfRange) }
        guard (1...12).contains(month), (1...UTCDateParts.daysIn(month: month, year: year)).contains(day),
              hour <= 23, minute <= 59, second <= 59
        else { return .failure(.invalidDate) }
        let seconds = UTCDateParts.daysFromCivil(year: year, month: month, day: day) * 86400
            + hour * 3600 + minute * 60 + second - offsetSeconds
        return .success(Date(timeIntervalSince1970: TimeInterval(seconds) + fraction))
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
