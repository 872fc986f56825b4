/// Apply benchmark (in development).
func runApplyBench(_ arguments: [String]) async throws { print("not yet measured") }
