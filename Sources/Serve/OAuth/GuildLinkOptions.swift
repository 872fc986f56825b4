import Crypto
import Foundation

/// Linking a guild to its club on invite (seed flow 2): the invite URL asks Discord to send
/// the admin back to `/oauth/discord/callback` with a code and our signed `state`; the
/// callback exchanges the code with the application's client secret and records the guild.
public struct GuildLinkOptions: Sendable, CustomStringConvertible, CustomReflectable {
    /// Where this server is reachable from a browser (`https://simlane.example`).
    public var publicURL: URL
    /// The application's OAuth2 client secret (developer portal › OAuth2). Never logged.
    public var clientSecret: String
    /// Signs `state` (HMAC-SHA256). From `--state-secret-file` / `SIMLANE_STATE_SECRET`, or
    /// random per process (links then expire with the process).
    public var stateKey: SymmetricKey
    /// How long an invite link's `state` is accepted.
    public var stateLifetime: TimeInterval

    public init(publicURL: URL, clientSecret: String, stateKey: SymmetricKey = SymmetricKey(size: .bits256),
                stateLifetime: TimeInterval = 3600) {
        self.publicURL = publicURL
        self.clientSecret = clientSecret
        self.stateKey = stateKey
        self.stateLifetime = stateLifetime
    }

    /// Never shows the client secret or the state key (logs, `dump`, string interpolation).
    public var description: String { "GuildLinkOptions(publicURL: \(publicURL), clientSecret: redacted, stateKey: redacted)" }
    public var customMirror: Mirror { Mirror(self, children: ["publicURL": publicURL]) }

    /// The redirect URI registered in the developer portal.
    public var redirectURI: String {
        publicURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/oauth/discord/callback"
    }

    /// A state key from secret text (a file's content or the environment).
    public static func stateKey(secret: String) -> SymmetricKey {
        SymmetricKey(data: SHA256.hash(data: Data(secret.utf8)))
    }
}

/// The `state` of an invite link: the club, a random nonce and an expiry, HMAC-SHA256-signed,
/// so the callback knows which club the guild joins and that this server made the link; the
/// nonce makes each link usable once (`LinkNonces`).
/// Format: `base64url(club "." nonce "." expiry) "." base64url(mac)`.
struct LinkState {
    var club: String
    /// 128 random bits, base64url (no dots).
    var nonce: String
    var expires: Date

    /// A new state for `club` with a fresh random nonce.
    static func issue(club: String, expires: Date) -> LinkState {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return LinkState(club: club, nonce: base64url(Data(bytes)), expires: expires)
    }

    func encoded(key: SymmetricKey) -> String {
        let payload = Data("\(club).\(nonce).\(Int(expires.timeIntervalSince1970))".utf8)
        let mac = Data(HMAC<SHA256>.authenticationCode(for: payload, using: key))
        return Self.base64url(payload) + "." + Self.base64url(mac)
    }

    /// Why a `state` was refused.
    enum Refusal: String, Error {
        case malformed = "the link's state is malformed"
        case forged = "the link's state was not made by this server"
        case expired = "the link expired: ask for a new invite URL"
        case used = "the link was already used: ask for a new invite URL"
    }

    /// The state in `text` when its MAC verifies (constant time) and it has not expired.
    static func verify(_ text: String, key: SymmetricKey, now: Date) throws(Refusal) -> LinkState {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, text.count <= 512, let payload = data(base64url: String(parts[0])),
              let mac = data(base64url: String(parts[1])) else { throw .malformed }
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: key) else { throw .forged }
        let fields = String(decoding: payload, as: UTF8.self)
        guard let dot = fields.lastIndex(of: "."), let seconds = TimeInterval(fields[fields.index(after: dot)...]),
              let nonceDot = fields[..<dot].lastIndex(of: "."), fields.index(after: nonceDot) < dot else {
            throw .malformed
        }
        let state = LinkState(club: String(fields[..<nonceDot]), nonce: String(fields[fields.index(after: nonceDot)..<dot]),
                              expires: Date(timeIntervalSince1970: seconds))
        guard state.expires > now else { throw .expired }
        return state
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64url text: String) -> Data? {
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base += "=" }
        return Data(base64Encoded: base)
    }
}
