/// Client benchmark (in development).
func runClientBench(_ arguments: [String]) async throws { print("not yet measured") }
