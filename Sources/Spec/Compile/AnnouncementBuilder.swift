import DiscordTypes
import Foundation

/// A team's announcements at one instant (part of `compile`): stint alerts, the team notice
/// and the strategy-changed notice, each once it is due. One still inside its window
/// (`announcement_grace` after its instant) goes to `DesiredGuild.messages`; one past it to
/// `DesiredGuild.lapsed`, to be recorded as skipped. After the race nothing is listed.
struct AnnouncementBuilder {
    let settings: ClubSettings
    let members: [String: Member]
    let at: Date

    func add(_ team: Team, key teamKey: ResourceKey, of event: Timeline.EventPlan, group: String,
             to guild: inout DesiredGuild) {
        guard at < event.event.end else { return }
        let thread = teamKey.appending("thread")
        func announce(_ name: String, _ kind: Announcement.Kind, due: Date, revision: String,
                      content: () -> String, pings: [Snowflake], marker: MessageMarker? = nil) {
            guard at >= due else { return }
            let grace = settings.notifications.announcementGrace
            // The window is [due, due + grace): the instant it closes is a transition.
            let lapsed = at.timeIntervalSince(due) >= grace ? AnnouncementText.lapsed(due: due, grace: grace) : nil
            let message = DesiredMessage(
                key: teamKey.appending("message", name), channel: thread, content: content(), marker: marker,
                group: group, pings: pings,
                family: .announcement(Announcement(kind: kind, due: due, revision: revision, lapsed: lapsed)))
            if lapsed == nil { guild.messages.append(message) } else { guild.lapsed.append(message) }
        }
        let users = team.members.compactMap { members[$0]?.discordUserID }
        announce("team-notice", .teamNotice, due: event.teamsFrom,
                 revision: "members " + team.members.map { "\($0)=\(members[$0]?.discordUserID?.description ?? "-")" }.joined(separator: ","),
                 content: { AnnouncementText.teamNotice(team, event: event.displayName, members: members) }, pings: users,
                 marker: .contentPrefix(prefix: AnnouncementText.teamNoticePrefix))
        if let strategy = team.strategy {
            let fields = [strategy.pitStops.map(String.init), strategy.fuelPerStint, strategy.tyres, strategy.notes]
            announce("strategy-changed", .strategyChanged, due: event.teamsFrom,
                     revision: "strategy " + fields.map { $0 ?? "-" }.joined(separator: "\u{1F}"),
                     content: { AnnouncementText.strategyChanged(team, members: members) }, pings: users,
                     marker: .contentPrefix(prefix: AnnouncementText.strategyChangedPrefix))
        }
        guard settings.stintAlerts else { return }
        for (index, stint) in team.stints.enumerated() {
            let number = index + 1
            let driver = members[stint.driver]?.discordUserID
            announce("stint-\(number)", .stintAlert, due: stint.start.addingTimeInterval(-settings.notifications.stintAlertLead),
                     revision: "\(stint.driver)@\(Int(stint.start.timeIntervalSince1970))",
                     content: { AnnouncementText.stintAlert(stint, number: number, team: team, members: members) },
                     pings: driver.map { [$0] } ?? [],
                     marker: .contentPrefix(prefix: AnnouncementText.stintAlertPrefix(number: number)))
        }
    }
}
