/// A deterministic 64-bit FNV-1a hasher: the same input gives the same hash in every
/// process (unlike `Hasher`, which is seeded per process). For fingerprints and applied
/// hashes, not for security.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
    }

    public mutating func combine(_ string: String) {
        combine(bytes: string.utf8)
        combine(bytes: CollectionOfOne(0xFF))  // separator: "ab","c" != "a","bc"
    }

    public mutating func combine(_ value: UInt64) {
        var v = value
        for _ in 0..<8 {
            combine(bytes: CollectionOfOne(UInt8(truncatingIfNeeded: v)))
            v >>= 8
        }
    }

    public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }
    public mutating func combine(_ value: Bool) { combine(value ? 1 : 0) }

    public mutating func combine(_ value: String?) {
        if let value { combine(true); combine(value) } else { combine(false) }
    }

    public mutating func combine(_ value: Int?) {
        if let value { combine(true); combine(value) } else { combine(false) }
    }

    /// 16 lowercase hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
