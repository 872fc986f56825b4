import DiscordTypes

/// Discord's rules for an application command body (interactions/application-commands.mdx,
/// "Application Command Naming" and the option structure), checked by the emulator's
/// command registration, stricter where the docs are loose.
enum CommandBodyRules {
    /// `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`, lowercase where a letter has a
    /// lowercase form (the emulator accepts letters and digits, not the combining marks of
    /// Devanagari and Thai: stricter).
    static func isValidName(_ name: String) -> Bool {
        let length = name.unicodeScalars.count
        guard (1...32).contains(length) else { return false }
        return name.allSatisfy { c in
            (c.isLetter || c.isNumber || "-_'".contains(c)) && String(c).lowercased() == String(c)
        }
    }

    /// Discord's option types (1 SUB_COMMAND … 11 ATTACHMENT).
    static let optionTypes = 1...11

    /// Checks `options` of a CHAT_INPUT command at `path`: at most 25, names valid and unique,
    /// descriptions 1–100, known types, required options before optional ones, at most 25
    /// choices.
    static func checkOptions(_ options: JSONValue?, path: [String], errors: inout FormErrors) {
        guard let options, options != .null else { return }
        guard case .array(let items) = options else {
            errors.add(path, "BASE_TYPE_ARRAY", "Could not interpret value as array.")
            return
        }
        if items.count > 25 { errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.") }
        var names = Set<String>()
        var sawOptional = false
        for (index, item) in items.enumerated() {
            let at = path + [String(index)]
            var r = BodyReader(item, prefix: at)
            let type = r.int("type", required: true, choices: Array(optionTypes))
            let name = r.string("name", required: true, min: 1, max: 32)
            _ = r.string("description", required: true, min: 1, max: 100)
            let required = r.bool("required") ?? false
            for leaf in r.errors.leaves { errors.add(leaf.path, leaf.code, leaf.message) }
            if let name, !isValidName(name) {
                errors.add(at + ["name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
            }
            if let name, !names.insert(name).inserted {
                errors.add(at + ["name"], "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique")
            }
            if type != 1 && type != 2 {
                if required && sawOptional {
                    errors.add(at + ["required"], "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                               "Required options must be placed before non-required options")
                }
                if !required { sawOptional = true }
            }
            if case .array(let choices)? = item["choices"], choices.count > 25 {
                errors.add(at + ["choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
            }
            if type == 1 || type == 2 { checkOptions(item["options"], path: at + ["options"], errors: &errors) }
        }
    }
}
