import Foundation
import Spec
import Testing

/// Seeded fuzzing of the example club: a few thousand mutated configurations go through
/// load, validate, compile and render. None may crash or hang, and every rejection must
/// carry at least one positioned error (file:line:column) an admin can jump to.
@Suite struct ConfigFuzzTests {
    static let cases = Int(ProcessInfo.processInfo.environment["FUZZ_CASES"] ?? "") ?? 1000
    static let seed: UInt64 = 0xF0_2217_2026

    /// Values that broke (or could break) the loader: overflowing durations and instants,
    /// impossible dates, odd YAML shapes, control characters, long strings.
    static let nasty = [
        "1000000000000000h", "15250284452471w", "99999999999999999999999d", "0s", "-5m", "1e308", ".nan",
        "99999999-01-01T00:00:00Z", "2026-02-30T12:00:00Z", "2026-12-05T12:00:00+99:99",
        "2026-12-05T12:00:00Z junk", "-4712-01-01T00:00:00Z", "9223372036854775807", "-9223372036854775808",
        "18446744073709551616", "\"\"", "~", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "&a", "*a", "!!binary AAAA",
        "\"\\u0000\\r\\n\"", "\"\(String(repeating: "x", count: 300))\"", "yes", "0x10", "00000000000000000",
        "\"<@&1180246602878992404>\"", "\"@everyone\"", "true", "3.5", "\"🏁🏁🏁\"",
    ]

    /// Runs on a thread of its own: a minute of CPU-bound work must not hold one of the
    /// (two, on CI) threads of Swift's cooperative pool, which the in-process emulators of
    /// other tests need to answer their requests in time.
    @Test(.timeLimit(.minutes(3)))
    func mutatedExampleConfigsNeverCrashAndAreRejectedWithPositions() async throws {
        try await OwnThread.run { try Self.fuzz() }
    }

    static func fuzz() throws {
        let directory = Paths.example("apex-endurance")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        let originals = try names.map { SourceFile(path: $0, text: try String(contentsOfFile: directory + "/" + $0, encoding: .utf8)) }
        var random = SeededGenerator(seed: Self.seed)
        var loaded = 0
        var unpositioned: [String] = []
        let instants = [Date(timeIntervalSince1970: 1_796_400_000)]
        // Each case is the settings and members plus one series' file (the whole club per
        // case would make validation, which checks the layout at every instant, too slow).
        let shared = originals.filter { $0.path == "simlane.yaml" || $0.path == "members.yaml" }
        let series = originals.filter { $0.path != "simlane.yaml" && $0.path != "members.yaml" }
        for index in 0..<Self.cases {
            var sources = shared + [series[index % series.count]]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let file = Int.random(in: 0..<sources.count, using: &random)
                sources[file].text = Self.mutate(sources[file].text, using: &random)
            }
            do {
                let config = try ConfigLoader.load(sources: sources)
                loaded += 1
                for at in instants {
                    let compiled = Compiler.compile(config, at: at)
                    _ = LayoutRenderer.text(compiled, config: config, at: at)
                    _ = LayoutRenderer.json(compiled, at: at)
                }
            } catch {
                let errors = error.diagnostics.filter { $0.severity == .error }
                if errors.isEmpty || !errors.contains(where: { $0.line >= 1 && $0.column >= 1 && !$0.file.isEmpty }) {
                    unpositioned.append("case \(index): \(errors.map(\.description).joined(separator: " | ").prefix(300))")
                }
            }
        }
        #expect(unpositioned.isEmpty, "\(unpositioned.count) rejections without a position:\n\(unpositioned.prefix(5).joined(separator: "\n"))")
        #expect(loaded > 0 && loaded < Self.cases, "the mutations must exercise both paths (\(loaded) loaded)")
    }

    /// One random edit of a YAML text: a value replaced by a nasty one, a line dropped,
    /// duplicated or swapped, bytes inserted, or the text cut short.
    static func mutate(_ text: String, using random: inout SeededGenerator) -> String {
        var lines = text.components(separatedBy: "\n")
        guard !lines.isEmpty else { return text }
        let line = Int.random(in: 0..<lines.count, using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0...4:
            // Replace the value after the first `: ` (or a list item's value) with a nasty one.
            let value = nasty.randomElement(using: &random)!
            if let colon = lines[line].range(of: ": ") {
                lines[line] = String(lines[line][..<colon.upperBound]) + value
            } else if let dash = lines[line].range(of: "- ") {
                lines[line] = String(lines[line][..<dash.upperBound]) + value
            } else {
                lines[line] += " " + value
            }
        case 5:
            lines.remove(at: line)
        case 6:
            lines.insert(lines[line], at: line)
        case 7:
            let other = Int.random(in: 0..<lines.count, using: &random)
            lines.swapAt(line, other)
        case 8:
            let junk = ["\t", ":", "{", "[", "'", "\"", "#", "- ", "  ", "\u{0}", "\r", "é", "&x ", "*x", "? "]
            let column = Int.random(in: 0...lines[line].count, using: &random)
            var chars = Array(lines[line])
            chars.insert(contentsOf: junk.randomElement(using: &random)!, at: column)
            lines[line] = String(chars)
        default:
            let cut = Int.random(in: 0...text.count, using: &random)
            return String(text.prefix(cut))
        }
        return lines.joined(separator: "\n")
    }
}

