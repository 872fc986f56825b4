import DiscordTypes
import Foundation

/// The results post in the event's channel once the race is over and results exist: each
/// team's position, laps, best lap, gap and incidents where the data has them. Edited in
/// place when results are corrected; split over `results-1`, `results-2`, … for big grids.
enum ResultsCard {
    static let color = 0xF1C40F

    static func messages(_ plan: Timeline.EventPlan, at: Date, channel: ResourceKey, eventKey: ResourceKey,
                         group: String) -> [DesiredMessage] {
        let event = plan.event
        guard at >= event.end, !event.results.isEmpty else { return [] }
        let teams = Dictionary(event.teams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = event.results.sorted { ($0.position, $0.team) < ($1.position, $1.team) }.map { result in
            line(result, team: teams[result.team])
        }
        let pages = CardPages.messages(CardPages.descriptions(lines))
        return pages.enumerated().map { index, descriptions in
            let key = eventKey.appending("message", "results-\(index + 1)")
            let part = pages.count > 1 ? " (\(index + 1)/\(pages.count))" : ""
            let footer = CardText.footer(key)
            var embeds = CardPages.embeds(descriptions, title: "Results — \(event.name)\(part)", color: color, footer: footer)
            embeds[0].timestamp = ValueParsers.timestampText(event.end)
            return DesiredMessage(
                key: key, channel: channel,
                content: index == 0 ? "🏁 **\(DiscordMarkdown.escape(event.name))** — results" : "🏁 **\(DiscordMarkdown.escape(event.name))** — results, part \(index + 1)",
                embeds: embeds, marker: .embedFooter(text: footer), group: group)
        }
    }

    /// `**P1** Apex Red (Porsche 911 GT3 R) · 170 laps · best 2:18.456 · +12.345 · 2 incidents`.
    static func line(_ result: RaceResult, team: Team?) -> String {
        var name = DiscordMarkdown.escape(team?.name ?? result.team)
        if let car = team?.car { name += " (\(DiscordMarkdown.escape(car)))" }
        var parts = ["**P\(result.position)** \(name)"]
        if let laps = result.laps { parts.append("\(laps) laps") }
        if let best = result.bestLap { parts.append("best \(DiscordMarkdown.escape(best))") }
        if let gap = result.gap { parts.append(DiscordMarkdown.escape(gap)) }
        if let status = result.status { parts.append(DiscordMarkdown.escape(status)) }
        if let incidents = result.incidents { parts.append("\(incidents) incident\(incidents == 1 ? "" : "s")") }
        return parts.joined(separator: " · ")
    }
}
