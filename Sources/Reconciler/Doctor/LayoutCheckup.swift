import DiscordTypes
import Planner
import Spec

/// `doctor`'s judgement of the layout against the live guild: whether the layout the club
/// wants now fits Discord's limits together with everything already in the guild (with
/// headroom), and whether the state store still matches the guild (owned ids that no longer
/// exist). Pure: it judges values the caller fetched.
public enum LayoutCheckup {
    /// The `layout` check: channels per guild and per category, roles per guild, counting
    /// what the guild has that we do not manage plus what the club wants.
    public static func limits(desired: DesiredGuild, channels: [Channel], roles: [Role],
                              ownership: Ownership) -> DoctorReport.Check {
        // Live resources that are not one of the desired ones count on top of the layout.
        let desiredChannelIDs = Set(desired.channels.compactMap { ownership[$0.key]?.id })
        let desiredRoleIDs = Set(desired.roles.compactMap { ownership[$0.key]?.id })
        let foreignChannels = channels.filter { !desiredChannelIDs.contains($0.id) && !$0.type.isThread }
        let foreignRoles = roles.filter { !desiredRoleIDs.contains($0.id) }
        let channelCount = foreignChannels.count + desired.channels.count
        let roleCount = foreignRoles.count + desired.roles.count
        var findings: [BotCheckup.Finding] = []
        func judge(_ count: Int, _ limit: Int, _ what: String, fix: String) {
            if count > limit {
                findings.append(.init(problem: "the layout needs \(count) \(what); Discord allows \(limit)", fix: fix))
            } else if Double(count) > Double(limit) * GuildLimits.nearShare {
                findings.append(.init(problem: "the layout needs \(count) \(what), close to Discord's \(limit): the next events may not fit", fix: fix))
            }
        }
        judge(channelCount, GuildLimits.channels,
              "channels (\(desired.channels.count) for the club, \(foreignChannels.count) others)",
              fix: "delete unused channels, set voice_channels: false, or shorten retention")
        judge(roleCount, GuildLimits.roles,
              "roles (\(desired.roles.count) for the club, \(foreignRoles.count) others, @everyone included)",
              fix: "delete unused roles, or archive finished events sooner (retention.archive_delay)")
        var children: [ResourceKey: Int] = [:]
        for channel in desired.channels { if let parent = channel.parent { children[parent, default: 0] += 1 } }
        for (parent, count) in children.sorted(by: { $0.key < $1.key }) {
            let name = desired.channels.first { $0.key == parent }?.name ?? parent.description
            judge(count, GuildLimits.channelsPerCategory, "channels in category '\(name)'",
                  fix: "split the series' events across categories")
        }
        return DoctorReport.Check(
            name: .layout, passed: findings.isEmpty,
            detail: "\(channelCount) of \(GuildLimits.channels) channels, \(roleCount) of \(GuildLimits.roles) roles",
            findings: findings)
    }

    /// The `state` check: channels and roles the state store owns that the guild no longer
    /// has (deleted by hand). Threads are not checked: archived ones are not listed in bulk.
    public static func state(channels: [Channel], roles: [Role], ownership: Ownership) -> DoctorReport.Check {
        let liveChannels = Set(channels.map(\.id))
        let liveRoles = Set(roles.map(\.id))
        var findings: [BotCheckup.Finding] = []
        for (key, entry) in ownership.entries.sorted(by: { $0.key < $1.key }) {
            let missing: Bool
            switch entry.kind {
            case .category, .text, .voice: missing = !liveChannels.contains(entry.id)
            case .role: missing = !liveRoles.contains(entry.id)
            case .thread, .message, .guild, .member, .scheduledEvent, .announcement: missing = false
            }
            if missing {
                findings.append(.init(
                    problem: "the state store owns \(entry.kind.rawValue) \(key) as \(entry.id), which the guild no longer has (deleted by hand?)",
                    fix: "run plan: the next apply creates it again (or remove it from club data if it should stay gone)"))
            }
        }
        let count = ownership.entries.count
        return DoctorReport.Check(name: .state, passed: findings.isEmpty,
                                  detail: "\(count) managed resource\(count == 1 ? "" : "s") in the state store",
                                  findings: findings)
    }
}
