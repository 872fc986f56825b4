import DiscordTypes

/// Builds Discord's errors tree: `{"name": {"_errors": [{"code", "message"}]}}`, nested by
/// field path (array indices are string keys, as Discord sends them).
struct FormErrors: Sendable {
    private(set) var tree: JSONValue = .object([:])
    var isEmpty: Bool { tree == .object([:]) }

    mutating func add(_ path: [String], _ code: String, _ message: String) {
        let leaf: JSONValue = .object(["code": .string(code), "message": .string(message)])
        tree = Self.inserting(leaf, at: path[...], into: tree)
    }

    private static func inserting(_ leaf: JSONValue, at path: ArraySlice<String>, into node: JSONValue) -> JSONValue {
        guard case .object(var object) = node else { return node }
        if let head = path.first {
            object[head] = inserting(leaf, at: path.dropFirst(), into: object[head] ?? .object([:]))
        } else {
            var leaves: [JSONValue] = []
            if case .array(let existing) = object["_errors"] { leaves = existing }
            leaves.append(leaf)
            object["_errors"] = .array(leaves)
        }
        return .object(object)
    }

    /// The leaves of the tree as (path, code, message).
    var leaves: [(path: [String], code: String, message: String)] {
        var result: [(path: [String], code: String, message: String)] = []
        func walk(_ node: JSONValue, _ path: [String]) {
            guard case .object(let object) = node else { return }
            for key in object.keys.sorted() {
                if key == "_errors", case .array(let items) = object[key]! {
                    for item in items {
                        result.append((path, item["code"]?.stringValue ?? "", item["message"]?.stringValue ?? ""))
                    }
                } else {
                    walk(object[key]!, path + [key])
                }
            }
        }
        walk(tree, [])
        return result
    }

    func throwIfAny() throws(APIError) {
        if !isEmpty { throw APIError.invalidForm(self) }
    }

    // Discord's standard messages.
    mutating func required(_ path: [String]) {
        add(path, "BASE_TYPE_REQUIRED", "This field is required")
    }
    mutating func badLength(_ path: [String], min: Int, max: Int) {
        add(path, "BASE_TYPE_BAD_LENGTH", "Must be between \(min) and \(max) in length.")
    }
    mutating func maxLength(_ path: [String], _ max: Int) {
        add(path, "BASE_TYPE_MAX_LENGTH", "Must be \(max) or fewer in length.")
    }
    mutating func choices(_ path: [String], _ choices: [Int]) {
        add(path, "BASE_TYPE_CHOICES", "Value must be one of {\(choices.map(String.init).joined(separator: ", "))}.")
    }
    mutating func notInt(_ path: [String], _ value: JSONValue) {
        add(path, "NUMBER_TYPE_COERCE", "Value \"\(value.displayText)\" is not int.")
    }
    mutating func notSnowflake(_ path: [String], _ value: JSONValue) {
        add(path, "NUMBER_TYPE_COERCE", "Value \"\(value.displayText)\" is not snowflake.")
    }
    mutating func numberMax(_ path: [String], _ max: Int) {
        add(path, "NUMBER_TYPE_MAX", "int value should be less than or equal to \(max).")
    }
    mutating func numberMin(_ path: [String], _ min: Int) {
        add(path, "NUMBER_TYPE_MIN", "int value should be greater than or equal to \(min).")
    }
    mutating func notBool(_ path: [String], _ value: JSONValue) {
        add(path, "BOOLEAN_TYPE_COERCE", "Value \"\(value.displayText)\" is not bool.")
    }
    mutating func notString(_ path: [String]) {
        add(path, "BASE_TYPE_STRING", "Could not interpret value as string.")
    }
}
