import Reconciler

/// Where `/metrics` reads the daemon's counters when `serve` runs inside `run --serve`
/// (attached once the loop exists); nothing for `serve` alone.
public actor DaemonStatusSource {
    private var provider: (@Sendable () async -> DaemonStatus)?

    public init() {}

    public func attach(_ provider: @escaping @Sendable () async -> DaemonStatus) { self.provider = provider }

    func status() async -> DaemonStatus? { await provider?() }
}
