import DiscordTypes
import Planner
import Spec

/// A small sim-racing club (one series, one event, one team) and its guild, used by the
/// golden tests. Ids: guild 1000, bot user 900 (role 1001, position 10), owner 901.
enum ClubFixture {
    static let guild: Snowflake = 1000
    static let bot: Snowflake = 900
    static let botRole: Snowflake = 1001
    static let adminRole: Snowflake = 1002
    static let alice: Snowflake = 501, bob: Snowflake = 502, carol: Snowflake = 503, dave: Snowflake = 504
    static let stranger: Snowflake = 599

    static let seriesRole: ResourceKey = "series/gt3-cup/role"
    static let alphaRole: ResourceKey = "series/gt3-cup/event/spa-6h/team/alpha/role"
    static let category: ResourceKey = "series/gt3-cup/category"
    static let archive: ResourceKey = "archive/category"
    static let announcements: ResourceKey = "series/gt3-cup/announcements"
    static let signup: ResourceKey = "series/gt3-cup/event/spa-6h/signup"
    static let raceVoice: ResourceKey = "series/gt3-cup/event/spa-6h/team/alpha/race-voice"
    static let alphaThread: ResourceKey = "series/gt3-cup/event/spa-6h/team/alpha/thread"
    static let signupMessage: ResourceKey = "series/gt3-cup/event/spa-6h/message/signup"

    static let series = "GT3 Cup"
    static let event = "GT3 Cup › Spa 6h"

    /// The layout, with the bot's access ensured as `compile` does (`BotAccess`).
    static var desired: DesiredGuild {
        BotAccess.ensure(layout, bot: bot)
    }

    /// The layout as written, before `BotAccess`: it would lock the bot out of the private
    /// category's channels and the race voice channel.
    static var layout: DesiredGuild {
        DesiredGuild(
            guildID: guild,
            roles: [
                DesiredRole(key: seriesRole, name: "GT3 Cup", color: 0x3498DB, hoist: true,
                            members: [alice, bob, carol], group: series),
                DesiredRole(key: alphaRole, name: "Spa 6h · Alpha", color: 0xE67E22,
                            members: [alice, bob], group: event),
            ],
            channels: [
                DesiredChannel(key: category, kind: .category, name: "GT3 Cup",
                               overwrites: [
                                   DesiredOverwrite(target: .everyone, deny: .viewChannel),
                                   DesiredOverwrite(target: .managedRole(seriesRole), allow: .viewChannel),
                                   DesiredOverwrite(target: .role(adminRole), allow: [.viewChannel, .manageMessages]),
                               ], group: series),
                DesiredChannel(key: announcements, kind: .text, name: "announcements", topic: "Series news",
                               parent: category, group: series),
                DesiredChannel(key: signup, kind: .text, name: "spa-6h-signup",
                               topic: "Sign up for the Spa 6 Hours", parent: category, group: event),
                DesiredChannel(key: raceVoice, kind: .voice, name: "Spa 6h · Alpha race", parent: category,
                               overwrites: [
                                   DesiredOverwrite(target: .everyone, deny: [.viewChannel, .connect]),
                                   DesiredOverwrite(target: .managedRole(alphaRole), allow: [.viewChannel, .connect, .speak]),
                               ], userLimit: 4, group: event),
                DesiredChannel(key: archive, kind: .category, name: "Archive",
                               overwrites: [DesiredOverwrite(target: .everyone, deny: .sendMessages)]),
            ],
            threads: [
                DesiredThread(key: alphaThread, name: "Team Alpha", parent: signup, members: [alice, bob],
                              group: event),
            ],
            messages: [
                DesiredMessage(key: signupMessage, channel: signup, content: "Signups for the Spa 6 Hours are open.",
                               embeds: [Embed(title: "Spa 6h", description: "6 hours, 3 drivers per car")],
                               pinned: true, group: event),
            ])
    }

    static func member(_ id: Snowflake, _ name: String, roles: [Snowflake] = []) -> GuildMember {
        GuildMember(user: User(id: id, username: name), roles: roles)
    }

    /// A guild with only its base: @everyone, the bot's role, an admin role above the bot,
    /// four members, and unmanaged junk (a category, a text and a voice channel).
    static var emptyGuild: GuildSnapshot {
        GuildSnapshot(
            guildID: guild, ownerID: 901,
            channels: [
                Channel(id: 2001, type: .guildText, guildID: guild, name: "general", position: 0),
                Channel(id: 2002, type: .guildCategory, guildID: guild, name: "Lobby", position: 0),
                Channel(id: 2003, type: .guildVoice, guildID: guild, name: "Lounge", position: 0, parentID: 2002),
            ],
            roles: [
                Role(id: guild, name: "@everyone", position: 0, permissions: [.viewChannel, .sendMessages]),
                Role(id: botRole, name: "Simlane", position: 10, permissions: .reconcilerBot, managed: true),
                Role(id: adminRole, name: "Admins", position: 11, permissions: .administrator),
                Role(id: 1003, name: "Members", position: 2),
            ],
            members: [
                member(bot, "simlane", roles: [botRole]),
                member(901, "owner", roles: [adminRole]),
                member(alice, "alice"), member(bob, "bob"), member(carol, "carol"), member(dave, "dave"),
            ],
            botUserID: bot)
    }

    static func diff(
        _ desired: DesiredGuild, _ snapshot: GuildSnapshot, _ ownership: Ownership = Ownership(),
        allowDestroy: Bool = false
    ) throws(PlanRefusal) -> Plan {
        try Planner.diff(desired: desired, snapshot: snapshot, ownership: ownership,
                         options: PlanOptions(allowDestroy: allowDestroy))
    }

    /// The guild after the full layout was applied to the empty guild.
    static func converged(_ desired: DesiredGuild = desired) throws -> (GuildSnapshot, Ownership) {
        let plan = try diff(desired, emptyGuild)
        return PlanSimulator.apply(plan, to: emptyGuild, ownership: Ownership())
    }
}

extension GuildSnapshot {
    /// Edits the live channel a key owns.
    mutating func editChannel(_ key: ResourceKey, _ ownership: Ownership, _ edit: (inout Channel) -> Void) {
        guard let id = ownership[key]?.id else { return }
        if let i = channels.firstIndex(where: { $0.id == id }) { edit(&channels[i]) }
        if let i = threads.firstIndex(where: { $0.id == id }) { edit(&threads[i]) }
    }

    mutating func editMember(_ user: Snowflake, _ edit: (inout GuildMember) -> Void) {
        if let i = members.firstIndex(where: { $0.user?.id == user }) { edit(&members[i]) }
    }
}
