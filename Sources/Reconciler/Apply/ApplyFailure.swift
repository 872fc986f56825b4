import Foundation

/// A failed change, described for the journal and for people: HTTP status, Discord code,
/// and one actionable sentence. `outcomeUnknown` marks failures that leave it open whether
/// Discord applied the change (the journal intent then stays pending for recovery).
struct ApplyFailure {
    var httpStatus: Int?
    var discordCode: Int?
    var sentence: String
    var outcomeUnknown: Bool
    /// The failure ends the whole apply (a rejected token): every further request would
    /// fail the same way, and each one counts towards Discord's invalid-request ban.
    var stopsApply: Bool

    init(_ error: any Error) {
        if let described = error as? any ApplyFailureDescribing {
            httpStatus = described.failureHTTPStatus
            discordCode = described.failureDiscordCode
            sentence = described.failureSentence
            outcomeUnknown = described.failureOutcomeUnknown
            stopsApply = described.failureStopsApply
        } else {
            httpStatus = nil
            discordCode = nil
            sentence = "\(error)"
            outcomeUnknown = false
            stopsApply = false
        }
    }
}

/// Errors that know how to describe themselves as an apply failure.
protocol ApplyFailureDescribing: Error {
    var failureHTTPStatus: Int? { get }
    var failureDiscordCode: Int? { get }
    var failureSentence: String { get }
    var failureOutcomeUnknown: Bool { get }
    var failureStopsApply: Bool { get }
}

extension ApplyFailureDescribing {
    var failureStopsApply: Bool { false }
}
