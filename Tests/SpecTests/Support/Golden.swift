import Foundation
import Testing

/// Golden files under `Tests/SpecTests/Fixtures/<case>/`: a missing golden is written and
/// the test fails; `RECORD_GOLDEN=1` re-records every golden.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func check(_ actual: String, case name: String, file: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let directory = fixtures.appendingPathComponent(name)
        let url = directory.appendingPathComponent(file)
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !record {
                Issue.record("golden \(name)/\(file) was missing; written, review and rerun", sourceLocation: sourceLocation)
            }
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let detail = firstDiff.map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" }
                ?? "lengths differ (\(expectedLines.count) vs \(actualLines.count) lines)"
            Issue.record("golden \(name)/\(file) differs (RECORD_GOLDEN=1 to re-record)\n\(detail)", sourceLocation: sourceLocation)
        }
    }
}

/// Paths and instants shared by the tests.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static func example(_ name: String) -> String {
        repository.appendingPathComponent("examples").appendingPathComponent(name).path
    }
}

/// `2026-12-05T18:00:00Z` → Date (tests only; crashes on a typo, which fails the test).
func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
}
