/// How Discord stores an embed, and what it accepts: the product's one statement of both
/// (DISCORD.md §3 Messages, §4 Limits).
///
/// Discord returns a stored embed with `type: "rich"`, title, description, field, footer
/// text trimmed, every field's `inline` a boolean (false when unset), `provider`/`video`
/// dropped (our `Embed` carries none of those three), and its timestamp as an instant in its
/// own ISO 8601 form. So a desired embed and the echo of the one we sent are compared in
/// stored form: equal exactly when Discord would show no difference.
extension Embed {
    /// Discord's embed limits, counted on trimmed text.
    public enum Limit {
        public static let title = 256
        public static let description = 4096
        public static let fields = 25
        public static let fieldName = 256
        public static let fieldValue = 1024
        public static let footerText = 2048
        /// Characters across all embeds of one message.
        public static let total = 6000
        /// The largest colour (24-bit RGB); above it Discord answers 400 50035.
        public static let color = 0xFFFFFF
    }

    /// What Discord substitutes nothing for: a field name or value that is empty after
    /// trimming is refused (400 50035), so `prepared` writes this instead.
    public static let blankFieldPlaceholder = "—"

    /// This embed as Discord stores and returns it.
    public var stored: Embed {
        var result = self
        result.title = Self.trimmedOrNil(title)
        result.description = Self.trimmedOrNil(description)
        result.timestamp = timestamp.map { ISO8601Instant($0)?.text ?? $0 }
        result.footer = Self.trimmedOrNil(footer?.text).map(Footer.init(text:))
        let fields = (fields ?? []).map {
            Field(name: Self.trim($0.name), value: Self.trim($0.value), inline: $0.inline ?? false)
        }
        result.fields = fields.isEmpty ? nil : fields
        return result
    }

    /// This embed made valid for Discord and already in stored form: text trimmed, then cut
    /// to the limits; a blank field name or value replaced by `blankFieldPlaceholder`; the
    /// colour kept to 24 bits; at most 25 fields.
    public var prepared: Embed {
        var result = stored
        result.title = result.title.map { Self.cut($0, Limit.title) }
        result.description = result.description.map { Self.cut($0, Limit.description) }
        result.footer = result.footer.map { Footer(text: Self.cut($0.text, Limit.footerText)) }
        result.color = color.map { min(max($0, 0), Limit.color) }
        result.fields = result.fields.map { fields in
            fields.prefix(Limit.fields).map { field in
                Field(name: Self.cut(field.name, Limit.fieldName, blank: Self.blankFieldPlaceholder),
                      value: Self.cut(field.value, Limit.fieldValue, blank: Self.blankFieldPlaceholder),
                      inline: field.inline ?? false)
            }
        }
        return result
    }

    /// Whether Discord would show `self` and `other` the same (both compared stored).
    public func isEquivalent(to other: Embed) -> Bool { stored == other.stored }

    /// Whether two embed lists would show the same, in order.
    public static func equivalent(_ lhs: [Embed], _ rhs: [Embed]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isEquivalent(to: $1) }
    }

    /// Text as Discord stores it: leading and trailing whitespace and newlines removed.
    public static func trim(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    private static func trimmedOrNil(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = trim(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Trimmed, at most `limit` characters, trimmed again (a cut can end in a space), and
    /// `blank` when nothing is left.
    private static func cut(_ text: String, _ limit: Int, blank: String = "") -> String {
        let result = trim(String(trim(text).prefix(limit)))
        return result.isEmpty ? blank : result
    }
}
