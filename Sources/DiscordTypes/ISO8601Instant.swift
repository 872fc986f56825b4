import Foundation

/// An instant written in ISO 8601, compared as the instant it names rather than as text.
///
/// Discord stores an embed's `timestamp` as an instant and returns it in its own form
/// (`2026-12-05T18:00:00+00:00`, sometimes with a fraction), so `…18:00:00Z` and
/// `…18:00:00.000+00:00` must compare equal (DISCORD.md §3 Messages). Parsed arithmetically
/// (days from civil, the inverse of `UTCDateParts`), to microseconds.
public struct ISO8601Instant: Hashable, Sendable, Comparable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`; nil for anything else
    /// (Discord refuses an embed timestamp it cannot parse).
    public init?(_ text: String) {
        let c = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= c.count else { return nil }
            var value = 0
            for byte in c[from..<(from + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func at(_ index: Int, _ char: Character) -> Bool {
            index < c.count && c[index] == char.asciiValue!
        }
        guard let year = number(0, 4), at(4, "-"), let month = number(5, 2), at(7, "-"),
              let day = number(8, 2), at(10, "T") || at(10, "t") || at(10, " "),
              let hour = number(11, 2), at(13, ":"), let minute = number(14, 2), at(16, ":"),
              let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var micros = 0
        if at(index, ".") || at(index, ",") {
            index += 1
            var digits = 0
            while index < c.count, c[index] >= 48, c[index] <= 57 {
                if digits < 6 { micros = micros * 10 + Int(c[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { micros *= 10 }
        }
        var offsetSeconds = 0
        if at(index, "Z") || at(index, "z") {
            index += 1
        } else if at(index, "+") || at(index, "-") {
            let sign = at(index, "-") ? -1 : 1
            guard let hours = number(index + 1, 2) else { return nil }
            var minutes = 0
            if at(index + 3, ":") {
                guard let m = number(index + 4, 2) else { return nil }
                minutes = m
                index += 6
            } else if let m = number(index + 3, 2) {
                minutes = m
                index += 5
            } else {
                index += 3
            }
            guard hours < 24, minutes < 60 else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard index == c.count else { return nil }
        let seconds = UTCDateParts.daysFromCivil(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds
        microseconds = Int64(seconds) * 1_000_000 + Int64(micros)
    }

    /// The instant in Discord's form: `2026-12-05T18:00:00+00:00`, with `.ffffff` only when
    /// there is a fraction.
    public var text: String {
        let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
        let fraction = Int(microseconds - seconds * 1_000_000)
        let parts = UTCDateParts(Date(timeIntervalSince1970: Double(seconds)))
        let suffix = fraction == 0 ? "" : "." + UTCDateParts.pad(fraction, 6)
        return parts.dateTimeText + suffix + "+00:00"
    }

    public static func < (lhs: ISO8601Instant, rhs: ISO8601Instant) -> Bool {
        lhs.microseconds < rhs.microseconds
    }
}
