import DiscordTypes
import Foundation
import Spec
import Testing

/// Onboarding and admin controls in Spec: the permission set per feature, the files `init`
/// writes, the `archive:` edit, and what a manual archive compiles to.
@Suite struct OnboardingSpecTests {
    func settings(_ extra: String) throws -> ClubSettings {
        try TestClub.load(club: "kind: club\nmembers: []\n", settings: extra).settings
    }

    /// Values computed by hand from Discord's documented bits (DISCORD.md §5 and §6):
    /// 395408657424 (the seed's set with SEND_MESSAGES_IN_THREADS, MANAGE_THREADS and
    /// EMBED_LINKS) + PIN_MESSAGES (1<<51) - CREATE_PUBLIC_THREADS (1<<35, we open only
    /// private threads) = 2252160862604304.
    @Test func thePermissionIntegerFollowsTheEnabledFeatures() throws {
        #expect(BotPermissionNeeds(settings: try settings("")).permissions.rawValue == 2_252_160_862_604_304)
        // voice_channels: false drops CONNECT (1<<20) and SPEAK (1<<21).
        #expect(BotPermissionNeeds(settings: try settings("voice_channels: false\n")).permissions.rawValue
            == 2_252_160_862_604_304 - 1_048_576 - 2_097_152)
        // Only team roles: MANAGE_ROLES (1<<28) + VIEW_CHANNEL (1<<10).
        #expect(BotPermissionNeeds(settings: try settings("auto_create_channels: false\n")).permissions.rawValue
            == 268_435_456 + 1024)
        // Voice needs channels: voice_channels alone adds nothing when channels are off.
        #expect(BotPermissionNeeds(settings: try settings("auto_create_channels: false\nvoice_channels: true\n"))
            .permissions.rawValue == 268_436_480)
    }

    /// `BotAccess` gives the bot back only bits of `Permissions.reconcilerBot`; a needed bit
    /// outside it would be asked for in the invite but never granted in an overwrite.
    @Test func theInviteNeverAsksForABitTheProductDoesNotAssume() throws {
        let all = BotPermissionNeeds(settings: try settings("scheduled_events: true\n")).permissions
        #expect(all.rawValue == 2_269_761_638_583_312, "docs/permissions.md: every feature on, scheduled events too")
        #expect(all.isSubset(of: .reconcilerBot))
        #expect(Permissions.reconcilerBot.subtracting(all) == .createPublicThreads,
                "the assumed set differs only by public threads, which clubs never get")
    }

    @Test func everyNeededBitIsNamedWithItsFeatureAndPurpose() throws {
        let needs = BotPermissionNeeds(settings: try settings("")).needs
        #expect(needs.count == 12)
        #expect(Set(needs.map(\.name)).count == needs.count, "one entry per bit")
        let connect = try #require(needs.first { $0.name == "CONNECT" })
        #expect(connect.feature == "voice_channels" && connect.purpose.contains("MANAGE_CHANNELS"))
        var held = BotPermissionNeeds(settings: try settings("")).permissions
        held.remove(.pinMessages)
        #expect(BotPermissionNeeds(settings: try settings("")).missing(from: held).map(\.name) == ["PIN_MESSAGES"])
        #expect(BotPermissionNeeds(settings: try settings("")).missing(from: .administrator).isEmpty)
    }

    @Test func theInviteURLLocksTheGuildAndAsksForBotAndCommands() {
        let url = BotInviteURL(applicationID: 42, guildID: 500, permissions: [.manageRoles, .viewChannel]).string
        #expect(url == "https://discord.com/oauth2/authorize?client_id=42&scope=bot%20applications.commands&permissions=268436480&guild_id=500&disable_guild_select=true")
        #expect(!BotInviteURL(applicationID: 42, guildID: nil, permissions: []).string.contains("guild_id"))
    }

    @Test func theInitTemplateValidatesAndKeepsEveryValue() throws {
        let template = ClubTemplate(clubID: "nordic-gt", clubName: "Écurie \"Nord\" #1", guildID: 1_180_244_318_470_983_111,
                                    applicationID: 1_180_245_872_113_766_222, adminRoles: [1_180_246_602_878_992_404])
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let config = try ConfigLoader.load(sources: [
            SourceFile(path: "simlane.yaml", text: template.settingsYAML),
            SourceFile(path: "club.yaml", text: template.starterClubYAML(now: now)),
        ])
        #expect(config.settings.club.name == "Écurie \"Nord\" #1")
        #expect(config.settings.club.id == "nordic-gt")
        #expect(config.settings.discord.guildID == 1_180_244_318_470_983_111)
        #expect(config.settings.discord.adminRoles == [1_180_246_602_878_992_404])
        #expect(config.settings == ClubSettings(club: config.settings.club, discord: config.settings.discord),
                "every other setting is at its default")
        let event = try #require(config.club.events.first)
        #expect(event.start > now && event.signup!.opens <= now && event.signup!.closes < event.start)
        #expect(!Compiler.compile(config, at: now).desired.channels.isEmpty, "the first plan shows something")
    }

    static let club = """
        kind: club
        series:
          # The autumn series.
          - id: autumn
            name: Autumn Cup
          - { id: flow, name: Flow Cup }
        events: []
        """

    @Test func archiveIsWrittenUnderTheSeriesKeepingComments() throws {
        let source = SourceFile(path: "club.yaml", text: Self.club)
        let edited = try SeriesArchiveEdit.apply(to: [source], seriesID: "autumn", value: "2026-11-20T18:00:00Z", comment: "by hand")
        #expect(edited.text == Self.club.replacingOccurrences(
            of: "  - id: autumn\n", with: "  - id: autumn\n    archive: 2026-11-20T18:00:00Z  # by hand\n"))
        // A second archive replaces the line instead of adding one.
        let again = try SeriesArchiveEdit.apply(to: [edited], seriesID: "autumn", value: "now", comment: "again")
        #expect(again.text.components(separatedBy: "archive:").count == 2)
        #expect(again.text.contains("    archive: now  # again\n"))
    }

    @Test func archiveRefusesUnknownSeriesAndFlowStyle() {
        let source = SourceFile(path: "club.yaml", text: Self.club)
        #expect(throws: SeriesArchiveEdit.Failure.self) {
            try SeriesArchiveEdit.apply(to: [source], seriesID: "nope", value: "now", comment: "")
        }
        do {
            _ = try SeriesArchiveEdit.apply(to: [source], seriesID: "flow", value: "now", comment: "")
            Issue.record("flow style must be refused")
        } catch {
            #expect(error.message.contains("club.yaml:6") && error.message.contains("flow style"))
        }
    }

    /// A series of two events: Spa (signup from 1 Nov, race 10 Nov) and Monza (signup from
    /// 20 Nov, race 1 Dec); archived naturally 3 days after Monza ends.
    static func twoEvents(archive: String?) -> String {
        """
        kind: club
        members: []
        series:
          - id: cup
            name: Cup
        \(archive.map { "    archive: \($0)" } ?? "")
        events:
          - id: spa
            series: cup
            name: Spa
            signup: { url: "https://x.test/s", opens: 2026-11-01T00:00:00Z, closes: 2026-11-09T00:00:00Z }
            start: 2026-11-10T18:00:00Z
            duration: 2h
          - id: monza
            series: cup
            name: Monza
            signup: { url: "https://x.test/m", opens: 2026-11-20T00:00:00Z, closes: 2026-11-30T00:00:00Z }
            start: 2026-12-01T18:00:00Z
            duration: 2h
        """
    }

    func layout(archive: String?, at: String) throws -> DesiredGuild {
        let config = try TestClub.load(club: Self.twoEvents(archive: archive))
        return Compiler.compile(config, at: try #require(ISO8601DateFormatter().date(from: at))).desired
    }

    @Test func aManualArchiveArchivesTheSeriesAtItsInstant() throws {
        let before = try layout(archive: "2026-11-15T00:00:00Z", at: "2026-11-14T23:59:59Z")
        #expect(before.channels.contains { $0.key == "series/cup" }, "open until the instant")
        let after = try layout(archive: "2026-11-15T00:00:00Z", at: "2026-11-15T00:00:00Z")
        #expect(!after.channels.contains { $0.key == "series/cup" })
        let archived = after.channels.filter { $0.parent?.description.hasPrefix("archive") == true }
        #expect(archived.map(\.key.description) == ["series/cup/event/spa/signup"],
                "Monza had not opened when the series was archived, so it never appears")
        // Without the field, the series is still open then.
        #expect(try layout(archive: nil, at: "2026-11-15T00:00:00Z").channels.contains { $0.key == "series/cup" })
    }

    @Test func archiveNowArchivesAtEveryInstantAndKeepsTheNaturalRetention() throws {
        let early = try layout(archive: "now", at: "2026-11-02T00:00:00Z")
        #expect(!early.channels.contains { $0.key == "series/cup" })
        #expect(early.channels.contains { $0.key == "series/cup/event/spa/signup" })
        // Natural archival is 4 Dec 20:00; retention 90 days later (4 Mar): still kept on 1 Mar.
        #expect(try layout(archive: "now", at: "2027-03-01T00:00:00Z").channels.contains { $0.key == "series/cup/event/spa/signup" })
        #expect(try layout(archive: "now", at: "2027-03-05T00:00:00Z").channels.isEmpty)
    }

    @Test func aBadArchiveValueIsAPositionedError() {
        let diagnostics = TestClub.diagnostics(club: Self.twoEvents(archive: "tomorrow"))
        #expect(diagnostics.contains { $0.line == 6 && $0.summary.contains("tomorrow") }, "\(diagnostics)")
    }
}
