import DiscordTypes
import Foundation

/// One endpoint call: method, path template, concrete path, query.
///
/// The template (`/channels/{channel_id}/permissions/{overwrite_id}`) is the normalised route
/// the rate limiter keys buckets by; the major parameter (`channels/123`) separates buckets
/// per top-level resource, as Discord does. A route never carries the token or secrets, so its
/// `description` is safe in logs and errors.
public struct Route: Sendable, Hashable, CustomStringConvertible {
    public let method: HTTPMethod
    public let template: String
    public let path: String
    public let query: [URLQueryItem]
    /// Who the request authenticates as (the bot, or the application for OAuth2).
    public let credentials: DiscordEndpoint.Credentials

    /// A call to `endpoint` (the one description of Discord's routes, in `DiscordTypes`) with
    /// `values` for its placeholders in order.
    public init(_ endpoint: DiscordEndpoint, _ values: any CustomStringConvertible..., query: [URLQueryItem] = []) {
        self.init(method: endpoint.method, template: endpoint.template, values: values, query: query,
                  credentials: endpoint.credentials)
    }

    /// A route to a template no `DiscordEndpoint` describes (tests, new endpoints).
    public init(_ method: HTTPMethod, _ template: String, _ values: any CustomStringConvertible...,
                query: [URLQueryItem] = []) {
        self.init(method: method, template: template, values: values, query: query, credentials: .bot)
    }

    private init(method: HTTPMethod, template: String, values: [any CustomStringConvertible], query: [URLQueryItem],
                 credentials: DiscordEndpoint.Credentials) {
        self.method = method
        self.template = template
        self.query = query
        self.credentials = credentials
        let encoded = values.map { value -> String in
            let text = String(describing: value)
            return text.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? text
        }
        self.path = DiscordEndpoint(method, template, major: .none).path(encoded)
    }

    /// `METHOD template`: the rate limiter's route key.
    public var key: String { "\(method) \(template)" }

    /// `channels/123`, `guilds/456`, `webhooks/789`, or `global` for routes without one.
    public var majorParameter: String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.count >= 2, ["channels", "guilds", "webhooks"].contains(segments[0]) else {
            return "global"
        }
        return "\(segments[0])/\(segments[1])"
    }

    /// Whether the route counts towards the global limit (interaction callbacks and webhooks do not).
    public var countsTowardsGlobalLimit: Bool {
        !(path.hasPrefix("/interactions") || path.hasPrefix("/webhooks"))
    }

    /// `METHOD /concrete/path` without the query string; for interaction webhooks, whose
    /// path carries the interaction's token, the template instead.
    public var description: String { countsTowardsGlobalLimit ? "\(method) \(path)" : key }

    /// RFC 3986 unreserved characters (ASCII only; `alphanumerics` would let `é` through).
    static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    private static let segmentAllowed = unreserved.union(CharacterSet(charactersIn: "@"))
}
