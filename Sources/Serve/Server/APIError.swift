import Foundation
import Spec

/// An error answer of the API: an HTTP status and the JSON body `{code, message}` (plus the
/// positioned diagnostics for an invalid settings document). Every failure a client can see
/// is one of these; nothing else leaks (no stack traces, no paths outside the club, no secrets).
public struct APIError: Error, Sendable, Equatable {
    /// What went wrong, for programs: stable, documented in docs/api.yaml.
    public enum Code: String, Sendable, Codable, CaseIterable {
        case unauthorized, notFound = "not_found", methodNotAllowed = "method_not_allowed"
        case unknownClub = "unknown_club", badRequest = "bad_request"
        case payloadTooLarge = "payload_too_large"
        case invalidSettings = "invalid_settings", invalidConfiguration = "invalid_configuration"
        case invalidSignature = "invalid_signature"
        case discordError = "discord_error", internalError = "internal_error"
    }

    public var status: Int
    public var code: Code
    /// What happened and what to do, for people.
    public var message: String
    /// For `invalid_settings` and `invalid_configuration`: every problem with its position.
    public var diagnostics: [Diagnostic]?

    public init(_ status: Int, _ code: Code, _ message: String, diagnostics: [Diagnostic]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    static func unknownClub(_ id: String, known: [String]) -> APIError {
        APIError(404, .unknownClub, "no club '\(id.prefix(64))' is served here; clubs: \(known.joined(separator: ", "))")
    }

    static func badRequest(_ message: String) -> APIError { APIError(400, .badRequest, message) }

    /// The JSON body.
    struct Body: Encodable {
        var code: Code
        var message: String
        var diagnostics: [Diagnostic]?
    }

    var body: Body { Body(code: code, message: message, diagnostics: diagnostics) }
}
