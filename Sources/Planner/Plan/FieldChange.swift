/// One field of a change, for people and machines reading the plan: the value before and
/// after as display text. `nil` means absent (a create has no `old`, a delete no `new`).
/// Display only: apply never reads it, it executes `Change.operation`.
public struct FieldChange: Hashable, Sendable, Codable {
    public var name: String
    public var old: String?
    public var new: String?
    /// Whether the values are free text (rendered quoted) rather than numbers, flags,
    /// permission names or references.
    public var isText: Bool

    public init(name: String, old: String?, new: String?, isText: Bool = false) {
        self.name = name
        self.old = old
        self.new = new
        self.isText = isText
    }
}
