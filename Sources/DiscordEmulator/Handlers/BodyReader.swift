import DiscordTypes

/// Reads and checks fields of a JSON request body, collecting Discord's form errors.
struct BodyReader {
    let body: JSONValue
    var errors = FormErrors()
    var prefix: [String] = []

    init(_ body: JSONValue, prefix: [String] = []) {
        self.body = body
        self.prefix = prefix
    }

    func has(_ key: String) -> Bool { body[key] != nil }
    func isNull(_ key: String) -> Bool { body[key] == .null }

    /// A string field; its length is counted in code points (Discord's unit), after trimming
    /// surrounding whitespace when `trimmed` (names: Discord trims them before checking).
    mutating func string(_ key: String, required: Bool = false, min: Int = 0, max: Int? = nil, trimmed: Bool = false) -> String? {
        guard let value = body[key], value != .null else {
            if required { errors.required(prefix + [key]) }
            return nil
        }
        guard case .string(let text) = value else {
            errors.notString(prefix + [key])
            return nil
        }
        let length = EmulatorNormalization.length(trimmed ? EmulatorNormalization.trimmed(text) : text)
        if let max, length < min || length > max {
            if min > 0 { errors.badLength(prefix + [key], min: min, max: max) } else { errors.maxLength(prefix + [key], max) }
            return nil
        }
        return text
    }

    mutating func int(_ key: String, required: Bool = false, min: Int? = nil, max: Int? = nil, choices: [Int]? = nil) -> Int? {
        guard let value = body[key], value != .null else {
            if required { errors.required(prefix + [key]) }
            return nil
        }
        guard let number = value.intValue else {
            errors.notInt(prefix + [key], value)
            return nil
        }
        if let choices, !choices.contains(number) {
            errors.choices(prefix + [key], choices)
            return nil
        }
        if let min, number < min { errors.numberMin(prefix + [key], min); return nil }
        if let max, number > max { errors.numberMax(prefix + [key], max); return nil }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = body[key], value != .null else { return nil }
        guard let flag = value.boolValue else {
            errors.notBool(prefix + [key], value)
            return nil
        }
        return flag
    }

    mutating func snowflake(_ key: String, required: Bool = false) -> Snowflake? {
        guard let value = body[key], value != .null else {
            if required { errors.required(prefix + [key]) }
            return nil
        }
        guard let id = value.snowflakeValue else {
            errors.notSnowflake(prefix + [key], value)
            return nil
        }
        return id
    }

    mutating func permissions(_ key: String) -> Permissions? {
        guard let value = body[key], value != .null else { return nil }
        guard let bits = value.permissionsValue else {
            errors.notInt(prefix + [key], value)
            return nil
        }
        return bits
    }
}
