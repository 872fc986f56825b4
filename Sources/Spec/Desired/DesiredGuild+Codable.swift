import DiscordTypes

/// `scheduledEvents` and `lapsed` are written only when there are some, so layouts of clubs without
/// `scheduled_events` encode as they always did (golden renders, saved plans).
extension DesiredGuild {
    enum CodingKeys: String, CodingKey {
        case guildID, roles, channels, threads, messages, scheduledEvents, lapsed, retired, policy
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(guildID: try c.decode(Snowflake.self, forKey: .guildID),
                  roles: try c.decode([DesiredRole].self, forKey: .roles),
                  channels: try c.decode([DesiredChannel].self, forKey: .channels),
                  threads: try c.decode([DesiredThread].self, forKey: .threads),
                  messages: try c.decode([DesiredMessage].self, forKey: .messages),
                  retired: try c.decode([ResourceKey].self, forKey: .retired),
                  policy: try c.decode(GuildPolicy.self, forKey: .policy))
        scheduledEvents = try c.decodeIfPresent([DesiredScheduledEvent].self, forKey: .scheduledEvents) ?? []
        lapsed = try c.decodeIfPresent([DesiredMessage].self, forKey: .lapsed) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(guildID, forKey: .guildID)
        try c.encode(roles, forKey: .roles)
        try c.encode(channels, forKey: .channels)
        try c.encode(threads, forKey: .threads)
        try c.encode(messages, forKey: .messages)
        if !scheduledEvents.isEmpty { try c.encode(scheduledEvents, forKey: .scheduledEvents) }
        if !lapsed.isEmpty { try c.encode(lapsed, forKey: .lapsed) }
        try c.encode(retired, forKey: .retired)
        try c.encode(policy, forKey: .policy)
    }
}
