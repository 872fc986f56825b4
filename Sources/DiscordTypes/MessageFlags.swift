/// Message flags Discord reads on a message or an interaction answer (resources/message.mdx,
/// "Message Flags"): stated once here, sent as the integer `flags`.
public struct MessageFlags: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// 1 << 6: only the user who invoked the interaction sees the message.
    public static let ephemeral = MessageFlags(rawValue: 1 << 6)
}
