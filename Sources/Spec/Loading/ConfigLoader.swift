import Foundation
import Yams

/// Reads a club's YAML (one file, or every `.yaml`/`.yml` file of a directory), checks it
/// completely and returns the club, or every problem found at once.
///
/// ```swift
/// do {
///     let config = try ConfigLoader.load(path: "examples/apex-endurance")
///     let layout = Compiler.compile(config, at: now)
/// } catch {
///     for diagnostic in error.diagnostics { print(diagnostic) }
/// }
/// ```
public enum ConfigLoader {
    /// The largest configuration file read (4 MiB): far above any real club, far below what
    /// would make validation slow.
    public static let maxFileBytes = 4 * 1024 * 1024

    /// Loads the settings file or directory at `path`.
    public static func load(path: String) throws(ConfigError) -> ClubConfig {
        try load(sources: readSources(path: path))
    }

    /// Loads already-read documents (tests, generated clubs, editors).
    public static func load(sources: [SourceFile]) throws(ConfigError) -> ClubConfig {
        let sink = DiagnosticSink()
        var settings: ClubSettings?
        var bestEffort: ClubSettings?
        var settingsSeen: SourcePosition?
        var clubDecoder = ClubDataDecoder()
        for source in sources {
            for root in documents(of: source, sink: sink) {
                let value = YAMLValue(node: root, file: source.path, path: "", sink: sink)
                switch kind(of: value) {
                case .settings:
                    if let first = settingsSeen {
                        value.error("a second settings document",
                                    hint: "a club has one settings document; the first is at \(first.file):\(first.line):\(first.column)")
                        continue
                    }
                    settingsSeen = value.location
                    (settings, bestEffort) = SettingsDecoder.decode(value)
                case .club:
                    clubDecoder.decode(value)
                case .accounts:
                    clubDecoder.decodeAccounts(value)
                case .none:
                    continue
                }
            }
        }
        if settingsSeen == nil {
            sink.error(at: SourcePosition(file: sources.first?.path ?? "<none>", line: 1, column: 1, path: ""),
                       "no settings document found",
                       hint: "add a simlane.yaml with `kind: settings`, `version: 1`, `club:` and `discord:` (see docs/config.md)")
        }
        var validator = ClubValidator(club: clubDecoder.club, map: clubDecoder.map, sink: sink)
        validator.run(settings: bestEffort)
        guard !sink.hasErrors, let settings else { throw ConfigError(diagnostics: sink.items) }
        return ClubConfig(settings: settings, club: clubDecoder.club, sources: sources.map(\.path),
                          warnings: sink.items.sorted(by: Diagnostic.ordered))
    }

    /// The files behind `path`: the file itself, or a directory's YAML files sorted by name.
    static func readSources(path: String) throws(ConfigError) -> [SourceFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(diagnostics: [Diagnostic(
                file: path, line: 0, column: 0, summary: FileProblem.unreadableRegularFile(path) ?? "no such file or directory",
                hint: "pass a simlane.yaml or a directory of YAML documents to --config")])
        }
        var files = [path]
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
                .sorted()
                .map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
            if files.isEmpty {
                throw ConfigError(diagnostics: [Diagnostic(
                    file: path, line: 0, column: 0, summary: "the directory holds no .yaml files",
                    hint: "put simlane.yaml and the club's data documents in it")])
            }
        }
        var sources: [SourceFile] = []
        var problems: [Diagnostic] = []
        for file in files {
            if let why = FileProblem.unreadableRegularFile(file) {
                problems.append(Diagnostic(file: file, line: 1, column: 1, summary: "cannot read the file: \(why)"))
                continue
            }
            if let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue,
               size > maxFileBytes {
                problems.append(Diagnostic(
                    file: file, line: 1, column: 1,
                    summary: "the file is \(size / 1024) KiB, more than the limit of \(maxFileBytes / 1024 / 1024) MiB",
                    hint: "a club's configuration is a few hundred KiB at most; split it or remove what does not belong"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                problems.append(Diagnostic(file: file, line: 1, column: 1, summary: "cannot read the file: \(FileProblem.describe(errno: errno))"))
                continue
            }
            guard data.count <= maxFileBytes else {
                problems.append(Diagnostic(file: file, line: 1, column: 1,
                                           summary: "the file is more than the limit of \(maxFileBytes / 1024 / 1024) MiB"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(Diagnostic(file: file, line: 1, column: 1, summary: "the file is not UTF-8 text"))
                continue
            }
            sources.append(SourceFile(path: file, text: text))
        }
        if !problems.isEmpty { throw ConfigError(diagnostics: problems) }
        return sources
    }

    private enum DocumentKind { case settings, club, accounts }

    /// Every document of a file; a syntax error becomes a diagnostic at Yams' mark.
    private static func documents(of source: SourceFile, sink: DiagnosticSink) -> [Node] {
        var roots: [Node] = []
        do {
            var sequence = try Yams.compose_all(yaml: source.text)
            while let node = sequence.next() { roots.append(node) }
            if let error = sequence.error { throw error }
        } catch {
            sink.add(syntaxDiagnostic(error, file: source.path, text: source.text))
        }
        return roots
    }

    static func syntaxDiagnostic(_ error: any Error, file: String, text: String = "") -> Diagnostic {
        let hint = "fix the YAML syntax here (indentation, a missing ':' or an unclosed quote or bracket)"
        guard let yaml = error as? YamlError else {
            return Diagnostic(file: file, line: 1, column: 1, summary: "YAML error: \(error)", hint: hint)
        }
        switch yaml {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var detail = problem
            if let context {
                detail += " \(context.text)"
                if context.mark.line != mark.line || context.mark.column != mark.column {
                    detail += " (which starts at \(context.mark.line):\(context.mark.column))"
                }
            }
            return Diagnostic(file: file, line: mark.line, column: mark.column,
                              summary: "YAML syntax error: \(detail)", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let repeated = duplicates.first.flatMap { secondOccurrence(of: $0, in: text, from: context.mark) }
            return Diagnostic(file: file, line: repeated?.line ?? context.mark.line,
                              column: repeated?.column ?? context.mark.column,
                              summary: "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping",
                              hint: "each key may appear once per mapping; remove or merge the repeated one")
        case let .reader(problem, _, _, _):
            return Diagnostic(file: file, line: 1, column: 1, summary: "cannot read YAML: \(problem)", hint: hint)
        default:
            return Diagnostic(file: file, line: 1, column: 1, summary: "YAML error: \(yaml)", hint: hint)
        }
    }

    /// Where `key:` appears for the second time at or after `mark` (Yams only reports the
    /// mapping's start): the same column for block mappings, anywhere for flow mappings.
    static func secondOccurrence(of key: String, in text: String, from mark: Mark) -> (line: Int, column: Int)? {
        var seen = 0
        for (index, line) in text.components(separatedBy: "\n").enumerated() where index + 1 >= mark.line {
            var searchStart = line.startIndex
            if index + 1 == mark.line {
                searchStart = line.unicodeScalars.index(line.startIndex, offsetBy: mark.column - 1, limitedBy: line.endIndex) ?? line.endIndex
            }
            while let range = line.range(of: key, range: searchStart..<line.endIndex) {
                searchStart = range.upperBound
                let before = range.lowerBound == line.startIndex ? " " : line[line.index(before: range.lowerBound)]
                let after = line[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
                guard " {,-\"'".contains(before), after.first == ":" else { continue }
                seen += 1
                let column = line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1
                let quoted = before == "\"" || before == "'"
                if seen == 2 { return (index + 1, quoted ? column - 1 : column) }
            }
        }
        return nil
    }

    /// `kind:` when present, else inferred from the top-level keys.
    private static func kind(of value: YAMLValue) -> DocumentKind? {
        if value.node.null != nil { return nil }
        guard case .mapping(let mapping) = value.node else {
            value.error("a document must be a mapping", hint: "start it with `kind: settings` or `kind: club`")
            return nil
        }
        if let kindNode = mapping["kind"] {
            let text = kindNode.string ?? ""
            switch text {
            case "settings": return .settings
            case "club": return .club
            case "accounts": return .accounts
            default:
                value.child(kindNode, path: "kind").error(
                    "unknown document kind '\(text)'",
                    hint: Suggestion.didYouMean(text, in: ["settings", "club", "accounts"]) ?? "write kind: settings, kind: club or kind: accounts")
                return nil
            }
        }
        let keys = mapping.keys.compactMap(\.string)
        if keys.contains(where: { ["version", "discord", "club"].contains($0) }) { return .settings }
        if keys.contains(where: { ClubDataDecoder.keys.contains($0) }) { return .club }
        if keys.contains("accounts") { return .accounts }
        value.error("cannot tell what this document is", hint: "add `kind: settings` or `kind: club` at its top")
        return nil
    }
}

/// One YAML file's name and text, as handed to `ConfigLoader.load(sources:)`.
public struct SourceFile: Hashable, Sendable {
    public var path: String
    public var text: String
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

extension ConfigLoader {
    /// Checks club data and settings that did not come from YAML (generated or built in
    /// code): references, teams, stints and Discord's limits. Positions are `<generated>`.
    public static func check(club: ClubData, settings: ClubSettings) -> [Diagnostic] {
        let sink = DiagnosticSink()
        var validator = ClubValidator(club: club, map: SourceMap(), sink: sink)
        validator.run(settings: settings)
        return sink.items
    }
}
