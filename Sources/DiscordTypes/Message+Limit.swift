extension Message {
    /// Discord's limits on a message, the product's one statement of them (DISCORD.md §4
    /// Limits; the emulator keeps its own copy). Embed limits: `Embed.Limit`.
    public enum Limit {
        /// The most characters `content` may have: above it Discord answers 400 50035.
        public static let content = 2000

        /// The length Discord measures for content: Unicode code points.
        public static func length(_ content: String) -> Int { content.unicodeScalars.count }
    }
}
