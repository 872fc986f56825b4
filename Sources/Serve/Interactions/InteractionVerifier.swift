import Crypto
import Foundation

/// Checks that an interaction request comes from Discord (DISCORD.md §7): an Ed25519
/// signature (`X-Signature-Ed25519`, hex) over the bytes of `X-Signature-Timestamp` followed
/// by the raw body, made with the application's key, and a timestamp close to now (a
/// replayed request is refused even with a valid signature).
struct InteractionVerifier: Sendable {
    /// Why a request was refused (all answered 401; the reason goes to the log only).
    enum Refusal: String, Error, Sendable {
        case missingHeaders = "missing signature headers"
        case malformedSignature = "malformed signature"
        case badTimestamp = "malformed timestamp"
        case stale = "timestamp too far from now"
        case noKey = "no club has discord.public_key"
        case invalidSignature = "signature does not verify"
    }

    let maxAge: TimeInterval

    /// The keys (hex) among `keys` that signed the request.
    func verify(signature: String?, timestamp: String?, body: Data, keys: [String], now: Date) throws(Refusal) -> Set<String> {
        guard let signature, let timestamp, !signature.isEmpty, !timestamp.isEmpty else { throw .missingHeaders }
        guard let signatureBytes = Self.bytes(hex: signature), signatureBytes.count == 64 else { throw .malformedSignature }
        guard timestamp.count <= 12, timestamp.allSatisfy(\.isASCIIDigit), let seconds = TimeInterval(timestamp) else {
            throw .badTimestamp
        }
        guard abs(now.timeIntervalSince1970 - seconds) <= maxAge else { throw .stale }
        guard !keys.isEmpty else { throw .noKey }
        let message = Data(timestamp.utf8) + body
        var matched: Set<String> = []
        for hex in Set(keys) {
            guard let raw = Self.bytes(hex: hex), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
            else { continue }
            if key.isValidSignature(Data(signatureBytes), for: message) { matched.insert(hex) }
        }
        guard !matched.isEmpty else { throw .invalidSignature }
        return matched
    }

    /// The bytes of an even-length hex string, or nil.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
