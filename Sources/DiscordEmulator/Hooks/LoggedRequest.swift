import DiscordTypes
import Foundation

/// One request as the emulator saw it: what was asked and what it answered.
public struct LoggedRequest: Sendable, Hashable, Codable {
    public var method: String
    /// The path as requested, without the query string.
    public var path: String
    /// The route key (`PATCH /channels/{channel_id}`), or nil for unknown routes.
    public var route: String?
    public var status: Int
    /// The parsed JSON body, if any.
    public var body: JSONValue?
    /// Discord's error code for error answers.
    public var errorCode: Int?
    /// The 429 scope, for rate-limited answers.
    public var scope: RateLimitScope?
    public var time: Date
    /// The `User-Agent` header as sent (Discord wants `DiscordBot (url, version)`).
    public var userAgent: String?
    /// The `X-Audit-Log-Reason` header, URL-decoded.
    public var auditLogReason: String?
}
