/// Renders a plan for people, in Terraform's habits: a legend of the actions present,
/// `# key will be created` headers, `+`/`~`/`-`/`<=` with `old -> new` per field, changes
/// grouped by series/event, member changes compacted per role or thread, warnings, and the
/// summary line. An empty plan is one line: `No changes.`
public enum PlanTextRenderer {
    /// The plan as text; ANSI colour only when `color` (the CLI passes isatty(stdout)).
    public static func render(_ plan: Plan, color: Bool = false) -> String {
        var out = TextCanvas(color: color)
        if plan.isEmpty {
            out.line(out.bold("No changes.") + " The guild matches the configuration.")
            appendWarnings(plan, to: &out)
            return out.text
        }
        let summary = plan.summary
        if !plan.changes.isEmpty {
            out.line("Resource actions are indicated with the following symbols:")
            for action in summary.actionsPresent {
                out.line(out.paint(action, pad(action.symbol, 3)) + " " + action.legend)
            }
            out.line("")
            out.line("simlane-reconcile will perform the following actions:")
            for (group, changes) in groups(plan.changes) {
                out.line("")
                out.line(out.bold("── " + (group.isEmpty ? "Guild-wide" : group) + " ──"))
                renderGroup(changes, into: &out)
            }
            out.line("")
        }
        if !plan.skippedAnnouncements.isEmpty {
            out.line(out.bold("Announcements recorded as skipped, not sent:"))
            for skipped in plan.skippedAnnouncements { out.line("  !> " + skipped.line) }
            out.line("")
        }
        appendWarnings(plan, to: &out)
        out.line(out.bold(summary.line))
        return out.text
    }

    /// Changes grouped by heading, in order of first appearance; guild-wide ("") last.
    static func groups(_ changes: [Change]) -> [(String, [Change])] {
        var order: [String] = []
        var byGroup: [String: [Change]] = [:]
        for change in changes {
            if byGroup[change.group] == nil { order.append(change.group) }
            byGroup[change.group, default: []].append(change)
        }
        order = order.filter { !$0.isEmpty } + order.filter(\.isEmpty)
        return order.map { ($0, byGroup[$0]!) }
    }

    private static func renderGroup(_ changes: [Change], into out: inout TextCanvas) {
        var membersDone = Set<String>()
        var merged = Set<Int>()
        for (position, change) in changes.enumerated() where !merged.contains(change.index) {
            if change.action == .grant || change.action == .revoke, change.kind != .member {
                guard membersDone.insert(change.key.rawValue).inserted else { continue }
                let block = changes.filter { ($0.action == .grant || $0.action == .revoke) && $0.key == change.key && $0.kind != .member }
                renderMembers(block, into: &out)
            } else if change.action == .adopt,
                      let next = changes[(position + 1)...].first(where: { $0.key == change.key }),
                      next.action == .update || next.action == .archive {
                // An adopt and the update that completes it read as one block.
                merged.insert(next.index)
                renderChange(next, adopted: change, into: &out)
            } else {
                renderChange(change, into: &out)
            }
        }
    }

    private static func renderChange(_ change: Change, adopted: Change? = nil, into out: inout TextCanvas) {
        out.line("")
        if change.kind == .guild {
            out.line(out.bold("  # \(change.name) \(headline(change)) (one bulk request)"))
        } else if let adopted {
            out.line(out.bold("  # \(change.kind.rawValue) \(change.key) will be adopted and \(headline(change).dropFirst(8))"))
            if let reason = adopted.reason { out.line("  # (\(reason))") }
        } else {
            out.line(out.bold("  # \(change.kind.rawValue) \(change.key) \(headline(change))"))
        }
        if let reason = change.reason { out.line("  # (\(reason))") }
        let symbol = adopted == nil ? out.paint(change.action, pad(change.action.symbol, 3))
            : out.paint(.adopt, pad(Action.adopt.symbol, 3)) + out.paint(change.action, change.action.symbol)
        out.line(symbol + (change.kind == .guild ? " \(change.name)" : " \(change.kind.rawValue) \"\(change.name)\""))
        let width = change.fields.map(\.name.count).max() ?? 0
        for field in change.fields {
            let name = field.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let old = field.old.map { value($0, field.isText) }
            let new = field.new.map { value($0, field.isText) }
            switch (old, new) {
            case (nil, let new?) where change.action != .delete:
                out.line("      " + out.paint(.create, "+") + " \(name) = \(new)")
            case (let old?, nil):
                out.line("      " + out.paint(.delete, "-") + " \(name) = \(old) -> null")
            case (let old?, let new?):
                out.line("      " + out.paint(.update, "~") + " \(name) = \(old) -> \(new)")
            default:
                continue
            }
        }
    }

    private static func renderMembers(_ block: [Change], into out: inout TextCanvas) {
        guard let first = block.first else { return }
        let granted = block.filter { $0.action == .grant }.count
        let revoked = block.count - granted
        let thread = first.kind == .thread
        var parts: [String] = []
        if granted > 0 { parts.append("\(granted) member\(granted == 1 ? "" : "s") \(thread ? "added" : "granted")") }
        if revoked > 0 { parts.append("\(revoked) \(thread ? "removed" : "revoked")") }
        out.line("")
        out.line(out.bold("  # \(first.kind.rawValue) \(first.key) \"\(first.name)\": " + parts.joined(separator: ", ")))
        for change in block {
            let who = change.fields.first.flatMap { $0.new ?? $0.old } ?? ""
            out.line(out.paint(change.action, pad(change.action.symbol, 3)) + " " + who)
        }
    }

    private static func headline(_ change: Change) -> String {
        // A member's batched role change: one write of the whole list, after a fresh read.
        if change.kind == .member { return "roles will change (read fresh, then one write)" }
        return switch change.action {
        case .create: "will be created"
        case .adopt: "will be adopted (no request)"
        case .update: "will be updated in-place"
        case .move: "will change"
        case .archive: "will be archived"
        case .post: change.kind == .announcement ? "will be announced (sent once, pings: \(change.fields.last?.new ?? "nobody"))" : "will be posted"
        case .edit: "will be edited"
        case .pin: change.fields.first?.new == "false" ? "will be unpinned" : "will be pinned"
        case .delete: "will be destroyed"
        case .grant, .revoke: "members will change"
        }
    }

    private static func appendWarnings(_ plan: Plan, to out: inout TextCanvas) {
        for warning in plan.warnings {
            out.line(out.warning("Warning:") + " \(warning)")
        }
        if !plan.warnings.isEmpty { out.line("") }
    }

    /// Free text quoted, with newlines and quotes escaped; other values as they are.
    static func value(_ raw: String, _ isText: Bool) -> String {
        guard isText else { return raw }
        var escaped = ""
        for character in raw {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    private static func pad(_ symbol: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - symbol.count)) + symbol
    }
}

/// Accumulates lines, colouring only when asked.
struct TextCanvas {
    let color: Bool
    private(set) var text = ""

    mutating func line(_ s: String) { text += s + "\n" }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func warning(_ s: String) -> String { color ? "\u{1B}[1;33m\(s)\u{1B}[0m" : s }

    func paint(_ action: Action, _ s: String) -> String {
        guard color else { return s }
        let code: String
        switch action {
        case .create, .grant, .post: code = "32"
        case .delete, .revoke: code = "31"
        case .adopt: code = "36"
        case .update, .move, .archive, .edit, .pin: code = "33"
        }
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }
}
