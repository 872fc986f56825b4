import Foundation
import Logging
@testable import Reconciler

/// A clock whose sleeps return at once after moving virtual time to the deadline, so a
/// `ReconcileLoop.run()` crosses hours in microseconds. `date` maps virtual time to a `Date`.
final class VirtualClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var sleeps: [Duration] = []
    private var gate: (@Sendable () async -> Bool)?
    let base: Date

    init(base: Date) { self.base = base }

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .milliseconds(1) }

    /// The virtual wall time.
    var date: Date { base.addingTimeInterval(now.offset.seconds) }

    /// Every sleep requested, in order.
    var recordedSleeps: [Duration] { lock.withLock { sleeps } }

    /// Time only moves on when `gate` says so (e.g. when no pass is in flight), so work
    /// started at an instant finishes at that instant.
    func setGate(_ gate: @escaping @Sendable () async -> Bool) { lock.withLock { self.gate = gate } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        if let gate = lock.withLock({ self.gate }) {
            while await !gate() {
                try Task.checkCancellation()
                await Task.yield()
            }
        }
        lock.withLock {
            sleeps.append(current.duration(to: deadline))
            if current < deadline { current = deadline }
        }
        await Task.yield()
        try Task.checkCancellation()
    }

    func advance(to date: Date) {
        lock.withLock {
            let target = Instant(offset: .milliseconds(Int64((date.timeIntervalSince(base) * 1000).rounded())))
            if current < target { current = target }
        }
    }
}

/// A mutable `Date` for tests that drive the loop tick by tick.
final class TestNow: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ value: Date) { self.value = value }
    var date: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// A club driver over an in-memory "guild" for the loop's own tests. A club's document
/// `club.yaml` holds `transitions: <unix seconds>,…` (instants at which its layout changes)
/// and optionally `fail: yes` / `fail: unauthorized`; a line `broken` is a syntax error.
/// Each pass records the instant it ran for; the layout at an instant is the number of
/// transitions passed, and a pass "applies" one change when that number moved.
actor FakeGuilds: ClubReconciling {
    struct Config: Sendable, Hashable {
        var transitions: [Date]
        var failure: String?
    }

    enum FakeError: Error { case outage, unauthorized }

    private(set) var passes: [String: [Date]] = [:]
    private(set) var layouts: [String: Int] = [:]
    private var requests = 0
    private var blocked: [String: CheckedContinuation<Void, Never>] = [:]
    private var blockClubs: Set<String> = []
    private var sawStop: [String: Bool] = [:]

    nonisolated func load(_ club: ClubSource) async -> Result<Config, ConfigRejection> {
        let file = URL(fileURLWithPath: club.path).appendingPathComponent("club.yaml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            return .failure(ConfigRejection(diagnostics: ["\(file.path):1:1: error: missing"]))
        }
        var config = Config(transitions: [], failure: nil)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("transitions:") {
                config.transitions = line.dropFirst("transitions:".count).split(separator: ",")
                    .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                    .map { Date(timeIntervalSince1970: $0) }.sorted()
            } else if line.hasPrefix("fail:") {
                config.failure = line.dropFirst("fail:".count).trimmingCharacters(in: .whitespaces)
            } else if line.trimmingCharacters(in: .whitespaces) == "broken" {
                return .failure(ConfigRejection(diagnostics: [
                    "\(file.path):\(index + 1):1: error: expected 'key: value'",
                ]))
            }
        }
        return .success(config)
    }

    func reconcile(_ club: ClubSource, config: Config, now: Date, stop: StopSignal) async throws
        -> PassOutcome
    {
        passes[club.id, default: []].append(now)
        requests += 1
        if blockClubs.contains(club.id) {
            await withCheckedContinuation { blocked[club.id] = $0 }
            sawStop[club.id] = stop.isStopRequested
        }
        switch config.failure {
        case "unauthorized": throw FakeError.unauthorized
        case "yes": throw FakeError.outage
        default: break
        }
        let layout = config.transitions.filter { $0 <= now }.count
        let changed = layouts[club.id] != layout
        layouts[club.id] = layout
        let next = config.transitions.first { $0 > now }
        return PassOutcome(
            planned: changed ? 1 : 0, applied: changed ? 1 : 0, nextTransition: next,
            nextTransitionReason: next.map { "step \(config.transitions.firstIndex(of: $0)! + 1)" },
            interrupted: stop.isStopRequested)
    }

    nonisolated func classify(_ error: any Error) -> FailureClass {
        switch error as? FakeError {
        case .unauthorized: .fatal("Discord rejected the bot token (401 Unauthorized): check DISCORD_BOT_TOKEN")
        default: .retryable("Discord unavailable (503)")
        }
    }

    func counters() async -> RequestCounters { RequestCounters(requests: requests, rateLimited: 0) }

    /// Passes of `club` block until `release(club)`.
    func block(_ club: String) { blockClubs.insert(club) }

    func release(_ club: String) {
        blockClubs.remove(club)
        blocked.removeValue(forKey: club)?.resume()
    }

    func isBlocked(_ club: String) -> Bool { blocked[club] != nil }

    func stopSeen(by club: String) -> Bool? { sawStop[club] }
}

/// A temporary directory of clubs for one test.
struct ClubDirectory {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("simlane-daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(club: String, _ text: String) throws -> ClubSource {
        let dir = root.appendingPathComponent(club)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("club.yaml")
        try Data(text.utf8).write(to: file)
        return ClubSource(id: club, path: dir.standardizedFileURL.path)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension Logger {
    /// A logger writing to a memory sink (no global bootstrap in tests).
    static func daemonTest(_ sink: LogSink = .memory(), format: LogFormat = .text) -> Logger {
        Logger(label: "test.daemon") { label in
            DaemonLogHandler(label: label, format: format, sink: sink, level: .debug,
                             now: { Date(timeIntervalSince1970: 0) })
        }
    }
}

extension Date {
    /// `Date(iso: "2026-12-05T17:00:00Z")`
    init(iso: String) {
        self = try! Date(iso, strategy: .iso8601)
    }
}
