import Foundation
import Planner

/// Why a plan or apply could not proceed, as one actionable sentence.
public enum ReconcileError: Error, CustomStringConvertible, Sendable {
    /// The planner refused (destroy threshold, role hierarchy).
    case refused(PlanRefusal)
    /// A saved plan no longer matches the guild or the state store.
    case stalePlan(String)
    /// The saved plan was made for another club or another configuration.
    case planMismatch(String)
    /// A saved plan's change does not fit its own change or this configuration's plan
    /// (an edited or forged plan file); nothing was sent.
    case tamperedPlan(SavedPlanViolation)

    public var description: String {
        switch self {
        case .refused(let refusal): "\(refusal)"
        case .stalePlan(let why): "the saved plan is stale: \(why); run plan again"
        case .planMismatch(let why): "the saved plan does not match: \(why); run plan again"
        case .tamperedPlan(let violation):
            "refusing the saved plan, nothing was changed: \(violation); the file was edited or made from another configuration; run plan again"
        }
    }
}
