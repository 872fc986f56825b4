import DiscordTypes

/// Checks a message body's `embeds` the way Discord does and returns them normalised
/// (`EmulatorNormalization.embed`). Errors mirror the body (`embeds.0.fields.1.value`),
/// all of them at once, with Discord's codes [message.mdx: Embed Limits; reference.mdx:
/// error messages]. Lengths count trimmed text in code points; a blank field name or value,
/// footer text or author name is `BASE_TYPE_REQUIRED`; `color` must be 0…0xFFFFFF.
struct EmbedValidator {
    static let maxEmbeds = 10
    static let maxTotal = 6000
    static let maxColor = 0xFFFFFF

    /// Validates `reader.body["embeds"]`, adding errors to `reader`; the normalised embeds.
    static func validate(_ reader: inout BodyReader) -> [JSONValue] {
        guard let value = reader.body["embeds"], value != .null else { return [] }
        guard case .array(let embeds) = value else {
            reader.errors.add(["embeds"], "BASE_TYPE_ARRAY", "Could not interpret value as array.")
            return []
        }
        if embeds.count > maxEmbeds { reader.errors.maxLength(["embeds"], maxEmbeds) }
        var total = 0
        for (index, embed) in embeds.enumerated() {
            total += check(embed, path: ["embeds", String(index)], errors: &reader.errors)
        }
        if total > maxTotal {
            reader.errors.add(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of \(maxTotal)")
        }
        return embeds.map(EmulatorNormalization.embed)
    }

    /// Checks one embed; returns the characters it counts towards the 6000 total.
    private static func check(_ embed: JSONValue, path: [String], errors: inout FormErrors) -> Int {
        guard case .object = embed else {
            errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
            return 0
        }
        var total = 0
        total += text(embed, "title", max: 256, required: false, path: path, errors: &errors)
        total += text(embed, "description", max: 4096, required: false, path: path, errors: &errors)
        if let url = embed["url"], url != .null, url.stringValue == nil { errors.notString(path + ["url"]) }
        if let stamp = embed["timestamp"], stamp != .null {
            if stamp.stringValue.flatMap(EmulatorNormalization.timestamp) == nil {
                errors.add(path + ["timestamp"], "DATE_TYPE_PARSE",
                           "Could not parse \(stamp.displayText). Should be ISO8601.")
            }
        }
        if let color = embed["color"], color != .null {
            if let number = color.intValue, color.stringValue == nil {
                if number < 0 { errors.numberMin(path + ["color"], 0) }
                if number > maxColor { errors.numberMax(path + ["color"], maxColor) }
            } else {
                errors.notInt(path + ["color"], color)
            }
        }
        if let footer = embed["footer"], footer != .null {
            total += text(footer, "text", max: 2048, required: true, path: path + ["footer"], errors: &errors)
        }
        if let author = embed["author"], author != .null {
            total += text(author, "name", max: 256, required: true, path: path + ["author"], errors: &errors)
        }
        if let fields = embed["fields"], fields != .null {
            guard case .array(let items) = fields else {
                errors.add(path + ["fields"], "BASE_TYPE_ARRAY", "Could not interpret value as array.")
                return total
            }
            if items.count > 25 { errors.maxLength(path + ["fields"], 25) }
            for (index, field) in items.enumerated() {
                let fieldPath = path + ["fields", String(index)]
                guard case .object = field else {
                    errors.add(fieldPath, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
                    continue
                }
                total += text(field, "name", max: 256, required: true, path: fieldPath, errors: &errors)
                total += text(field, "value", max: 1024, required: true, path: fieldPath, errors: &errors)
                if let inline = field["inline"], inline != .null, inline.boolValue == nil {
                    errors.notBool(fieldPath + ["inline"], inline)
                }
            }
        }
        return total
    }

    /// Checks a text member of `object` after trimming; returns its counted length.
    private static func text(
        _ object: JSONValue, _ key: String, max: Int, required: Bool, path: [String], errors: inout FormErrors
    ) -> Int {
        guard case .object = object else {
            errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
            return 0
        }
        guard let value = object[key], value != .null else {
            if required { errors.required(path + [key]) }
            return 0
        }
        guard case .string(let raw) = value else {
            errors.notString(path + [key])
            return 0
        }
        let trimmed = EmulatorNormalization.trimmed(raw)
        let length = EmulatorNormalization.length(trimmed)
        if required, length == 0 { errors.required(path + [key]); return 0 }
        if length > max { errors.maxLength(path + [key], max) }
        return length
    }
}
