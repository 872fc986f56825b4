import Foundation
import Testing

/// Golden files under `Tests/ReconcilerTests/Fixtures/<case>/`. A missing golden is written and
/// the test fails; `RECORD_GOLDEN=1` re-records every golden (and passes).
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    static func check(
        _ actual: String, _ caseName: String, _ file: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let directory = fixtures.appendingPathComponent(caseName)
        let url = directory.appendingPathComponent(file)
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if recording || existing == nil {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if existing == nil && !recording {
                Issue.record("golden \(caseName)/\(file) was missing and has been written; review and rerun",
                             sourceLocation: sourceLocation)
            }
            return
        }
        if existing != actual {
            Issue.record("""
                \(caseName)/\(file) differs from the golden (RECORD_GOLDEN=1 to re-record):
                --- expected
                \(existing!)
                --- actual
                \(actual)
                """, sourceLocation: sourceLocation)
        }
    }
}
