/// HTTP header fields with case-insensitive names.
///
/// Names are stored lower-cased, so `headers["X-RateLimit-Bucket"]` finds `x-ratelimit-bucket`.
/// `description` and reflection redact `Authorization`, so a logged or dumped request never
/// shows the bot token.
public struct HTTPHeaders: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, ExpressibleByDictionaryLiteral
{
    private var storage: [String: String] = [:]

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    public init(_ pairs: [String: String]) {
        for (name, value) in pairs { self[name] = value }
    }

    public subscript(name: String) -> String? {
        get { storage[name.lowercased()] }
        set { storage[name.lowercased()] = newValue }
    }

    /// All fields, names lower-cased, sorted by name.
    public var fields: [(name: String, value: String)] {
        storage.keys.sorted().map { ($0, storage[$0]!) }
    }

    /// Header names whose values are secrets.
    static let redacted: Set<String> = ["authorization"]

    public var description: String {
        fields.map { "\($0.name): \(Self.redacted.contains($0.name) ? "<redacted>" : $0.value)" }
            .joined(separator: ", ")
    }

    public var debugDescription: String { "HTTPHeaders(\(description))" }

    public var customMirror: Mirror {
        Mirror(self, children: fields.map {
            (label: $0.name, value: Self.redacted.contains($0.name) ? "<redacted>" : $0.value)
        }, displayStyle: .dictionary)
    }
}
