import Planner

/// The planner's `Operation`, under a name that does not collide with Foundation's
/// `Operation` in files that import Foundation.
public typealias PlanOperation = Operation
