import DiscordTypes

/// A failed Discord call, with everything a club admin or the reconciler needs to act.
///
/// Carries the HTTP status, Discord's JSON code and message, the errors tree flattened to
/// field paths, the route (`PATCH /channels/123`, never the token or a query string) and
/// `advice`: one sentence saying what to do. `description` renders all of it on one line
/// plus one line per field error.
public struct DiscordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; decides whether the reconciler may continue.
    public enum Kind: Sendable, Hashable {
        /// Discord answered with a non-2xx status (see `status`, `code`).
        case http
        /// A 401: the token is invalid. The client has stopped; every later call fails fast.
        case unauthorized
        /// The client stopped earlier (after a 401) and refused this request without sending it.
        case clientStopped
        /// The circuit breaker is open: too many 401/403/429 answers in its window.
        case circuitOpen
        /// Rate-limited more times than the policy allows for one request.
        case rateLimitRetriesExhausted
        /// A create (POST) failed in a way that leaves unknown whether Discord applied it.
        /// Re-read the guild before trying again so nothing is created twice.
        case outcomeUnknown
        /// No response after all retries (connection failures, timeouts, 5xx).
        case unavailable
        /// The response could not be decoded into the expected type.
        case decoding
    }

    public var kind: Kind
    /// `METHOD /path` of the failed call.
    public var route: String
    public var status: Int?
    /// Discord's JSON error code (50013, 10003, …).
    public var code: Int?
    /// Discord's message, or the client's own explanation.
    public var message: String
    public var fieldErrors: [DiscordErrorBody.FieldError]
    /// One sentence a club admin can act on.
    public var advice: String

    public init(kind: Kind, route: String, status: Int? = nil, code: Int? = nil, message: String,
                fieldErrors: [DiscordErrorBody.FieldError] = [], advice: String? = nil) {
        self.kind = kind
        self.route = route
        self.status = status
        self.code = code
        self.message = message
        self.fieldErrors = fieldErrors
        self.advice = advice ?? DiscordError.advice(kind: kind, status: status, code: code,
                                                   route: route, fieldErrors: fieldErrors)
    }

    /// Whether Discord reported the resource as gone (unknown channel, role, member, message…).
    public var isNotFound: Bool {
        status == 404 || [10003, 10004, 10007, 10008, 10011, 10013].contains(code ?? 0)
    }

    public var description: String {
        var head = "\(route) failed"
        if let status { head += ": HTTP \(status)" }
        if let code { head += " (code \(code))" }
        head += ": \(message)."
        if !advice.isEmpty { head += " \(advice)" }
        let fields = fieldErrors.map { "  \($0.path.isEmpty ? "(body)" : $0.path): \($0.code) \($0.message)" }
        return ([head] + fields).joined(separator: "\n")
    }
}

extension DiscordErrorBody.FieldError: CustomStringConvertible {
    public var description: String { "\(path): \(code) \(message)" }
}
