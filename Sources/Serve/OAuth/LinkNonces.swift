import Foundation

/// The nonces of invite-link states already presented to the callback, each kept until its
/// state expires (after that the expiry check refuses the state anyway), so a link works
/// once: a replayed `state` (browser history, a leaked URL) is refused. In memory: a restart
/// forgets them, as a random state key (the default) forgets every link.
actor LinkNonces {
    private var used: [String: Date] = [:]

    /// Claims `state`'s nonce: true the first time, false when it was already presented.
    func claim(_ state: LinkState, now: Date) -> Bool {
        used = used.filter { $0.value > now }
        guard used[state.nonce] == nil else { return false }
        used[state.nonce] = state.expires
        return true
    }
}
