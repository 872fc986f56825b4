import Foundation
import Spec
import Testing

/// Untrusted input has documented limits, each reported at its position; nothing traps.
@Suite struct InputBoundsTests {
    func errors(club: String, settings: String = "") -> [Diagnostic] {
        TestClub.diagnostics(club: club, settings: settings).filter { $0.severity == .error }
    }

    let window = "    start: 2026-12-12T18:00:00Z\n    duration: 2h\n"

    // Regression cases: each of these crashed the tool (SIGILL) before.
    @Test func aHugeEventDurationIsAPositionedErrorNotACrash() {
        let club = TestClub.oneEvent("    start: 2026-12-12T18:00:00Z\n    duration: 1000000000000000h\n")
        let found = errors(club: club)
        let d = found.first { $0.summary.contains("longer than 10 years") }
        #expect(d?.file == "club.yaml" && d?.line == 14 && d?.column == 15, "\(String(describing: d))")
    }

    @Test func aHugeArchiveDelayIsAPositionedErrorNotACrashAtRender() {
        let found = errors(club: TestClub.oneEvent(window), settings: "retention:\n  archive_delay: 15250284452471w\n")
        let d = found.first { $0.summary.contains("longer than 10 years") }
        #expect(d?.file == "simlane.yaml" && d?.line == 9 && d?.column == 18, "\(found)")
    }

    @Test func durationsUpToTenYearsAreAccepted() {
        #expect(ValueParsers.duration("3650d").map { Int($0) } == 3650 * 86400)
        #expect(ValueParsers.duration("3651d") == nil)
        #expect(ValueParsers.parseDuration("521w") == .success(521 * 604_800))
        #expect(ValueParsers.parseDuration("99999999999999999999999s") == .failure(.tooLong))
        #expect(ValueParsers.parseDuration("1h30") == .failure(.malformed))
        #expect(ValueParsers.durationText(1e300) == "1e+300s", "rendering never traps")
    }

    @Test func timestampsAreStrictISO8601() throws {
        let accepted = ["2026-12-05T12:00:00Z", "2026-12-05T12:00:00.5Z", "2026-12-05T13:00:00+01:00",
                        "2024-02-29T00:00:00Z", "2026-12-05T12:00:00-12:00", "2026-12-05T12:00:00+14:00"]
        for text in accepted {
            #expect((try? ValueParsers.timestamp(text).get()) != nil, "\(text)")
        }
        #expect(try ValueParsers.timestamp("2026-12-05T13:30:00+01:30").get()
                == Date(timeIntervalSince1970: 1_796_472_000))
        let rejected: [(String, ValueParsers.TimestampProblem)] = [
            ("2026-12-05T12:00:00Z junk", .malformed),
            ("2026-12-05T12:00:00Zjunk", .malformed),
            (" 2026-12-05T12:00:00Z", .malformed),
            ("2026-02-30T12:00:00Z", .invalidDate),
            ("2025-02-29T12:00:00Z", .invalidDate),
            ("2026-12-05T24:00:00Z", .invalidDate),
            ("2026-12-05T12:60:00Z", .invalidDate),
            ("2026-12-05T12:00:00+99:99", .badOffset),
            ("2026-12-05T12:00:00+14:01", .badOffset),
            ("2026-12-05T12:00:00+01:60", .badOffset),
            ("99999999-01-01T00:00:00Z", .malformed),
            ("1999-12-31T23:59:59Z", .yearOutOfRange),
            ("2101-01-01T00:00:00Z", .yearOutOfRange),
            ("2026-12-05T12:00:00", .missingZone),
            ("2026-12-05", .malformed),
            ("2026-12-05T12:00:00.Z", .malformed),
            ("2026-12-05T12:00:00.1234567890Z", .malformed),
        ]
        for (text, problem) in rejected {
            #expect(ValueParsers.timestamp(text) == .failure(problem), "\(text)")
        }
    }

    @Test func aYAMLInstantOutsideTheYearsIsAPositionedError() {
        let found = errors(club: TestClub.oneEvent("    start: 2026-02-30T18:00:00Z\n    duration: 2h\n"))
        let d = found.first { $0.summary.contains("not a date that exists") }
        #expect(d?.line == 13 && d?.column == 12, "\(found)")
    }

    @Test func aNameLongerThanDiscordAllowsIsRejectedBeforeCompileAndFast() {
        // 1 MB: rejected at its position without building anything from it.
        let long = String(repeating: "é", count: 1_000_000)
        var club = TestClub.oneEvent(window)
        club = club.replacingOccurrences(of: "name: Night Race", with: "name: \"\(long)\"")
        let found = errors(club: club)
        let d = found.first { $0.summary.contains("characters long") }
        #expect(d?.line == 12 && d?.column == 11, "\(found.map(\.description).joined().prefix(300))")
        #expect(d?.summary.contains("1000000") == true)
        let hundred = String(repeating: "n", count: 100)
        let ok = TestClub.oneEvent(window).replacingOccurrences(of: "name: Night Race", with: "name: \(hundred)")
        #expect(!errors(club: ok).contains { $0.summary.contains("characters long") })
    }

    @Test func aConfigFileOverTheSizeLimitIsRefusedUnread() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("simlane.yaml")
        try Data(repeating: 0x20, count: ConfigLoader.maxFileBytes + 1).write(to: file)
        do {
            _ = try ConfigLoader.load(path: dir.path)
            Issue.record("a 4 MiB+ file must be refused")
        } catch {
            let d = error.diagnostics.first
            #expect(d?.summary.contains("more than the limit") == true, "\(error.diagnostics)")
            #expect(d?.line == 1 && d?.column == 1)
        }
    }

    @Test func unreadableConfigPathsSayWhatIsWrong() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fifo = dir.appendingPathComponent("fifo.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let loop = dir.appendingPathComponent("loop.yaml").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        do {
            _ = try ConfigLoader.load(path: dir.path)
            Issue.record("must fail")
        } catch {
            let text = error.diagnostics.map(\.description).joined(separator: "\n")
            #expect(text.contains("FIFO"), "\(text)")
            #expect(text.contains("symlink loop"), "\(text)")
            #expect(!text.contains("UTF-8"), "\(text)")
        }
    }
}
