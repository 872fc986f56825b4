import Foundation

/// The JSON coders every module uses for Discord payloads: explicit snake_case keys live in
/// each type's `CodingKeys`, so the coders only fix output ordering for deterministic bodies.
public enum DiscordJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder { JSONDecoder() }
}
