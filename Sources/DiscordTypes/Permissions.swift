/// A Discord permission bitset, sent as a decimal string in JSON.
///
/// Only the bits the reconciler reasons about have names; unknown bits survive a round trip.
public struct Permissions: OptionSet, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let createInstantInvite = Permissions(rawValue: 1 << 0)
    public static let kickMembers = Permissions(rawValue: 1 << 1)
    public static let banMembers = Permissions(rawValue: 1 << 2)
    public static let administrator = Permissions(rawValue: 1 << 3)
    public static let manageChannels = Permissions(rawValue: 1 << 4)
    public static let manageGuild = Permissions(rawValue: 1 << 5)
    public static let addReactions = Permissions(rawValue: 1 << 6)
    public static let viewAuditLog = Permissions(rawValue: 1 << 7)
    public static let prioritySpeaker = Permissions(rawValue: 1 << 8)
    public static let stream = Permissions(rawValue: 1 << 9)
    public static let viewChannel = Permissions(rawValue: 1 << 10)
    public static let sendMessages = Permissions(rawValue: 1 << 11)
    public static let sendTTSMessages = Permissions(rawValue: 1 << 12)
    public static let manageMessages = Permissions(rawValue: 1 << 13)
    public static let embedLinks = Permissions(rawValue: 1 << 14)
    public static let attachFiles = Permissions(rawValue: 1 << 15)
    public static let readMessageHistory = Permissions(rawValue: 1 << 16)
    public static let mentionEveryone = Permissions(rawValue: 1 << 17)
    public static let useExternalEmojis = Permissions(rawValue: 1 << 18)
    public static let connect = Permissions(rawValue: 1 << 20)
    public static let speak = Permissions(rawValue: 1 << 21)
    public static let muteMembers = Permissions(rawValue: 1 << 22)
    public static let deafenMembers = Permissions(rawValue: 1 << 23)
    public static let moveMembers = Permissions(rawValue: 1 << 24)
    public static let useVAD = Permissions(rawValue: 1 << 25)
    public static let changeNickname = Permissions(rawValue: 1 << 26)
    public static let manageNicknames = Permissions(rawValue: 1 << 27)
    public static let manageRoles = Permissions(rawValue: 1 << 28)
    public static let manageWebhooks = Permissions(rawValue: 1 << 29)
    /// Edit and delete scheduled events, also those others created.
    public static let manageEvents = Permissions(rawValue: 1 << 33)
    public static let manageThreads = Permissions(rawValue: 1 << 34)
    public static let createPublicThreads = Permissions(rawValue: 1 << 35)
    public static let createPrivateThreads = Permissions(rawValue: 1 << 36)
    public static let sendMessagesInThreads = Permissions(rawValue: 1 << 38)
    /// Create scheduled events (and edit or delete the ones the bot created).
    public static let createEvents = Permissions(rawValue: 1 << 44)
    public static let pinMessages = Permissions(rawValue: 1 << 51)

    /// Every permission bit Discord defines today (bits 0–51); "everything" for owners and
    /// administrators.
    public static let all = Permissions(rawValue: (1 << 52) - 1)

    /// Every guild permission the reconciler's bot may use (DISCORD.md §6 plus the thread and
    /// pin permissions the seed's set lacks): what `BotAccess` assumes the bot holds and what
    /// test and sandbox guilds give it. The invite URL asks only for the part the club's
    /// features need (`Spec.BotPermissionNeeds`, always a subset of this).
    public static let reconcilerBot: Permissions = [
        .manageChannels, .viewChannel, .sendMessages, .readMessageHistory, .connect, .speak,
        .manageRoles, .createPublicThreads, .createPrivateThreads, .sendMessagesInThreads,
        .manageThreads, .embedLinks, .pinMessages, .manageEvents, .createEvents,
    ]

    /// Names of the known bits, for diagnostics and plan rendering (`VIEW_CHANNEL`, …).
    public static let names: [(Permissions, String)] = [
        (.createInstantInvite, "CREATE_INSTANT_INVITE"), (.kickMembers, "KICK_MEMBERS"),
        (.banMembers, "BAN_MEMBERS"), (.administrator, "ADMINISTRATOR"),
        (.manageChannels, "MANAGE_CHANNELS"), (.manageGuild, "MANAGE_GUILD"),
        (.addReactions, "ADD_REACTIONS"), (.viewAuditLog, "VIEW_AUDIT_LOG"),
        (.prioritySpeaker, "PRIORITY_SPEAKER"), (.stream, "STREAM"),
        (.viewChannel, "VIEW_CHANNEL"), (.sendMessages, "SEND_MESSAGES"),
        (.sendTTSMessages, "SEND_TTS_MESSAGES"), (.manageMessages, "MANAGE_MESSAGES"),
        (.embedLinks, "EMBED_LINKS"), (.attachFiles, "ATTACH_FILES"),
        (.readMessageHistory, "READ_MESSAGE_HISTORY"), (.mentionEveryone, "MENTION_EVERYONE"),
        (.useExternalEmojis, "USE_EXTERNAL_EMOJIS"), (.connect, "CONNECT"), (.speak, "SPEAK"),
        (.muteMembers, "MUTE_MEMBERS"), (.deafenMembers, "DEAFEN_MEMBERS"),
        (.moveMembers, "MOVE_MEMBERS"), (.useVAD, "USE_VAD"),
        (.changeNickname, "CHANGE_NICKNAME"), (.manageNicknames, "MANAGE_NICKNAMES"),
        (.manageRoles, "MANAGE_ROLES"), (.manageWebhooks, "MANAGE_WEBHOOKS"),
        (.manageEvents, "MANAGE_EVENTS"), (.manageThreads, "MANAGE_THREADS"), (.createPublicThreads, "CREATE_PUBLIC_THREADS"),
        (.createPrivateThreads, "CREATE_PRIVATE_THREADS"),
        (.sendMessagesInThreads, "SEND_MESSAGES_IN_THREADS"), (.createEvents, "CREATE_EVENTS"),
        (.pinMessages, "PIN_MESSAGES"),
    ]

    /// Permission names in bit order, e.g. `["VIEW_CHANNEL", "CONNECT"]`; unnamed bits as `BIT_n`.
    public var names: [String] {
        var result: [String] = []
        for bit in 0..<64 {
            let flag = Permissions(rawValue: 1 << UInt64(bit))
            guard contains(flag) else { continue }
            result.append(Self.names.first(where: { $0.0 == flag })?.1 ?? "BIT_\(bit)")
        }
        return result
    }

    /// Looks up a permission by its Discord name (`VIEW_CHANNEL`), case-insensitively.
    public init?(name: String) {
        guard let match = Self.names.first(where: { $0.1 == name.uppercased() }) else { return nil }
        self = match.0
    }

    public var description: String { names.isEmpty ? "none" : names.joined(separator: "|") }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            guard let value = UInt64(string) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(string)' is not a permission bitset")
            }
            self.rawValue = value
        } else {
            self.rawValue = try container.decode(UInt64.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(rawValue))
    }
}
