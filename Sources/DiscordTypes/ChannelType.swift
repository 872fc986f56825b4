/// A channel's type. Unknown values decode instead of failing, because Discord adds types.
public struct ChannelType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let guildText = ChannelType(rawValue: 0)
    public static let dm = ChannelType(rawValue: 1)
    public static let guildVoice = ChannelType(rawValue: 2)
    public static let groupDM = ChannelType(rawValue: 3)
    public static let guildCategory = ChannelType(rawValue: 4)
    public static let guildAnnouncement = ChannelType(rawValue: 5)
    public static let announcementThread = ChannelType(rawValue: 10)
    public static let publicThread = ChannelType(rawValue: 11)
    public static let privateThread = ChannelType(rawValue: 12)
    public static let guildStageVoice = ChannelType(rawValue: 13)
    public static let guildDirectory = ChannelType(rawValue: 14)
    public static let guildForum = ChannelType(rawValue: 15)
    public static let guildMedia = ChannelType(rawValue: 16)

    public var isThread: Bool { [10, 11, 12].contains(rawValue) }
    public var isVoice: Bool { self == .guildVoice || self == .guildStageVoice }

    public var description: String {
        switch rawValue {
        case 0: "text"
        case 1: "dm"
        case 2: "voice"
        case 3: "group-dm"
        case 4: "category"
        case 5: "announcement"
        case 10: "announcement-thread"
        case 11: "public-thread"
        case 12: "private-thread"
        case 13: "stage"
        case 14: "directory"
        case 15: "forum"
        case 16: "media"
        default: "type-\(rawValue)"
        }
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
