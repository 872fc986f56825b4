/// A row of message components: the only top-level component a classic (non "components
/// v2") message carries. The reconciler sends link buttons only (a signup card's "Sign up"
/// button), which need no interaction endpoint: Discord opens the URL itself.
///
/// Discord's rules [components/reference.mdx; OpenAPI `ActionRowComponentForMessageRequest`,
/// `ButtonComponentForMessageRequest`], stated once here for the product (the emulator keeps
/// its own copy): at most 5 rows per message, 1–5 buttons per row, a label of at most 80
/// characters, a link button (style 5) has a `url` (≤ 512) and no `custom_id`; every other
/// style has a `custom_id` (1–100) and no `url`. Discord answers with an `id` on each
/// component; comparisons ignore it (`equivalent`).
public struct ActionRow: Hashable, Sendable, Codable {
    /// Always 1 (action row).
    public var type: Int = 1
    public var components: [Button]

    public init(_ components: [Button]) { self.components = components }

    /// Discord's limits for classic message components.
    public enum Limit {
        public static let rows = 5
        public static let buttonsPerRow = 5
        public static let label = 80
        public static let url = 512
    }

    enum CodingKeys: String, CodingKey { case type, components }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(Int.self, forKey: .type) ?? 1
        // Rows Discord may return with other component kinds (selects) are not ours: keep buttons.
        components = (try c.decodeIfPresent([Lenient].self, forKey: .components) ?? []).compactMap(\.button)
    }

    /// Whether two lists show the same rows and buttons (Discord's `id`s aside).
    public static func equivalent(_ a: [ActionRow], _ b: [ActionRow]) -> Bool { a == b }

    private struct Lenient: Decodable {
        let button: Button?
        init(from decoder: any Decoder) throws { button = try? Button(from: decoder) }
    }
}

/// A message button (component type 2). The product builds link buttons (`link(label:url:)`).
public struct Button: Hashable, Sendable, Codable {
    /// Button styles; `link` opens `url` and sends no interaction.
    public enum Style: Int, Hashable, Sendable, Codable {
        case primary = 1, secondary, success, danger, link, premium
    }

    /// Always 2 (button).
    public var type: Int = 2
    public var style: Style
    public var label: String?
    public var url: String?
    public var customID: String?
    public var disabled: Bool?

    public init(style: Style, label: String? = nil, url: String? = nil, customID: String? = nil, disabled: Bool? = nil) {
        self.style = style
        self.label = label
        self.url = url
        self.customID = customID
        self.disabled = disabled
    }

    /// A link button; the label is cut to Discord's 80 characters.
    public static func link(label: String, url: String) -> Button {
        Button(style: .link, label: String(label.prefix(ActionRow.Limit.label)), url: url)
    }

    enum CodingKeys: String, CodingKey {
        case type, style, label, url, disabled
        case customID = "custom_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(Int.self, forKey: .type)
        guard type == 2 else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "not a button")
        }
        style = try c.decode(Style.self, forKey: .style)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        customID = try c.decodeIfPresent(String.self, forKey: .customID)
        // Discord returns `disabled: false` on buttons sent without it.
        disabled = try c.decodeIfPresent(Bool.self, forKey: .disabled).flatMap { $0 ? true : nil }
    }
}
