import Foundation

/// A cheap identity of a club's configuration files on disk: changes when any document's
/// content changes, appears or disappears; unchanged by `touch` alone.
public struct ConfigFingerprint: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Hex of a 64-bit FNV-1a hash over (relative path, content hash) of every document.
    public var value: String
    /// How many documents the fingerprint covers.
    public var files: Int

    public init(value: String, files: Int) {
        self.value = value
        self.files = files
    }

    public var description: String { "\(value) (\(files) files)" }
}

/// 64-bit FNV-1a: a fast, stable, non-cryptographic hash for change detection.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    mutating func combine(_ string: String) { combine(string.utf8) }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
