import Foundation

/// A Discord bot token that cannot leak by accident.
///
/// `description`, `debugDescription`, reflection (`dump`, `Mirror`) and string
/// interpolation all print `BotToken(<redacted>)`. The raw value is only reachable through
/// `withRawValue`, which keeps every use of it explicit and greppable.
public struct BotToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let secret: String

    /// Wraps a token, trimming whitespace and an optional leading `Bot ` prefix.
    /// Returns nil for an empty token.
    public init?(_ raw: String) {
        var value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.hasPrefix("Bot ") { value = String(value.dropFirst(4)).trimmingCharacters(in: .whitespaces) }
        guard !value.isEmpty, Self.problem(value) == nil else { return nil }
        secret = value
    }

    /// Why `raw` cannot be a token (after trimming), or nil: a token goes into an HTTP
    /// header, so CR, LF and every other control character (and inner whitespace) would let
    /// it split or corrupt the request.
    public static func problem(_ raw: String) -> String? {
        var value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.hasPrefix("Bot ") { value = String(value.dropFirst(4)).trimmingCharacters(in: .whitespaces) }
        if value.isEmpty { return "it is empty" }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{7F}" }) {
            return "it contains a control character (CR, LF, tab, …)"
        }
        if value.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { return "it contains whitespace" }
        if !value.unicodeScalars.allSatisfy({ $0.isASCII }) { return "it contains non-ASCII characters" }
        return nil
    }

    /// Reads a token from a file (the first non-empty line). Errors name the file, never its content.
    public init(contentsOfFile path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError.tokenFileUnreadable(path: path)
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if let why = Self.problem(line), !line.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ConfigurationError.invalidToken(source: path, why)
        }
        guard let token = BotToken(line) else { throw ConfigurationError.tokenFileEmpty(path: path) }
        self = token
    }

    /// Calls `body` with the raw token, for the few places that must send it.
    public func withRawValue<T>(_ body: (String) throws -> T) rethrows -> T { try body(secret) }

    /// The `Authorization` header value.
    var authorizationValue: String { "Bot \(secret)" }

    public var description: String { "BotToken(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
