import DiscordTypes
import Foundation

/// The series statistics post, in the archive once a series is archived: events run,
/// distinct participants, podium finishes per driver, each event's best result and the
/// driver with most stints. Posted in the archived signup channel of the series' last
/// event that had one (the archive has no channel of its own).
enum SeriesStatisticsCard {
    static let color = 0x9B59B6
    /// Rows shown per list before "and N more".
    static let maxRows = 10

    static func message(_ plan: Timeline.SeriesPlan, channel: ResourceKey, members: [String: Member]) -> DesiredMessage {
        let key = ResourceKey.series(plan.series.id).appending("message", "statistics")
        let footer = CardText.footer(key)
        let run = plan.events.map(\.event).filter { $0.end <= plan.archiveAt }
        let participants = Set(run.flatMap(\.participants))
        var podiums: [String: Int] = [:]
        var stints: [String: Int] = [:]
        var best: [String] = []
        for event in run {
            let teams = Dictionary(event.teams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for result in event.results where result.position <= 3 {
                for member in teams[result.team]?.members ?? [] { podiums[member, default: 0] += 1 }
            }
            if let top = event.results.min(by: { ($0.position, $0.team) < ($1.position, $1.team) }) {
                best.append("\(DiscordMarkdown.escape(event.name)): **P\(top.position)** \(DiscordMarkdown.escape(teams[top.team]?.name ?? top.team))")
            }
            for team in event.teams { for stint in team.stints { stints[stint.driver, default: 0] += 1 } }
        }
        var fields = [
            Embed.Field(name: "Events run", value: "\(run.count)", inline: true),
            Embed.Field(name: "Participants", value: "\(participants.count)", inline: true),
        ]
        let podiumLines = ranked(podiums).map { "\(CardText.member($0.id, members)) — \($0.count) podium\($0.count == 1 ? "" : "s")" }
        if !podiumLines.isEmpty { fields.append(Embed.Field(name: "Podiums", value: capped(podiumLines))) }
        if !best.isEmpty { fields.append(Embed.Field(name: "Best results", value: capped(best))) }
        if let most = stints.values.max() {
            let leaders = ranked(stints).filter { $0.count == most }.map { CardText.member($0.id, members) }
            fields.append(Embed.Field(name: "Most stints", value: capped(leaders.map { "\($0) — \(most) stint\(most == 1 ? "" : "s")" })))
        }
        let embed = Embed(title: "\(plan.series.name) — season statistics", color: color,
                          timestamp: ValueParsers.timestampText(plan.archiveAt), fields: fields,
                          footer: Embed.Footer(text: footer))
        return DesiredMessage(key: key, channel: channel,
                              content: "📊 **\(DiscordMarkdown.escape(plan.series.name))** is archived: the season in numbers",
                              embeds: [embed], marker: .embedFooter(text: footer), group: "Archive")
    }

    /// Member ids by count, highest first, then by id (deterministic).
    static func ranked(_ counts: [String: Int]) -> [(id: String, count: Int)] {
        counts.map { (id: $0.key, count: $0.value) }.sorted { ($1.count, $0.id) < ($0.count, $1.id) }
    }

    /// At most `maxRows` lines within a field value's 1024 characters, then "and N more".
    static func capped(_ lines: [String]) -> String {
        var shown: [String] = []
        var size = 0
        for line in lines.prefix(maxRows) where size + line.count + 1 <= Embed.Limit.fieldValue - 20 {
            shown.append(line)
            size += line.count + 1
        }
        let rest = lines.count - shown.count
        return (shown + (rest > 0 ? ["… and \(rest) more"] : [])).joined(separator: "\n")
    }
}
