import Foundation

/// Work `serve` started and does not await in a request (interaction follow-ups), kept so
/// it can be awaited: by tests, and on shutdown.
public actor BackgroundTasks {
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var next = 0

    public init() {}

    /// Starts `work` in a task of its own.
    public func run(_ work: @escaping @Sendable () async -> Void) {
        next += 1
        let id = next
        tasks[id] = Task {
            await work()
            self.done(id)
        }
    }

    private func done(_ id: Int) { tasks[id] = nil }

    /// Waits until every task started so far (and any they start) has finished.
    public func waitAll() async {
        while let (id, task) = tasks.first {
            tasks[id] = nil
            await task.value
        }
    }
}
