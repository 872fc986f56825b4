import Foundation

/// Renders a plan for machines; the shape is documented in docs/plan-json.md.
public enum PlanJSONRenderer {
    /// Bumped when the document's shape changes incompatibly.
    public static let formatVersion = 1

    /// Pretty-printed JSON with sorted keys, newline-terminated.
    public static func render(_ plan: Plan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(PlanDocument(plan))) ?? Data("{}".utf8)
        return compactEmptyArrays(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// Foundation prints `[]` as `[\n\n  ]` on some platforms; make it `[]` everywhere.
    static func compactEmptyArrays(_ json: String) -> String {
        var lines: [Substring] = []
        var pendingOpen = false
        for line in json.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if pendingOpen {
                if trimmed.isEmpty { continue }
                if trimmed.hasPrefix("]") {
                    lines[lines.count - 1] += "]" + trimmed.dropFirst()
                    pendingOpen = false
                    continue
                }
                pendingOpen = false
            }
            lines.append(line)
            if trimmed.hasSuffix("[") { pendingOpen = true }
        }
        return lines.joined(separator: "\n")
    }
}

/// The JSON document (docs/plan-json.md).
struct PlanDocument: Encodable {
    var format_version = PlanJSONRenderer.formatVersion
    var guild_id: String
    var changes: [ChangeDocument]
    var summary: SummaryDocument
    var warnings: [WarningDocument]
    var forgotten: [String]
    /// Present only when the plan skips announcements (docs/plan-json.md).
    var skipped_announcements: [SkippedDocument]?

    init(_ plan: Plan) {
        guild_id = plan.guildID.description
        changes = plan.changes.map(ChangeDocument.init)
        summary = SummaryDocument(plan.summary)
        warnings = plan.warnings.map { WarningDocument(key: $0.key?.rawValue, message: $0.message) }
        forgotten = plan.forgotten.map(\.rawValue)
        if !plan.skippedAnnouncements.isEmpty {
            skipped_announcements = plan.skippedAnnouncements.map {
                SkippedDocument(key: $0.key.rawValue, kind: $0.kind.rawValue, group: $0.group, reason: $0.reason)
            }
        }
    }
}

struct SkippedDocument: Encodable {
    var key: String
    var kind: String
    var group: String
    var reason: String
}

struct ChangeDocument: Encodable {
    var index: Int
    var action: String
    var symbol: String
    var kind: String
    var key: String
    var name: String
    var group: String
    var fields: [FieldDocument]
    var dependencies: [Int]
    var requests: Int
    var route: String?
    var reason: String?

    init(_ change: Change) {
        index = change.index
        action = change.action.rawValue
        symbol = change.action.symbol
        kind = change.kind.rawValue
        key = change.key.rawValue
        name = change.name
        group = change.group
        fields = change.fields.map { FieldDocument(name: $0.name, old: $0.old, new: $0.new) }
        dependencies = change.dependencies
        requests = change.requestCount
        route = change.operation.route
        reason = change.reason
    }

    enum CodingKeys: String, CodingKey {
        case index, action, symbol, kind, key, name, group, fields, dependencies, requests, route, reason
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(action, forKey: .action)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(kind, forKey: .kind)
        try c.encode(key, forKey: .key)
        try c.encode(name, forKey: .name)
        try c.encode(group, forKey: .group)
        try c.encode(fields, forKey: .fields)
        try c.encode(dependencies, forKey: .dependencies)
        try c.encode(requests, forKey: .requests)
        try c.encode(route, forKey: .route)
        try c.encode(reason, forKey: .reason)
    }
}

struct FieldDocument: Encodable {
    var name: String
    var old: String?
    var new: String?

    enum CodingKeys: String, CodingKey { case name, old, new }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
    }
}

struct SummaryDocument: Encodable {
    var actions: [String: Int]
    var totals: [String: Int]
    var requests: Int
    var estimated_seconds: Double
    var line: String

    init(_ summary: PlanSummary) {
        actions = Dictionary(uniqueKeysWithValues: Action.allCases.map { ($0.rawValue, summary[$0]) })
        totals = Dictionary(uniqueKeysWithValues: Action.Tally.allCases.map { ($0.rawValue, summary.total($0)) })
        requests = summary.requests
        estimated_seconds = (summary.estimatedSeconds * 10).rounded() / 10
        line = summary.line
    }
}

struct WarningDocument: Encodable {
    var key: String?
    var message: String

    enum CodingKeys: String, CodingKey { case key, message }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(message, forKey: .message)
    }
}
