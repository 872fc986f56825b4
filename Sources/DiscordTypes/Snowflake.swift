import Foundation

/// A Discord id: a 64-bit integer that Discord always sends as a JSON string.
///
/// Bits 63–22 hold milliseconds since the Discord epoch (2015-01-01), which is how
/// `timestamp` recovers the creation time of any channel, role or message.
public struct Snowflake: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByIntegerLiteral
{
    /// Milliseconds between the Unix epoch and the Discord epoch.
    public static let discordEpochMilliseconds: UInt64 = 1_420_070_400_000

    public let rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    public init(integerLiteral value: UInt64) { self.rawValue = value }

    /// Parses the decimal string form (`^(0|[1-9][0-9]*)$`); nil for anything else.
    public init?(string: String) {
        guard !string.isEmpty, string.allSatisfy({ $0.isASCII && $0.isNumber }),
              string == "0" || !string.hasPrefix("0"),
              let value = UInt64(string) else { return nil }
        self.rawValue = value
    }

    /// A snowflake built from an instant and a sequence number (used by the emulator and
    /// as a pagination cursor: `Snowflake(at: date)` with sequence 0).
    public init(at date: Date, worker: UInt64 = 0, sequence: UInt64 = 0) {
        let ms = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let sinceEpoch = ms > Self.discordEpochMilliseconds ? ms - Self.discordEpochMilliseconds : 0
        self.rawValue = (sinceEpoch << 22) | ((worker & 0x3FF) << 12) | (sequence & 0xFFF)
    }

    /// When the resource with this id was created.
    public var timestamp: Date {
        Date(timeIntervalSince1970: Double((rawValue >> 22) + Self.discordEpochMilliseconds) / 1000)
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: Snowflake, rhs: Snowflake) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            guard let value = Snowflake(string: string) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(string)' is not a snowflake")
            }
            self = value
        } else {
            // Tolerate numeric ids (some tools and old payloads send them).
            self.rawValue = try container.decode(UInt64.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
