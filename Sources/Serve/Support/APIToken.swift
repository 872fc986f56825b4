import Foundation

/// The bearer token that admin endpoints require (`SIMLANE_API_TOKEN` or `--api-token-file`).
/// Compared in constant time, never printed: `description` is redacted.
public struct APIToken: Sendable, CustomStringConvertible, CustomReflectable {
    private let bytes: [UInt8]

    /// Nil for an empty or whitespace-only token (a token file with only a newline).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        bytes = Array(trimmed.utf8)
    }

    /// Whether an `Authorization` header value is `Bearer <this token>`. Takes the same time
    /// whatever prefix of the token matches (it depends only on the lengths).
    public func accepts(authorization header: String?) -> Bool {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
        return Self.constantTimeEqual(Array(header.dropFirst(7).utf8), bytes)
    }

    /// Compares every byte of the longer input, whatever differs first.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        let count = max(lhs.count, rhs.count)
        var difference = UInt8(lhs.count == rhs.count ? 0 : 1)
        for index in 0..<count {
            let a = index < lhs.count ? lhs[index] : 0
            let b = index < rhs.count ? rhs[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }

    public var description: String { "APIToken(redacted)" }
    public var customMirror: Mirror { Mirror(self, children: []) }

    /// The token from `--api-token-file` (first) or `SIMLANE_API_TOKEN`.
    public static func load(file: String?, environment: [String: String]) throws(ServeSetupError) -> APIToken {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .tokenFileUnreadable(file)
            }
            guard let token = APIToken(String(decoding: data, as: UTF8.self)) else { throw .tokenFileEmpty(file) }
            return token
        }
        guard let token = APIToken(environment["SIMLANE_API_TOKEN"] ?? "") else { throw .noToken }
        return token
    }
}

/// Why `serve` cannot start, with what to do.
public enum ServeSetupError: Error, Sendable, CustomStringConvertible {
    case noToken
    case tokenFileUnreadable(String)
    case tokenFileEmpty(String)
    case badListenAddress(String)
    case couldNotBind(String)

    public var description: String {
        switch self {
        case .noToken:
            "no API token: set SIMLANE_API_TOKEN or pass --api-token-file FILE (admin endpoints require it as a bearer token)"
        case .tokenFileUnreadable(let file): "cannot read the API token file \(file)"
        case .tokenFileEmpty(let file): "the API token file \(file) is empty"
        case .badListenAddress(let text):
            "--listen '\(text.prefix(60))' is not HOST:PORT; write it like 127.0.0.1:8080"
        case .couldNotBind(let address): "could not listen on \(address) (in use, or not an address of this machine)"
        }
    }
}
