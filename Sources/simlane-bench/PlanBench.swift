/// Plan benchmark (in development).
func runPlanBench(_ arguments: [String]) async throws { print("not yet measured") }
