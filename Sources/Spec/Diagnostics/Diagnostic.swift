/// One problem found in a club's configuration, with where it is and how to fix it.
///
/// Printed like a compiler error, so editors and CI logs can jump to it:
/// ```
/// examples/broken/club.yaml:12:7: error: events[0].teams[1].members[2]: 'm-99' is not a member of the club
///     hint: add a member with id 'm-99' under `members`, or fix the id (did you mean 'm-09'?)
/// ```
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// The file as it was named to the loader (relative paths stay relative).
    public var file: String
    /// 1-based line and column (0 when the problem has no single position).
    public var line: Int
    public var column: Int
    /// Dotted field path inside the document: `events[2].signup.closes`.
    public var path: String
    /// What is wrong, in one sentence.
    public var summary: String
    /// How to fix it, when we can tell.
    public var hint: String?

    public init(
        severity: Severity = .error, file: String, line: Int, column: Int, path: String = "",
        summary: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.summary = summary
        self.hint = hint
    }

    /// The `file:line:column: error: …` line (without the hint).
    public var headline: String {
        let place = path.isEmpty ? "" : "\(path): "
        return "\(file):\(line):\(column): \(severity.rawValue): \(place)\(summary)"
    }

    /// The headline plus an indented `hint:` line when there is a hint.
    public var description: String {
        guard let hint else { return headline }
        return headline + "\n    hint: " + hint
    }

    /// Sort order for reports: by file, then position, then text.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.summary) < (rhs.file, rhs.line, rhs.column, rhs.summary)
    }
}

/// Loading or validation failed: every problem found, errors and warnings, in file order.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted(by: Diagnostic.ordered)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
