/// Daemon benchmark (in development).
func runDaemonBench(_ arguments: [String]) async throws { print("not yet measured") }
