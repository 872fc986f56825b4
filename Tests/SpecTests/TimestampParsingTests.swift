import Foundation
import Spec
import Testing

/// Timestamps are parsed arithmetically in their common form (a formatter per value made
/// `validate` slow); the result must be the formatter's, offsets and calendar included.
@Suite struct TimestampParsingTests {
    static func formatterDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    @Test func theArithmeticPathAgreesWithTheFormatter() {
        var rng = SystemRandomNumberGenerator()
        var texts = ["2024-02-29T23:59:59Z", "2000-03-01T00:00:00Z", "2000-01-01T12:00:00Z",
                     "2026-12-05T19:00:00+01:00", "2026-12-31T23:30:00-05:30", "2026-01-01T00:15:00+14:00"]
        for _ in 0..<500 {
            // Years 2000-2099: the accepted range (InputBoundsTests covers the refusals).
            let seconds = Double(Int.random(in: 946_728_000...4_102_401_600, using: &rng))
            let offset = Int.random(in: -12...14, using: &rng)
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(secondsFromGMT: offset * 3600 + (offset.isMultiple(of: 3) ? 1800 : 0))
            texts.append(formatter.string(from: Date(timeIntervalSince1970: seconds)))
        }
        for text in texts {
            let expected = Self.formatterDate(text)
            #expect(expected != nil, "\(text)")
            #expect((try? ValueParsers.timestamp(text).get()) == expected, "\(text)")
        }
    }

    /// Stricter than the formatter, which rolls 2026-02-29 over into March: a date that does
    /// not exist is refused.
    @Test func impossibleDatesAreRefused() {
        for text in ["2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-04-31T10:00:00Z", "2026-12-05T24:00:00Z"] {
            #expect((try? ValueParsers.timestamp(text).get()) == nil, "\(text)")
        }
    }
}
