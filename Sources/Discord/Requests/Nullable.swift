/// A request field that can be set to a value or explicitly to JSON `null` (clearing it).
///
/// Request bodies hold `Nullable<T>?`: `nil` omits the field, `.null` sends `null`
/// (e.g. `parent_id: null` moves a channel out of its category), `.value(x)` sends `x`.
public enum Nullable<Value: Sendable & Hashable & Encodable>: Sendable, Hashable, Encodable {
    case value(Value)
    case null

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .value(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

extension KeyedEncodingContainer {
    /// Encodes a `Nullable` field: omitted when nil, `null` or the value otherwise.
    mutating func encodeIfPresent<V>(_ value: Nullable<V>?, forKey key: Key) throws {
        guard let value else { return }
        switch value {
        case .value(let inner): try encode(inner, forKey: key)
        case .null: try encodeNil(forKey: key)
        }
    }
}
