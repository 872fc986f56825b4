import DiscordTypes
import Foundation
import Yams

/// A composed YAML node with its position and field path; typed accessors report wrong
/// types and bad values to the sink (with position) and return nil.
struct YAMLValue {
    let node: Node
    let location: SourcePosition
    let sink: DiagnosticSink

    init(node: Node, file: String, path: String, sink: DiagnosticSink) {
        self.node = node
        let mark = node.mark
        self.location = SourcePosition(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, path: path)
        self.sink = sink
    }

    var path: String { location.path }
    var file: String { location.file }

    func child(_ node: Node, path: String) -> YAMLValue {
        YAMLValue(node: node, file: file, path: path, sink: sink)
    }

    func error(_ summary: String, hint: String? = nil) {
        sink.error(at: location, summary, hint: hint)
    }

    func warning(_ summary: String, hint: String? = nil) {
        sink.warning(at: location, summary, hint: hint)
    }

    /// What the node is, for "expected a string, found a list" messages.
    var shape: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.null != nil { return "null" }
                if node.bool != nil { return "a boolean" }
                if node.int != nil { return "a number" }
                if node.float != nil { return "a number" }
            }
            return "a string"
        }
    }

    private func typeError(_ expected: String, example: String) {
        error("expected \(expected), found \(shape)", hint: "write it like \(example)")
    }

    /// A mapping whose keys are checked against `allowed`; reports unknown and missing keys.
    func mapping(allowed: [String], required: [String] = [], example: String) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            typeError("a mapping", example: example)
            return nil
        }
        var entries: [(String, YAMLValue, YAMLValue)] = []
        var suggested: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            let keyValue = child(keyNode, path: childPath)
            guard allowed.contains(key) else {
                let closest = Suggestion.closest(to: key, in: allowed)
                if let closest { suggested.insert(closest) }
                let suggestion = closest.map { "did you mean '\($0)'?" }
                keyValue.error("unknown key '\(key)'",
                               hint: suggestion ?? "allowed keys here: \(allowed.joined(separator: ", "))")
                continue
            }
            entries.append((key, keyValue, child(valueNode, path: childPath)))
        }
        let result = YAMLMapping(owner: self, entries: entries)
        // A misspelt required key is one mistake: the unknown-key error already says it.
        for key in required where result[key] == nil && !suggested.contains(key) {
            error("missing required key '\(key)'", hint: "add `\(key):` here (see docs/config.md)")
        }
        return result
    }

    /// A list; a single non-list value is an error.
    func sequence(example: String) -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            typeError("a list", example: example)
            return nil
        }
        return sequence.enumerated().map { index, element in
            child(element, path: "\(path)[\(index)]")
        }
    }

    /// A non-empty scalar string (numbers are accepted as their text).
    func string(example: String = "\"text\"") -> String? {
        guard case .scalar(let scalar) = node, node.null == nil || scalar.style != .plain else {
            typeError("a string", example: example)
            return nil
        }
        return scalar.string
    }

    /// A display name: a string of at most `maxNameLength` code points, checked before
    /// anything is built from it. Names Discord shows are at most 100 code points; longer
    /// ones are shortened where they are used (`Naming`), so the bound here only refuses
    /// input that cannot be a name (a megabyte pasted by mistake) quickly.
    func name(example: String = "\"GT3 Cup\"") -> String? {
        guard let text = string(example: example) else { return nil }
        let length = text.unicodeScalars.count
        guard length <= Self.maxNameLength else {
            error("the name is \(length) characters long; at most \(Self.maxNameLength) are accepted",
                  hint: "shorten it: Discord shows at most 100 characters, and longer names are shortened with an ellipsis where they are used")
            return nil
        }
        return text
    }

    /// The longest name accepted (code points): three times Discord's 100, so long event
    /// and team names still work (shortened in Discord) while nonsense is refused at once.
    static let maxNameLength = 300

    func bool() -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.bool else {
            typeError("true or false", example: "true")
            return nil
        }
        return value
    }

    func int(example: String = "3") -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.int else {
            typeError("a whole number", example: example)
            return nil
        }
        return value
    }

    func double(example: String = "0.5") -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              let value = node.int.map(Double.init) ?? node.float else {
            typeError("a number", example: example)
            return nil
        }
        return value
    }

    /// An id usable in resource keys: letters, digits, `-`, `_`, `.`; 1–64 characters.
    func identifier() -> String? {
        guard let text = string(example: "spa-6h") else { return nil }
        guard ValueParsers.isIdentifier(text) else {
            error("'\(text)' is not a valid id",
                  hint: "use 1–64 letters, digits, '-', '_' or '.', starting with a letter or digit (e.g. spa-6h)")
            return nil
        }
        return text
    }

    func duration() -> TimeInterval? {
        guard let text = string(example: "15m") else { return nil }
        switch ValueParsers.parseDuration(text) {
        case .success(let value): return value
        case .failure(let problem):
            error(problem.summary(text), hint: problem.hint)
            return nil
        }
    }

    func timestamp() -> Date? {
        guard let text = string(example: "2026-12-05T18:00:00Z") else { return nil }
        switch ValueParsers.timestamp(text) {
        case .success(let date): return date
        case .failure(let problem):
            error(problem.summary(text), hint: problem.hint)
            return nil
        }
    }

    func snowflake() -> Snowflake? {
        guard case .scalar(let scalar) = node, node.null == nil || scalar.style != .plain else {
            typeError("a Discord id", example: "\"123456789012345678\"")
            return nil
        }
        guard let value = ValueParsers.snowflake(scalar.string) else {
            error("'\(scalar.string)' is not a Discord id (snowflake)",
                  hint: "Discord ids are 17–20 digit numbers: enable Developer Mode, right-click, Copy ID, and quote it")
            return nil
        }
        return value
    }
}

/// The checked entries of a YAML mapping, looked up by key.
struct YAMLMapping {
    let owner: YAMLValue
    let entries: [(key: String, keyValue: YAMLValue, value: YAMLValue)]

    init(owner: YAMLValue, entries: [(String, YAMLValue, YAMLValue)]) {
        self.owner = owner
        self.entries = entries.map { (key: $0.0, keyValue: $0.1, value: $0.2) }
    }

    subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }
}
