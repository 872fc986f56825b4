import DiscordTypes
import Foundation

/// A team's strategy card in its thread: the stint table in each reader's local time, who
/// drives, then pit stops, fuel, tyres and notes from `teams[].strategy`. Edited in place
/// whenever the plan or strategy changes. None for a team with neither stints nor strategy.
enum StrategyCard {
    static let color = 0xE67E22

    static func message(_ team: Team, event: RaceEvent, members: [String: Member], teamKey: ResourceKey,
                        group: String) -> DesiredMessage? {
        guard !team.stints.isEmpty || team.strategy != nil else { return nil }
        let key = teamKey.appending("message", "strategy")
        let footer = CardText.footer(key)
        var lines = team.stints.enumerated().map { index, stint in
            "`\(index + 1)` \(CardText.range(stint.start, stint.end)) · \(CardText.member(stint.driver, members))"
        }
        if lines.isEmpty { lines = ["No stint plan yet."] }
        var fields: [Embed.Field] = []
        if let strategy = team.strategy {
            if let stops = strategy.pitStops { fields.append(Embed.Field(name: "Pit stops", value: "\(stops)", inline: true)) }
            if let fuel = strategy.fuelPerStint {
                fields.append(Embed.Field(name: "Fuel per stint", value: DiscordMarkdown.escape(fuel), inline: true))
            }
            if let tyres = strategy.tyres { fields.append(Embed.Field(name: "Tyres", value: DiscordMarkdown.escape(tyres), inline: true)) }
            if let notes = strategy.notes { fields.append(Embed.Field(name: "Notes", value: DiscordMarkdown.escapeLines(notes))) }
        }
        let title = team.car.map { "Strategy — \(team.name) (\($0))" } ?? "Strategy — \(team.name)"
        var embed = Embed(title: title, color: color,
                          timestamp: ValueParsers.timestampText(event.start), fields: fields.isEmpty ? nil : fields,
                          footer: Embed.Footer(text: footer)).prepared
        // The stint table takes what the 6000-character total leaves after the strategy
        // fields; a plan too long for it shows its first stints.
        let room = min(Embed.Limit.description, Embed.Limit.total - embed.characterCount)
        embed.description = CardPages.descriptions(lines, limit: max(room, 1)).first
        return DesiredMessage(
            key: key, channel: teamKey.appending("thread"),
            content: "**\(DiscordMarkdown.escape(team.name))** — race plan for \(DiscordMarkdown.escape(event.name)), \(DiscordMarkdown.timestamp(event.start, .longDateTime))",
            embeds: [embed], marker: .embedFooter(text: footer), group: group)
    }
}
