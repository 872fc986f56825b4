import DiscordTypes

/// How Discord sorts channels: per parent, categories apart, text-like channels above
/// voice-like ones, then by (position, id). Relative order is compared within one group.
enum ChannelOrder {
    /// 0 categories, 1 text-like (text, announcement, forum, media), 2 voice-like.
    static func sortClass(_ type: ChannelType) -> Int {
        if type == .guildCategory { return 0 }
        return type.isVoice ? 2 : 1
    }

    struct Group: Hashable {
        var parent: Snowflake?
        var sortClass: Int
    }

    static func group(of channel: Channel) -> Group {
        Group(parent: channel.type == .guildCategory ? nil : channel.parentID, sortClass: sortClass(channel.type))
    }

    static func precedes(_ a: Channel, _ b: Channel) -> Bool {
        let pa = a.position ?? 0, pb = b.position ?? 0
        return pa != pb ? pa < pb : a.id < b.id
    }
}
