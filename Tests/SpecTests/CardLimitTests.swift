import DiscordTypes
import Foundation
import Spec
import Testing

/// Cards whose length grows with the data stay inside Discord's message limits.
@Suite struct CardLimitTests {
    /// A team with 55 stints and every strategy text at its limit: the strategy card keeps
    /// the strategy and as much of the stint table as the 6000-character total leaves.
    @Test func anOverlongStrategyCardStaysWithinTheEmbedTotal() throws {
        let start = instant("2026-12-12T18:00:00Z")
        let stints = (0..<55).map { index in
            let from = ValueParsers.timestampText(start.addingTimeInterval(TimeInterval(index * 360)))
            let to = ValueParsers.timestampText(start.addingTimeInterval(TimeInterval((index + 1) * 360)))
            return "          - { driver: \(["ana", "bo"][index % 2]), start: \(from), end: \(to) }"
        }.joined(separator: "\n")
        let long = String(repeating: "x", count: 1500)
        let body = """
                signup: { url: https://x.test/s, opens: 2026-12-01T18:00:00Z, closes: 2026-12-05T18:00:00Z }
                start: 2026-12-12T18:00:00Z
                duration: 6h
                participants: [ana, bo]
                teams:
                  - id: red
                    name: Red
                    members: [ana, bo]
                    stints:
            \(stints)
                    strategy: { pit_stops: 54, fuel_per_stint: \(long), tyres: \(long), notes: \(long) }

            """
        let config = try TestClub.load(club: TestClub.oneEvent(body))
        let messages = Compiler.compile(config, at: instant("2026-12-06T12:00:00Z")).desired.messages
        let card = try #require(messages.first { $0.key.rawValue.hasSuffix("/team/red/message/strategy") })
        let embed = try #require(card.embeds.first)
        #expect(embed.characterCount <= Embed.Limit.total)
        #expect(embed.description?.hasPrefix("`1` ") == true)
        #expect((embed.description?.split(separator: "\n").count ?? 0) < 55, "the table gave way to the strategy")
        #expect(embed.fields?.map(\.name) == ["Pit stops", "Fuel per stint", "Tyres", "Notes"])
        // Without the strategy texts the whole table fits again.
        let short = try TestClub.load(club: TestClub.oneEvent(body.replacingOccurrences(of: long, with: "x")))
        let full = try #require(Compiler.compile(short, at: instant("2026-12-06T12:00:00Z")).desired.messages
            .first { $0.key.rawValue.hasSuffix("/team/red/message/strategy") }?.embeds.first?.description)
        #expect(full.split(separator: "\n").count == 55)
    }
}
