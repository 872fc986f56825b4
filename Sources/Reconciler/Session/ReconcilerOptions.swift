import Foundation
import Planner

/// Switches for a `Reconciler`.
public struct ReconcilerOptions: Sendable {
    /// Planner switches (`allowDestroy` is `--allow-destroy`).
    public var plan: PlanOptions
    /// Changes in flight at once during apply.
    public var maxConcurrency: Int
    /// What starts runs, recorded in the runs table (`apply`, `run`, …).
    public var trigger: String
    /// How long thread members and managed messages read by one plan stand for Discord's
    /// answer in later plans of the same reconciler, unless an apply touched them (`ReadCache`);
    /// 0 (the default) reads them every time. Out-of-band changes to them are noticed only
    /// after this long, so set it only with a change feed or a tolerable delay.
    public var readCacheLifetime: TimeInterval

    public init(plan: PlanOptions = PlanOptions(), maxConcurrency: Int = 8, trigger: String = "apply",
                readCacheLifetime: TimeInterval = 0) {
        self.plan = plan
        self.maxConcurrency = maxConcurrency
        self.trigger = trigger
        self.readCacheLifetime = readCacheLifetime
    }
}
