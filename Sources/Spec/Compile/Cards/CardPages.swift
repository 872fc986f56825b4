import DiscordTypes

/// Long lists laid out within Discord's message limits: lines packed into embed
/// descriptions (≤ `Embed.Limit.description`), embeds packed into messages (≤ 10 embeds and
/// ≤ `Embed.Limit.total` characters each, title and footer included). Used by every card
/// whose length grows with the club's data (entry lists, results).
enum CardPages {
    /// At most this many embeds per message (message.mdx).
    static let embedsPerMessage = 10
    /// Room kept in each message for its first embed's title (≤ 256, with a page number)
    /// and its last embed's footer (the marker: `simlane · ` and a key of at most ~300).
    static let frame = 600

    /// `lines` joined by newlines into chunks of at most `limit` characters; a line longer
    /// than `limit` is cut (it never is for the cards: names are bounded).
    static func descriptions(_ lines: [String], limit: Int = Embed.Limit.description) -> [String] {
        var chunks: [String] = []
        var current = ""
        for raw in lines {
            let line = String(raw.prefix(limit))
            if !current.isEmpty, current.count + 1 + line.count > limit {
                chunks.append(current)
                current = ""
            }
            current += current.isEmpty ? line : "\n" + line
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// Descriptions grouped into messages: each message's descriptions fit its embed limits
    /// with `frame` characters to spare for a title and a footer.
    static func messages(_ descriptions: [String]) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        var size = 0
        for text in descriptions {
            if !current.isEmpty, current.count == embedsPerMessage || size + text.count > Embed.Limit.total - frame {
                result.append(current)
                current = []
                size = 0
            }
            current.append(text)
            size += text.count
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The embeds of one page: `title` on the first, `footer` (the card's marker) on the
    /// last, every one in `color`.
    static func embeds(_ descriptions: [String], title: String, color: Int, footer: String,
                       fields: [Embed.Field] = []) -> [Embed] {
        var embeds = descriptions.map { Embed(description: $0, color: color) }
        if embeds.isEmpty { embeds = [Embed(color: color)] }
        embeds[0].title = title
        if !fields.isEmpty { embeds[embeds.count - 1].fields = fields }
        embeds[embeds.count - 1].footer = Embed.Footer(text: footer)
        return embeds.map(\.prepared)
    }
}
