import DiscordTypes
import Foundation

/// The emulator's counters: requests, executed mutations, 429s by scope and invalid
/// requests (401/403/429 except `shared`) in the sliding window.
public struct EmulatorCounters: Sendable, Hashable, Codable {
    public var requests = 0
    public var executed = 0
    public var rateLimited: [RateLimitScope: Int] = [:]
    public var invalidInWindow = 0
    public var invalidTotal = 0
    public var byStatus: [Int: Int] = [:]
    public var faultsInjected = 0

    public init() {}

    /// 429s of every scope.
    public var totalRateLimited: Int { rateLimited.values.reduce(0, +) }
}
