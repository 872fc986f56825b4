import Foundation
import Spec
import Testing

/// `Compiler.sizes` counts the layout in one sweep instead of building it at every instant
/// (what made `validate` quadratic in events); it must agree with the built layout.
@Suite struct LayoutSizesTests {
    static func settingsVariants(_ settings: ClubSettings) -> [ClubSettings] {
        var noVoice = settings
        noVoice.voiceChannels = false
        var noChannels = settings
        noChannels.autoCreateChannels = false
        var keepForever = settings
        keepForever.retention.deleteArchivedAfter = nil
        return [settings, noVoice, noChannels, keepForever]
    }

    @Test func sweepMatchesTheBuiltLayoutAtEveryInstant() throws {
        let config = try ConfigLoader.load(path: Paths.example("apex-endurance"))
        for settings in Self.settingsVariants(config.settings) {
            let sizes = Compiler.sizes(club: config.club, settings: settings)
            #expect(sizes.count > 5, "the example changes at many instants")
            for size in sizes {
                let layout = Compiler.compile(club: config.club, settings: settings, at: size.at).desired
                #expect(size.channels == layout.channels.count, "channels at \(size.at)")
                #expect(size.roles == layout.roles.count, "roles at \(size.at)")
            }
        }
    }

    @Test func aSeriesPastFiftyChannelsCountsItsOverflowCategory() throws {
        var club = ClubData()
        club.series = [Series(id: "s", name: "Big")]
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for e in 0..<60 {
            club.events.append(RaceEvent(id: "e\(e)", series: "s", name: "Race \(e)", start: start.addingTimeInterval(Double(e) * 3_600),
                                         duration: 1_800, teamsPublished: start.addingTimeInterval(-86_400)))
        }
        let settings = ClubSettings(club: ClubIdentity(id: "c", name: "C"), discord: DiscordSettings(guildID: 1, applicationID: 2))
        let peak = try #require(Compiler.sizes(club: club, settings: settings).map(\.channels).max())
        #expect(peak == 62)  // 60 signup channels in two categories of at most 50
    }
}
