import DiscordTypes
import Foundation
import Testing

/// The arithmetic calendar behind every timestamp we print, against Foundation's calendar.
@Suite struct UTCDatePartsTests {
    @Test func fieldsMatchFoundationsCalendarAcrossEras() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Leap days, century rules, the epoch, before 1970, and a millisecond fraction.
        let instants: [TimeInterval] = [0, -1, -86_401.5, 951_782_400, 1_709_164_800.999, 1_796_493_600.123,
                                        4_102_444_800, -2_208_988_800]
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = UTCDateParts(date)
            let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            #expect([parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second]
                    == [expected.year, expected.month, expected.day, expected.hour, expected.minute, expected.second],
                    "\(seconds)")
        }
        let race = UTCDateParts(Date(timeIntervalSince1970: 1_796_493_600.123))
        #expect(race.dateTimeText == "2026-12-05T18:00:00")
        #expect(race.millisecond == 123)
    }
}
