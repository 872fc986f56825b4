import DiscordTypes
import Foundation
import Spec
import Testing

/// The example club rendered at five instants of its season, as text and JSON.
@Suite struct ExampleGoldenTests {
    static let cases: [(name: String, at: String)] = [
        ("signup-open", "2026-11-20T12:00:00Z"),
        ("teams-assigned", "2026-12-01T12:00:00Z"),
        ("race-day-t-minus-23h", "2026-12-04T19:00:00Z"),
        ("after-race", "2026-12-06T12:00:00Z"),
        ("after-archival", "2027-03-01T12:00:00Z"),
    ]

    static func club() throws -> ClubConfig {
        try ConfigLoader.load(path: Paths.example("apex-endurance"))
    }

    @Test(arguments: cases.map(\.name))
    func render(caseName: String) throws {
        let config = try Self.club()
        let at = instant(Self.cases.first { $0.name == caseName }!.at)
        let compiled = Compiler.compile(config, at: at)
        Golden.check(LayoutRenderer.text(compiled, config: config, at: at), case: caseName, file: "render.txt")
        Golden.check(LayoutRenderer.json(compiled, at: at) + "\n", case: caseName, file: "render.json")
        Golden.check(MessagePreview.text(compiled, config: config, at: at), case: caseName, file: "messages.txt")
    }

    /// The preview shows messages as members read them: names for mentions, UTC for
    /// timestamps, escapes and mass-mention breakers gone.
    @Test func messagePreviewShowsTextAsDiscordDisplaysIt() throws {
        let config = try Self.club()
        let id = try #require(config.club.members.first { $0.discordUserID != nil })
        let text = "\(DiscordMarkdown.userMention(id.discordUserID!)) \(DiscordMarkdown.escape("@everyone *fast*")) "
            + DiscordMarkdown.timestamp(instant("2026-12-05T18:00:00Z"), .longDateTime) + " "
            + DiscordMarkdown.timestamp(instant("2026-12-05T18:00:00Z"), .relative)
        let message = DesiredMessage(key: "k", channel: "c", content: text)
        var compiled = Compiler.compile(config, at: instant("2026-12-01T12:00:00Z"))
        compiled.desired.messages = [message]
        let preview = MessagePreview.text(compiled, config: config, at: instant("2026-12-01T12:00:00Z"))
        #expect(preview.contains("@\(id.displayName) @everyone *fast* 2026-12-05 18:00 UTC in 4 days"))
    }

    /// An admin previewing messages sees who each announcement will ping, and that a
    /// strategy notice goes out only for a later change; cards show no such line.
    @Test func messagePreviewSaysWhoEachAnnouncementPings() throws {
        let config = try Self.club()
        let at = instant("2026-12-05T19:46:00Z")
        let preview = MessagePreview.text(Compiler.compile(config, at: at), config: config, at: at)
        let alert = "── series/endurance/event/end-petit/team/red/message/stint-alice-1796500800\n"
            + "   in #petit-le-mans-signup › 🧵 Apex Red\n"
            + "   >> stint-alert, pings @Alice Moreau\n"
        #expect(preview.contains(alert))
        let published = instant("2026-11-28T18:01:00Z")
        let notices = MessagePreview.text(Compiler.compile(config, at: published), config: config, at: published)
        #expect(notices.contains("   >> team-notice, pings @Alice Moreau, @Kenji Sato, @Lena Novak\n"))
        #expect(notices.contains("   >> strategy-changed, pings @Alice Moreau, @Kenji Sato, @Lena Novak (sent only for a later change)\n"))
        let card = try #require(preview.components(separatedBy: "── ").first { $0.hasPrefix("series/endurance/event/end-petit/message/signup") })
        #expect(!card.contains(">>"))
    }

    @Test func exampleValidatesWithoutErrors() throws {
        let config = try Self.club()
        #expect(config.club.members.count == 30)
        #expect(config.club.members.filter { $0.discordUserID != nil }.count == 27)
        #expect(config.club.series.count == 3)
        #expect(config.club.events.count >= 8)
        #expect(config.warnings.allSatisfy { $0.severity == .warning })
        #expect(config.settings.discord.guildID == Snowflake(1_180_244_318_470_983_750))
    }
}
