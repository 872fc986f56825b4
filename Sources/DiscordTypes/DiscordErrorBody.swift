/// Discord's JSON error body: `{code, message, errors?}`. The `errors` tree mirrors the
/// request body; `fieldErrors` flattens it to `field.path: CODE message` lines.
public struct DiscordErrorBody: Hashable, Sendable, Codable {
    public var code: Int
    public var message: String
    public var errors: JSONValue?

    public init(code: Int, message: String, errors: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.errors = errors
    }

    /// One leaf of the errors tree: where, Discord's code (e.g. `BASE_TYPE_REQUIRED`), message.
    public struct FieldError: Hashable, Sendable {
        public var path: String
        public var code: String
        public var message: String
    }

    /// The errors tree flattened to field paths such as `permission_overwrites.0.allow`.
    public var fieldErrors: [FieldError] {
        var result: [FieldError] = []
        func walk(_ value: JSONValue, _ path: [String]) {
            guard case .object(let object) = value else { return }
            for key in object.keys.sorted() {
                let child = object[key]!
                if key == "_errors", case .array(let leaves) = child {
                    for leaf in leaves {
                        guard case .object(let fields) = leaf else { continue }
                        result.append(FieldError(
                            path: path.joined(separator: "."),
                            code: fields["code"]?.stringValue ?? "",
                            message: fields["message"]?.stringValue ?? ""))
                    }
                } else {
                    walk(child, path + [key])
                }
            }
        }
        if let errors { walk(errors, []) }
        return result
    }
}

/// The body of a 429 answer.
public struct RateLimitedBody: Hashable, Sendable, Codable {
    public var message: String
    public var retryAfter: Double
    public var global: Bool
    public var code: Int?

    public init(message: String = "You are being rate limited.", retryAfter: Double, global: Bool, code: Int? = nil) {
        self.message = message
        self.retryAfter = retryAfter
        self.global = global
        self.code = code
    }

    enum CodingKeys: String, CodingKey {
        case message, global, code
        case retryAfter = "retry_after"
    }
}
