import Planner

/// Switches for a `Reconciler`.
public struct ReconcilerOptions: Sendable {
    /// Planner switches (`allowDestroy` is `--allow-destroy`).
    public var plan: PlanOptions
    /// Changes in flight at once during apply.
    public var maxConcurrency: Int
    /// What starts runs, recorded in the runs table (`apply`, `run`, …).
    public var trigger: String

    public init(plan: PlanOptions = PlanOptions(), maxConcurrency: Int = 8, trigger: String = "apply") {
        self.plan = plan
        self.maxConcurrency = maxConcurrency
        self.trigger = trigger
    }
}
