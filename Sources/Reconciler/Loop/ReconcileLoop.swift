import Discord
import Foundation
import Logging

/// The continuous reconciler: keeps many clubs' guilds converged as their seasons unfold.
///
/// Each club runs independently in its own task (a slow or failing club never holds up the
/// others) through one shared `Driver`, hence one Discord client and one global rate limit.
/// A tick (every `tickInterval`, or exactly at the next wake) notices edited configuration
/// files and starts every club whose wake has come; `Scheduler` decides the wakes.
/// Time comes from the injected `now`/`clock`, randomness from the injected generator, so
/// tests drive the loop tick by tick (`tick(at:)`, `waitUntilIdle()`) without sleeping.
public actor ReconcileLoop<Driver: ClubReconciling> {
    struct Club {
        var source: ClubSource
        var config: Driver.Config?
        /// Fingerprint of the documents last validated (accepted or rejected).
        var fingerprint: ConfigFingerprint?
        var status: ClubStatus
    }

    public nonisolated let driver: Driver
    let options: LoopOptions
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    var generator: any RandomNumberGenerator & Sendable
    let logger: Logger
    let statusFile: StatusFile?
    /// Raised on shutdown; passes in flight see it between changes.
    public nonisolated let stopSignal = StopSignal()

    var order: [String]
    var clubs: [String: Club] = [:]
    var scheduler: Scheduler
    var watcher = ConfigWatcher()
    var running: [String: Task<Void, Never>] = [:]
    var counters = DaemonCounters()
    var fatalError: String?
    var stopRequested = false
    /// Clubs to reload at the next tick whether or not their files changed (SIGHUP).
    var reloadRequested: Set<String> = []
    var started = false
    var startedAt = Date(timeIntervalSince1970: 0)
    var state: DaemonStatus.State = .starting
    var statusDirty = true
    /// When the status file was last written (a heartbeat rewrites it every 30 s).
    var lastStatusWrite = Date.distantPast
    var idleWaiters: [Int: CheckedContinuation<Bool, Never>] = [:]
    var nextWaiterID = 0
    var sleeper: Task<Void, Never>?
    /// Gateway events that arrived while the club's pass was running (`requestPass`).
    var pendingEvents: [String: (at: Date, reason: WakeReason)] = [:]

    public init(
        clubs: [ClubSource], driver: Driver, options: LoopOptions = LoopOptions(),
        clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() },
        random: some RandomNumberGenerator & Sendable = SeededRandomNumberGenerator(),
        logger: Logger, statusFile: StatusFile? = nil
    ) {
        self.driver = driver
        self.options = options
        self.clock = clock
        self.now = now
        self.generator = random
        self.logger = logger
        self.statusFile = statusFile
        self.scheduler = Scheduler(pollInterval: options.pollInterval, backoff: options.backoff)
        self.order = clubs.map(\.id)
        for club in clubs {
            self.clubs[club.id] = Club(source: club, status: ClubStatus(id: club.id, path: club.path))
        }
    }

    // MARK: - Driving the loop

    /// Loads every club's configuration; clubs with a valid one are due at once, the others
    /// wait for their files to be fixed. Called by `run()`/`runOnce()`; idempotent.
    public func start(at instant: Date) async {
        guard !started else { return }
        started = true
        startedAt = instant
        logger.info("daemon starting", metadata: [
            "clubs": "\(order.count)", "poll_interval_s": "\(Int(options.pollInterval.seconds))",
        ])
        for id in order { await load(id, at: instant, initial: true) }
        state = .running
        await writeStatusIfDirty(force: true)
    }

    /// One tick at `instant`: reload clubs whose files changed (validated first), then start
    /// every idle club whose wake has come. Returns the clubs started.
    @discardableResult
    public func tick(at instant: Date) async -> [String] {
        await start(at: instant)
        for id in order where running[id] == nil {
            guard let club = clubs[id] else { continue }
            if reloadRequested.remove(id) != nil || watcher.fingerprint(of: club.source) != club.fingerprint {
                await load(id, at: instant, initial: false)
            }
        }
        guard !stopRequested, fatalError == nil else { return [] }
        let due = scheduler.due(at: instant, excluding: Set(running.keys))
        for id in due { launch(id, at: instant) }
        await writeStatusIfDirty(force: instant.timeIntervalSince(lastStatusWrite) >= 30)
        return due
    }

    /// Runs until stopped (`requestStop`) or a fatal error, sleeping on the injected clock
    /// until the next wake or the next file check, whichever comes first.
    public func run() async -> DaemonExit {
        await start(at: now())
        while !stopRequested, fatalError == nil {
            await tick(at: now())
            if stopRequested || fatalError != nil { break }
            let current = now()
            var wake = current.addingTimeInterval(options.tickInterval.seconds)
            if let next = scheduler.nextWake(excluding: Set(running.keys)), next.at < wake {
                wake = next.at
            }
            let delay = wake.timeIntervalSince(current)
            if delay > 0 { await sleep(seconds: delay) }
        }
        return await shutdown()
    }

    /// One pass over every club (`run --once`): reconcile each club with a valid
    /// configuration once, wait for all, and report whether all converged.
    public func runOnce() async -> OncePassResult {
        let instant = now()
        await start(at: instant)
        for id in order where clubs[id]?.config != nil { launch(id, at: instant) }
        _ = await waitForIdle(timeout: nil)
        state = fatalError == nil ? .stopped : .failed
        await writeStatusIfDirty(force: true)
        return OncePassResult(clubs: order.map(clubStatus), fatalError: fatalError)
    }

    /// Asks the loop to stop: passes in flight finish their current change and return.
    public func requestStop(reason: String) {
        guard !stopRequested else { return }
        stopRequested = true
        stopSignal.stop()
        sleeper?.cancel()
        logger.notice("stopping: finishing the changes in flight", metadata: [
            "reason": "\(reason)", "in_flight": "\(running.count)",
        ])
    }

    /// Reloads every club's configuration at the next tick, as if its files had changed
    /// (SIGHUP): a valid one replaces the one in force and the club reconciles; an invalid
    /// one is reported and the last good one stays. The daemon keeps running.
    public func requestReload(reason: String) {
        guard !stopRequested else { return }
        reloadRequested = Set(order)
        logger.notice("reloading the configuration", metadata: ["reason": "\(reason)", "clubs": "\(order.count)"])
        sleeper?.cancel()
    }

    /// Stops waiting for passes in flight (a second signal): shutdown proceeds at once.
    public func forceStop() {
        requestStop(reason: "forced")
        resumeIdleWaiters(false)
    }

    /// Waits until no pass is in flight (tests, after `tick(at:)`).
    public func waitUntilIdle() async { _ = await waitForIdle(timeout: nil) }

    // MARK: - Inspection

    /// The earliest wake of any idle club.
    public func nextWake() -> ScheduledWake? { scheduler.nextWake(excluding: Set(running.keys)) }

    /// The schedule of one club.
    public func schedule(of club: String) -> ClubSchedule? { scheduler[club] }

    /// Whether a stop was requested (a signal, or a fatal error).
    public func isStopping() -> Bool { stopRequested }

    /// Clubs with a pass in flight.
    public func inFlight() -> Set<String> { Set(running.keys) }

    /// The status as the status file shows it.
    public func status() async -> DaemonStatus {
        var status = makeStatus()
        let requests = await driver.counters()
        status.counters.requests = requests.requests
        status.counters.rateLimited = requests.rateLimited
        return status
    }

    /// The status of one club.
    public func status(of club: String) -> ClubStatus? { clubs[club] == nil ? nil : clubStatus(club) }
}
