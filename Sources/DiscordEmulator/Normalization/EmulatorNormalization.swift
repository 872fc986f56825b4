import DiscordTypes
import Foundation

/// How the emulator rewrites what it stores, exposed so a property test elsewhere can
/// compare the product's own rule with the oracle's. Deliberately independent of the
/// product's code (`Spec`, `Planner`): the two are cross-checked, never shared.
///
/// Lengths are counted in Unicode code points (`unicodeScalars`), the unit Discord's limits
/// count: a flag emoji is 2, a family emoji 7 (docs/emulator-fidelity.md).
public enum EmulatorNormalization {
    /// Channel types whose names get text-channel normalisation: text, announcement, forum, media.
    public static func isTextLike(_ type: ChannelType) -> Bool {
        [ChannelType.guildText, .guildAnnouncement, .guildForum, .guildMedia].contains(type)
    }

    /// The length Discord measures for `text`: its Unicode code points.
    public static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// `text` without leading and trailing whitespace and newlines.
    public static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The name Discord stores for `name` on a channel of `type`.
    ///
    /// Text-like channels (docs are silent; the emulator's documented stricter rule): trim,
    /// lowercase, each run of whitespace or `-` becomes one `-`, ASCII punctuation and
    /// symbols other than `-` and `_` are removed, and leading and trailing `-` are dropped
    /// (`"Spa 6H: Signups!"` → `"spa-6h-signups"`, `"a.b"` → `"ab"`). Letters, digits,
    /// marks and emoji outside ASCII are kept as sent. Voice, stage, category and thread
    /// names are kept as sent, trimmed. The result may be empty (the caller refuses it).
    public static func channelName(_ name: String, type: ChannelType) -> String {
        let trimmed = trimmed(name)
        guard isTextLike(type) else { return trimmed }
        var result = ""
        var pendingDash = false
        for character in trimmed.lowercased() {
            if character.isWhitespace || character == "-" {
                pendingDash = true
            } else if character.isASCII, character.isPunctuation || character.isSymbol, character != "_" {
                continue
            } else {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            }
        }
        return result
    }

    /// The role name Discord stores: trimmed.
    public static func roleName(_ name: String) -> String { trimmed(name) }

    /// The embed Discord stores and returns for `embed` (an object as sent): `type` is
    /// `"rich"`; title, description, field names and values, footer text and author name
    /// are trimmed (an empty title or description is dropped); every field carries `inline`
    /// as a boolean (false when unset); `timestamp` is an instant in Discord's form
    /// (`2026-12-05T17:00:00+00:00`); `color` is kept; images and thumbnails keep only
    /// `url`; `provider`, `video` and unknown keys are dropped [message.mdx, Create Message
    /// limitations; Embed Limits]. Values that do not validate are passed through untouched;
    /// validation happens before this (`EmbedValidator`).
    public static func embed(_ embed: JSONValue) -> JSONValue {
        guard case .object(let input) = embed else { return embed }
        var output: [String: JSONValue] = ["type": .string("rich")]
        for key in ["title", "description"] {
            if case .string(let text)? = input[key] {
                let value = trimmed(text)
                if !value.isEmpty { output[key] = .string(value) }
            } else if let value = input[key], value != .null {
                output[key] = value
            }
        }
        if let url = input["url"], url != .null { output["url"] = url }
        if let stamp = input["timestamp"], stamp != .null {
            if case .string(let text) = stamp, let canonical = timestamp(text) {
                output["timestamp"] = .string(canonical)
            } else {
                output["timestamp"] = stamp
            }
        }
        if let color = input["color"], color != .null { output["color"] = color }
        if case .object(let footer)? = input["footer"] {
            output["footer"] = .object(trimming(footer, text: "text", keep: ["icon_url"]))
        }
        if case .object(let author)? = input["author"] {
            output["author"] = .object(trimming(author, text: "name", keep: ["url", "icon_url"]))
        }
        for key in ["image", "thumbnail"] {
            if case .object(let media)? = input[key], let url = media["url"], url != .null {
                output[key] = .object(["url": url])
            }
        }
        if case .array(let fields)? = input["fields"] {
            output["fields"] = .array(fields.map { field in
                guard case .object(let object) = field else { return field }
                var result = trimming(object, text: "name", keep: [])
                if case .string(let value)? = object["value"] { result["value"] = .string(trimmed(value)) }
                result["inline"] = .bool(object["inline"]?.boolValue ?? false)
                return .object(result)
            })
        }
        return .object(output)
    }

    /// `text` (any ISO 8601 date-time with an offset, fractional seconds optional) as the
    /// instant Discord returns: UTC with a `+00:00` offset, fractional seconds only when
    /// present (six digits). nil when `text` is not such a timestamp.
    public static func timestamp(_ text: String) -> String? {
        guard let parsed = DiscordTime.parse(text) else { return nil }
        // Whole milliseconds, rounded, so binary fractions (.123) do not lose one.
        let parts = UTCDateParts(Date(timeIntervalSince1970: (parsed.timeIntervalSince1970 * 1000).rounded() / 1000 + 0.0000001))
        let fraction = parts.millisecond == 0 ? "" : ".\(UTCDateParts.pad(parts.millisecond * 1000, 6))"
        return parts.dateTimeText + fraction + "+00:00"
    }

    private static func trimming(_ object: [String: JSONValue], text: String, keep: [String]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        if case .string(let value)? = object[text] { result[text] = .string(trimmed(value)) }
        for key in keep { if let value = object[key], value != .null { result[key] = value } }
        return result
    }
}
