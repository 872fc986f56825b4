/// Counts per action and the totals of the summary line
/// `Plan: 4 to add, 2 to change, 1 to destroy; 9 requests, about 3 s.`
public struct PlanSummary: Hashable, Sendable {
    /// Number of changes per action (every action present, zero when absent).
    public var counts: [Action: Int]
    public var requests: Int
    public var estimatedSeconds: Double

    public init(changes: [Change], requests: Int, estimatedSeconds: Double) {
        var counts = Dictionary(uniqueKeysWithValues: Action.allCases.map { ($0, 0) })
        for change in changes { counts[change.action, default: 0] += 1 }
        self.counts = counts
        self.requests = requests
        self.estimatedSeconds = estimatedSeconds
    }

    public subscript(action: Action) -> Int { counts[action] ?? 0 }

    /// The total for one part of the summary line.
    public func total(_ tally: Action.Tally) -> Int {
        Action.allCases.filter { $0.tally == tally }.reduce(0) { $0 + self[$1] }
    }

    /// Actions present, in legend order.
    public var actionsPresent: [Action] { Action.allCases.filter { self[$0] > 0 } }

    /// `about 3 s`, `under 1 s`, `about 2 min`.
    public var durationText: String {
        if estimatedSeconds < 1 { return "under 1 s" }
        let seconds = Int(estimatedSeconds.rounded(.up))
        if seconds < 120 { return "about \(seconds) s" }
        return "about \(Int((Double(seconds) / 60).rounded())) min"
    }

    /// `Plan: 1 to adopt, 4 to add, 2 to change, 1 to destroy; 9 requests, about 3 s.`
    /// (the adopt part only when something is adopted, as Terraform does with imports).
    public var line: String {
        var parts: [String] = []
        if total(.adopt) > 0 { parts.append("\(total(.adopt)) to adopt") }
        parts.append("\(total(.add)) to add")
        parts.append("\(total(.change)) to change")
        parts.append("\(total(.destroy)) to destroy")
        let noun = requests == 1 ? "request" : "requests"
        return "Plan: " + parts.joined(separator: ", ") + "; \(requests) \(noun), \(durationText)."
    }
}
