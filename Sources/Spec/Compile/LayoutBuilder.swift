import DiscordTypes
import Foundation

/// Builds the `DesiredGuild` at one instant from a `Timeline` (the body of `compile`).
struct LayoutBuilder {
    static let maxPerCategory = GuildLimits.channelsPerCategory
    /// Denied to `@everyone` in an archived channel. Only bits the bot holds
    /// (`Permissions.reconcilerBot`): Discord refuses an overwrite that allows or denies a
    /// bit the bot lacks (DISCORD.md §5), which is why ADD_REACTIONS is not here.
    static let readOnly: Permissions = [
        .sendMessages, .sendMessagesInThreads, .createPublicThreads, .createPrivateThreads,
    ]
    static let voiceAccess: Permissions = [.viewChannel, .connect, .speak]
    static let palette = [0x3498DB, 0xE74C3C, 0x2ECC71, 0xF1C40F, 0x9B59B6, 0x1ABC9C, 0xE67E22, 0x95A5A6]

    let timeline: Timeline
    let at: Date
    /// Off when only the shape matters (limit checks): messages are the costly part.
    let includeMessages: Bool
    private var settings: ClubSettings { timeline.settings }

    init(timeline: Timeline, at: Date, includeMessages: Bool = true) {
        self.timeline = timeline
        self.at = at
        self.includeMessages = includeMessages
    }

    func build() -> DesiredGuild {
        var guild = DesiredGuild(guildID: settings.discord.guildID, policy: settings.policy)
        var archived: [DesiredChannel] = []
        var retired: Set<ResourceKey> = []
        for plan in timeline.series {
            let seriesKey = ResourceKey.series(plan.series.id)
            if let retire = plan.retireAt, at >= retire {
                retired.insert(seriesKey)
                // Without channels there is nothing more to retire than at archival (its roles).
                for event in plan.events {
                    retired.formUnion(settings.autoCreateChannels ? allKeys(event)
                                      : teamKeys(event, kinds: ["role", "practice-voice", "race-voice"]))
                }
                continue
            }
            if at >= plan.archiveAt {
                retired.insert(seriesKey)
                for event in plan.events {
                    retired.formUnion(teamKeys(event, kinds: ["role", "practice-voice", "race-voice"]))
                    // An event that had not opened when an admin archived the series never appears.
                    guard settings.autoCreateChannels, event.channelFrom <= plan.archiveAt else { continue }
                    var channel = signupChannel(event, parent: nil)
                    // The bot keeps what it needs there through `BotAccess`.
                    channel.overwrites = [DesiredOverwrite(target: .everyone, deny: Self.readOnly)]
                    archived.append(channel)
                    addTeams(event, to: &guild, archived: true)
                }
                if settings.autoCreateChannels, includeMessages,
                   let last = plan.events.last(where: { $0.channelFrom <= plan.archiveAt }) {
                    guild.messages.append(SeriesStatisticsCard.message(
                        plan, channel: eventKey(last).appending("signup"), members: timeline.membersByID))
                }
                continue
            }
            var children: [DesiredChannel] = []
            for event in plan.events where event.channelFrom <= at {
                if settings.autoCreateChannels, settings.voiceChannels, at >= event.raceVoiceUntil {
                    retired.formUnion(teamKeys(event, kinds: ["race-voice"]))
                }
                if settings.autoCreateChannels { children.append(signupChannel(event, parent: seriesKey)) }
                children.append(contentsOf: addTeams(event, to: &guild, archived: false))
            }
            guard settings.autoCreateChannels, !children.isEmpty else { continue }
            guild.channels.append(contentsOf: Self.categorise(
                children, keys: { $0 == 1 ? seriesKey : .seriesOverflow(plan.series.id, $0) },
                name: plan.series.name, group: plan.series.name))
        }
        if !archived.isEmpty {
            guild.channels.append(contentsOf: Self.categorise(archived, keys: { .archive($0) }, name: "Archive", group: "Archive"))
        }
        let desiredKeys = Set(guild.channels.map(\.key) + guild.roles.map(\.key) + guild.threads.map(\.key))
        let events = ScheduledEventLayout(timeline: timeline, at: at).build()
        guild.scheduledEvents = events.events
        guild.retired = retired.subtracting(desiredKeys).union(events.retired).sorted()
        return BotAccess.ensure(guild, bot: settings.discord.applicationID)
    }

    /// Splits channels into categories of at most 50, named "Name", "Name (2)", …
    static func categorise(_ children: [DesiredChannel], keys: (Int) -> ResourceKey, name: String,
                           group: String) -> [DesiredChannel] {
        var result: [DesiredChannel] = []
        var index = 0
        var number = 1
        while index < children.count {
            let key = keys(number)
            // A long title keeps its start; the overflow number is kept whole.
            let title: [Naming.Part] = number == 1 ? [.descriptive(name)] : [.descriptive(name), .identifying(" (\(number))")]
            result.append(DesiredChannel(key: key, kind: .category, name: Naming.displayName(title), group: group))
            for var child in children[index..<min(index + maxPerCategory, children.count)] {
                child.parent = key
                result.append(child)
            }
            index += maxPerCategory
            number += 1
        }
        return result
    }

    /// `Event · Team`: the event name is shortened before the team's.
    static func roleName(event: Naming.EventName, team: String) -> String {
        Naming.displayName(event.parts + [.literal(" · "), .identifying(team)])
    }

    static func threadName(team: String) -> String { Naming.displayName([.identifying(team)]) }

    private func group(_ event: Timeline.EventPlan) -> String {
        "\(event.series.name) › \(event.event.name)"
    }

    private func eventKey(_ event: Timeline.EventPlan) -> ResourceKey {
        .event(series: event.series.id, event: event.event.id)
    }

    private func teamKeys(_ event: Timeline.EventPlan, kinds: [String]) -> [ResourceKey] {
        event.event.teams.flatMap { team in
            kinds.map { ResourceKey.team(series: event.series.id, event: event.event.id, team: team.id).appending($0) }
        }
    }

    private func allKeys(_ event: Timeline.EventPlan) -> [ResourceKey] {
        [eventKey(event).appending("signup")]
            + teamKeys(event, kinds: ["role", "thread", "practice-voice", "race-voice"])
    }

    private func signupChannel(_ event: Timeline.EventPlan, parent: ResourceKey?) -> DesiredChannel {
        let name = Naming.textName(Naming.parts(settings.channelNamePattern, series: event.series.name,
                                                event: event.name, team: nil, kind: .signup))
        return DesiredChannel(key: eventKey(event).appending("signup"), kind: .text, name: name,
                              topic: SignupCard.topic(event.event), parent: parent, group: group(event))
    }

    /// Adds the event's cards (signup, entry list, results), team roles, threads with their
    /// strategy cards, and alerts; returns its voice channels.
    @discardableResult
    private func addTeams(_ event: Timeline.EventPlan, to guild: inout DesiredGuild, archived: Bool) -> [DesiredChannel] {
        let channelKey = eventKey(event).appending("signup")
        if settings.autoCreateChannels, includeMessages {
            let key = eventKey(event).appending("message", "signup")
            let footer = SignupCard.footer(key)
            guild.messages.append(DesiredMessage(
                key: key, channel: channelKey,
                content: SignupCard.content(event, at: at),
                embeds: [SignupCard.embed(event, at: at, members: timeline.membersByID, footer: footer)],
                components: SignupCard.buttons(event.event, at: at),
                pinned: true, marker: .embedFooter(text: footer), group: group(event)))
            guild.messages += EntryListCard.messages(event, at: at, members: timeline.membersByID, channel: channelKey,
                                                     eventKey: eventKey(event), group: group(event))
            guild.messages += ResultsCard.messages(event, at: at, channel: channelKey, eventKey: eventKey(event),
                                                   group: group(event))
        }
        guard !event.event.teams.isEmpty, at >= event.teamsFrom else { return [] }
        var voice: [DesiredChannel] = []
        for (teamIndex, team) in event.event.teams.enumerated() {
            let teamKey = ResourceKey.team(series: event.series.id, event: event.event.id, team: team.id)
            let users = team.members.compactMap { timeline.membersByID[$0]?.discordUserID }
            if !archived {
                guild.roles.append(DesiredRole(
                    key: teamKey.appending("role"),
                    name: Self.roleName(event: event.name, team: team.name),
                    color: Self.palette[teamIndex % Self.palette.count], members: users, group: group(event)))
            }
            guard settings.autoCreateChannels else { continue }
            guild.threads.append(DesiredThread(
                key: teamKey.appending("thread"), name: Self.threadName(team: team.name), parent: channelKey,
                isPrivate: true, members: users, archived: archived, locked: archived,
                reopen: !archived && at < event.event.end, group: group(event)))
            if includeMessages, let card = StrategyCard.message(team, event: event.event, members: timeline.membersByID,
                                                                teamKey: teamKey, group: group(event)) {
                guild.messages.append(card)
            }
            if !archived, includeMessages {
                AnnouncementBuilder(settings: settings, members: timeline.membersByID, at: at)
                    .add(team, key: teamKey, of: event, group: group(event), to: &guild)
            }
            guard !archived, settings.voiceChannels else { continue }
            voice.append(DesiredChannel(
                key: teamKey.appending("practice-voice"), kind: .voice,
                name: Naming.displayName(Naming.parts(settings.channelNamePattern, series: event.series.name,
                                                      event: event.name, team: team.name, kind: .practice)),
                group: group(event)))
            if at >= event.raceVoiceFrom, at < event.raceVoiceUntil {
                var overwrites = [
                    DesiredOverwrite(target: .everyone, deny: [.viewChannel, .connect]),
                    DesiredOverwrite(target: .managedRole(teamKey.appending("role")), allow: Self.voiceAccess),
                ]
                overwrites += settings.discord.adminRoles.map { DesiredOverwrite(target: .role($0), allow: Self.voiceAccess) }
                // @everyone's deny would lock the bot out too: `BotAccess` gives it back what it needs.
                voice.append(DesiredChannel(
                    key: teamKey.appending("race-voice"), kind: .voice,
                    name: Naming.displayName(Naming.parts(settings.channelNamePattern, series: event.series.name,
                                                          event: event.name, team: team.name, kind: .race)),
                    overwrites: overwrites, group: group(event)))
            }
        }
        return voice
    }
}
