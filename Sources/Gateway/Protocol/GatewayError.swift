/// Why the gateway session stopped for good. Everything else (drops, Reconnect, refused
/// resumes, zombie connections) is handled by reconnecting.
public enum GatewayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Discord closed with a code that must not reconnect (4004, 4010-4014).
    case fatalClose(code: Int, reason: String)
    /// The identify budget from `/gateway/bot` is spent until `resetAfterMs` has passed
    /// and waiting is not allowed (`GatewayConfiguration.maxIdentifyWait`).
    case identifyBudgetExhausted(resetAfterMs: Int)
    /// The first frame was not Hello.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .fatalClose(let code, let reason): "the gateway closed with \(code): \(reason); not reconnecting"
        case .identifyBudgetExhausted(let ms):
            "the identify budget (session_start_limit) is spent for \(ms / 1000) s; not identifying again until then"
        case .protocolViolation(let detail): "gateway protocol violation: \(detail)"
        }
    }
}
