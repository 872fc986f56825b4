import Dispatch
import Foundation

/// Turns SIGTERM/SIGINT into calls of `handler` (with the signal number and how many times it
/// arrived) through `DispatchSource`, instead of the default action of dying mid-change.
/// Keep the watcher alive as long as signals should be handled; `cancel()` restores defaults.
public final class SignalWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [DispatchSourceSignal] = []
    private var count = 0
    private let signals: [Int32]

    public init(
        signals: [Int32] = [SIGTERM, SIGINT],
        queue: DispatchQueue = DispatchQueue(label: "simlane.signals"),
        handler: @escaping @Sendable (_ signal: Int32, _ count: Int) -> Void
    ) {
        self.signals = signals
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                handler(number, self.increment())
            }
            source.resume()
            sources.append(source)
        }
    }

    private func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }

    /// Stops watching and restores the default action of each signal.
    public func cancel() {
        for source in sources { source.cancel() }
        sources = []
        for number in signals { signal(number, SIG_DFL) }
    }

    /// A signal's conventional name ("SIGTERM").
    public static func name(of number: Int32) -> String {
        switch number {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
