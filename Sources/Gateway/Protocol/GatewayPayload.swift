import DiscordTypes
import Foundation

/// One gateway frame `{op, d, s, t}`. `d` stays untyped JSON until the receiver knows
/// what the opcode and event name make it.
public struct GatewayPayload: Sendable, Hashable, Codable {
    public var op: Int
    public var d: JSONValue?
    public var s: Int?
    public var t: String?

    public init(op: GatewayOpcode, d: JSONValue? = nil, s: Int? = nil, t: String? = nil) {
        self.op = op.rawValue
        self.d = d
        self.s = s
        self.t = t
    }

    public var opcode: GatewayOpcode? { GatewayOpcode(rawValue: op) }

    public static func decode(_ text: String) throws -> GatewayPayload {
        try DiscordJSON.decoder().decode(GatewayPayload.self, from: Data(text.utf8))
    }

    /// The frame as JSON text (`d` is always present, `null` when empty, as Discord sends).
    public func encoded() throws -> String {
        var object: [String: JSONValue] = ["op": .number(Double(op)), "d": d ?? .null]
        if let s { object["s"] = .number(Double(s)) }
        if let t { object["t"] = .string(t) }
        return String(decoding: try DiscordJSON.encoder().encode(JSONValue.object(object)), as: UTF8.self)
    }

    /// `d` decoded as `T`.
    public func data<T: Decodable>(as type: T.Type) throws -> T {
        try JSONValue.decode(T.self, from: d ?? .null)
    }
}

extension JSONValue {
    /// Decodes `value` as `T` (through its JSON text).
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try DiscordJSON.decoder().decode(T.self, from: DiscordJSON.encoder().encode(value))
    }

    /// `value` as a JSON value.
    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        try DiscordJSON.decoder().decode(JSONValue.self, from: DiscordJSON.encoder().encode(value))
    }

    public var intValue: Int? {
        if case .number(let n) = self { return Int(n) }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
