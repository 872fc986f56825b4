import Foundation
import MemberSync
import Reconciler

/// Member syncs started through the API or `/sync`, in memory: each runs in a task of its
/// own, so a request answers within its budget whether or not the sync has finished. One
/// sync per club at a time: starting one while another runs returns the running one.
public actor SyncRuns {
    /// One sync as `GET …/sync-members/{run}` reports it.
    public struct Run: Sendable, Encodable {
        public enum Status: String, Sendable, Encodable { case running, succeeded, failed }
        public var id: String
        public var club: String
        public var status: Status
        public var startedAt: Date
        public var finishedAt: Date?
        public var report: MemberSyncer.Report?
        /// Why it failed (Discord's answer, the state lock), for people.
        public var error: String?
    }

    private var runs: [String: Run] = [:]
    private var order: [String] = []
    private var tasks: [String: Task<Void, Never>] = [:]
    private let keep = 100
    private var counter = 0

    public init() {}

    /// Starts `work` for `club` unless a sync of `club` is running; returns the run id and
    /// whether this call started it.
    func start(club: String, at now: Date, clock: @escaping @Sendable () -> Date,
               work: @escaping @Sendable () async throws -> MemberSyncer.Report) -> (id: String, started: Bool) {
        if let running = runs.values.first(where: { $0.club == club && $0.status == .running }) {
            return (running.id, false)
        }
        counter += 1
        let id = "sync-\(Int(now.timeIntervalSince1970))-\(counter)"
        runs[id] = Run(id: id, club: club, status: .running, startedAt: now)
        order.append(id)
        if order.count > keep, let oldest = order.first, runs[oldest]?.status != .running {
            order.removeFirst()
            runs[oldest] = nil
        }
        tasks[id] = Task {
            do {
                let report = try await work()
                self.finish(id, report: report, error: nil, at: clock())
            } catch {
                self.finish(id, report: nil, error: ServeText.describe(error), at: clock())
            }
        }
        return (id, true)
    }

    private func finish(_ id: String, report: MemberSyncer.Report?, error: String?, at: Date) {
        tasks[id] = nil
        guard var run = runs[id] else { return }
        run.status = report == nil ? .failed : .succeeded
        run.report = report
        run.error = error
        run.finishedAt = at
        runs[id] = run
        for waiter in (waiters.removeValue(forKey: id) ?? [:]).values { waiter.resume() }
    }

    public func run(_ id: String) -> Run? { runs[id] }

    /// Waits until run `id` finishes or `budget` passes, whichever is first; returns the run.
    /// (Awaiting the run's task directly could not be cut short: a task group waits for
    /// all its children, and awaiting a task's value ignores cancellation.)
    func wait(_ id: String, budget: Duration, clock: any Clock<Duration>) async -> Run? {
        guard runs[id]?.status == .running, budget > .zero else { return runs[id] }
        let token = UUID()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.suspendUntilFinished(id, token: token) }
            group.addTask { try? await clock.sleep(for: budget, tolerance: nil) }
            await group.next()
            group.cancelAll()
        }
        return runs[id]
    }

    private var waiters: [String: [UUID: CheckedContinuation<Void, Never>]] = [:]

    /// Returns when run `id` finishes, or at once when the calling task is cancelled.
    private func suspendUntilFinished(_ id: String, token: UUID) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                if runs[id]?.status != .running || Task.isCancelled {
                    continuation.resume()
                } else {
                    waiters[id, default: [:]][token] = continuation
                }
            }
        } onCancel: {
            Task { await self.release(id, token: token) }
        }
    }

    private func release(_ id: String, token: UUID) {
        waiters[id]?.removeValue(forKey: token)?.resume()
    }

    /// Waits for run `id` to finish, however long it takes (tests, `/sync` follow-ups).
    public func finished(_ id: String) async -> Run? {
        if let task = tasks[id] { await task.value }
        return runs[id]
    }
}
