/// Collects diagnostics while a club is loaded and checked, so every problem is reported
/// at once instead of stopping at the first.
final class DiagnosticSink {
    private(set) var items: [Diagnostic] = []

    func add(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    func error(at location: SourcePosition, _ summary: String, hint: String? = nil) {
        items.append(Diagnostic(severity: .error, file: location.file, line: location.line,
                                column: location.column, path: location.path, summary: summary,
                                hint: hint))
    }

    func warning(at location: SourcePosition, _ summary: String, hint: String? = nil) {
        items.append(Diagnostic(severity: .warning, file: location.file, line: location.line,
                                column: location.column, path: location.path, summary: summary,
                                hint: hint))
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }
}

/// Where a value came from: file, 1-based line and column, and its field path there.
public struct SourcePosition: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var path: String

    public init(file: String, line: Int, column: Int, path: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// A location for values that did not come from a file (generated clubs).
    public static func generated(_ path: String) -> SourcePosition {
        SourcePosition(file: "<generated>", line: 0, column: 0, path: path)
    }
}
