import DiscordTypes
import Foundation

/// Checks a message body's `components` the way Discord does for classic (non "components
/// v2") messages and returns them as Discord stores them (each component numbered with an
/// `id`, in order, as Discord assigns them). The emulator's own statement of the rules, kept
/// apart from the product's `ActionRow` [components/reference.mdx "Action Row", "Button";
/// OpenAPI `ActionRowComponentForMessageRequest`, `ButtonComponentForMessageRequest`]:
/// - at most 5 top-level components, each an action row (type 1) of 1–5 buttons;
/// - a button (type 2) has a `style` 1–6 and a `label` of at most 80 characters; every
///   button but a premium one (6) has a label or an emoji;
/// - a link button (style 5) has a `url` (≤ 512, http, https or discord scheme) and no
///   `custom_id`; styles 1–4 have a `custom_id` (1–100, unique in the message) and no `url`;
///   a premium button has a `sku_id` and none of label, url, custom_id.
/// Where the docs are silent the emulator is stricter: other component kinds (selects,
/// components v2) are refused, since the reconciler never sends them.
struct ComponentValidator {
    static let maxRows = 5
    static let maxPerRow = 5
    static let maxLabel = 80
    static let maxURL = 512
    static let maxCustomID = 100
    static let urlSchemes: Set<String> = ["http", "https", "discord"]

    /// Validates `reader.body["components"]`, adding errors to `reader`; the stored rows.
    static func validate(_ reader: inout BodyReader) -> [JSONValue] {
        guard let value = reader.body["components"], value != .null else { return [] }
        guard case .array(let rows) = value else {
            reader.errors.add(["components"], "BASE_TYPE_ARRAY", "Could not interpret value as array.")
            return []
        }
        if rows.count > maxRows { reader.errors.maxLength(["components"], maxRows) }
        var customIDs: Set<String> = []
        for (index, row) in rows.enumerated() {
            checkRow(row, path: ["components", String(index)], customIDs: &customIDs, errors: &reader.errors)
        }
        var next = 0
        return rows.map { numbered($0, next: &next) }
    }

    private static func checkRow(_ row: JSONValue, path: [String], customIDs: inout Set<String>, errors: inout FormErrors) {
        guard case .object = row else {
            errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
            return
        }
        guard row["type"]?.intValue == 1 else {
            errors.add(path + ["type"], "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,).")
            return
        }
        guard case .array(let items)? = row["components"] else {
            errors.required(path + ["components"])
            return
        }
        if items.isEmpty || items.count > maxPerRow { errors.badLength(path + ["components"], min: 1, max: maxPerRow) }
        for (index, item) in items.enumerated() {
            checkButton(item, path: path + ["components", String(index)], customIDs: &customIDs, errors: &errors)
        }
    }

    private static func checkButton(_ button: JSONValue, path: [String], customIDs: inout Set<String>, errors: inout FormErrors) {
        guard case .object = button else {
            errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
            return
        }
        guard button["type"]?.intValue == 2 else {
            errors.add(path + ["type"], "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (2,).")
            return
        }
        guard let style = button["style"]?.intValue, (1...6).contains(style) else {
            errors.choices(path + ["style"], Array(1...6))
            return
        }
        let label = string(button, "label", path: path, errors: &errors)
        let url = string(button, "url", path: path, errors: &errors)
        let customID = string(button, "custom_id", path: path, errors: &errors)
        let hasEmoji = button["emoji"].map { $0 != .null } ?? false
        if let label, label.unicodeScalars.count > maxLabel { errors.maxLength(path + ["label"], maxLabel) }
        switch style {
        case 5:
            if customID != nil {
                errors.add(path + ["custom_id"], "BUTTON_COMPONENT_INVALID_CUSTOM_ID", "A link button cannot have a custom id")
            }
            guard let url else {
                errors.add(path + ["url"], "BUTTON_COMPONENT_URL_REQUIRED", "A url is required")
                break
            }
            if url.count > maxURL { errors.maxLength(path + ["url"], maxURL) }
            let parsed = URL(string: url)
            let scheme = parsed?.scheme?.lowercased() ?? ""
            if !urlSchemes.contains(scheme) || (scheme != "discord" && (parsed?.host ?? "").isEmpty) {
                errors.add(path + ["url"], "URL_TYPE_INVALID_SCHEME",
                           "Scheme \"\(scheme)\" is not supported. Scheme must be one of ('http', 'https', 'discord').")
            }
        case 6:
            if button["sku_id"].map({ $0 == .null }) ?? true { errors.required(path + ["sku_id"]) }
            for (key, value) in [("label", label), ("url", url), ("custom_id", customID)] where value != nil {
                errors.add(path + [key], "BUTTON_COMPONENT_INVALID_FIELD", "A premium button cannot have a \(key)")
            }
        default:
            if url != nil { errors.add(path + ["url"], "BUTTON_COMPONENT_INVALID_URL", "Only link buttons can have a url") }
            if let customID {
                if customID.isEmpty || customID.count > maxCustomID {
                    errors.badLength(path + ["custom_id"], min: 1, max: maxCustomID)
                }
                if !customIDs.insert(customID).inserted {
                    errors.add(path + ["custom_id"], "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated")
                }
            } else {
                errors.add(path + ["custom_id"], "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED", "A custom id is required")
            }
        }
        if style != 6, (label ?? "").isEmpty, !hasEmoji {
            errors.add(path + ["label"], "BUTTON_COMPONENT_LABEL_REQUIRED", "A label or an emoji is required")
        }
    }

    /// The string at `key`, nil when absent or null; not a string is an error.
    private static func string(_ object: JSONValue, _ key: String, path: [String], errors: inout FormErrors) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else {
            errors.notString(path + [key])
            return nil
        }
        return text
    }

    /// `component` with an `id` on it and on each child, numbered in order from 1 (ids sent
    /// by the client are kept).
    private static func numbered(_ component: JSONValue, next: inout Int) -> JSONValue {
        guard case .object(var object) = component else { return component }
        next += 1
        if object["id"] == nil || object["id"] == .null { object["id"] = .int(next) }
        if case .array(let children)? = object["components"] {
            object["components"] = .array(children.map { numbered($0, next: &next) })
        }
        return .object(object)
    }
}
