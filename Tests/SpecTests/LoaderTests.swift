import Foundation
import Spec
import Testing

/// Documents: several per file, kinds inferred from keys, one settings document per club.
@Suite struct LoaderTests {
    @Test func severalDocumentsInOneFileAndInferredKinds() throws {
        let text = TestClub.settings.replacingOccurrences(of: "kind: settings\n", with: "")
            + "---\nmembers: [{ id: ana, display_name: Ana }]\n---\nseries: [{ id: cup, name: Cup }]\n"
        let config = try ConfigLoader.load(sources: [SourceFile(path: "all.yaml", text: text)])
        #expect(config.club.members.map(\.id) == ["ana"])
        #expect(config.club.series.map(\.id) == ["cup"])
        #expect(config.settings.club == ClubIdentity(id: "test", name: "Test Club"))
        #expect(config.settings.notifications.stintAlertLead == 900)
        #expect(config.settings.notifications.raceVoiceLead == 86400)
        #expect(config.settings.retention.deleteArchivedAfter == TimeInterval(90 * 86400))
        #expect(config.sources == ["all.yaml"])
    }

    @Test func aSecondSettingsDocumentIsAnError() {
        do {
            _ = try ConfigLoader.load(sources: [
                SourceFile(path: "a.yaml", text: TestClub.settings),
                SourceFile(path: "b.yaml", text: TestClub.settings),
            ])
            Issue.record("two settings documents were accepted")
        } catch {
            #expect(error.errors.map(\.headline) == ["b.yaml:1:1: error: a second settings document"])
            #expect(error.errors.first?.hint?.contains("a.yaml:1:1") == true)
        }
    }

    @Test func directoriesReadTheirYAMLFilesInNameOrder() throws {
        let config = try ConfigLoader.load(path: Paths.example("apex-endurance"))
        #expect(config.sources.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["accounts.yaml", "endurance.yaml", "gt3-autumn.yaml", "gt4-club.yaml", "members.yaml", "simlane.yaml"])
        #expect(config.warnings.count == 3)
    }

    @Test func keepRetentionAndOrphanPolicy() throws {
        let config = try TestClub.load(club: "kind: club\n", settings: """
            retention: { archive_delay: 1d, delete_archived_after: keep }
            orphans: { text_channels: remove, roles: keep }

            """)
        #expect(config.settings.retention.archiveDelay == 86400)
        #expect(config.settings.retention.deleteArchivedAfter == nil)
        #expect(config.settings.orphans.textChannels == .remove && config.settings.orphans.roles == .keep)
    }
}
