/// The stable identity of a desired resource, built from club-data ids, never from names:
/// `series/gt3-cup/event/spa-6h/signup`, `…/team/alpha/role`. Renaming an event therefore
/// updates the channel instead of replacing it; the state store maps keys to Discord ids.
public struct ResourceKey: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// This key with more path components: `key.appending("team", "alpha", "role")`.
    public func appending(_ components: String...) -> ResourceKey {
        ResourceKey(([rawValue] + components).filter { !$0.isEmpty }.joined(separator: "/"))
    }

    public var description: String { rawValue }

    public static func < (lhs: ResourceKey, rhs: ResourceKey) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
