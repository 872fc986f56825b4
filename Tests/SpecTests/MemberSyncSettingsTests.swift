import Spec
import Testing

/// `member_sync.dm_unlinked`: off unless set, a boolean checked with its position.
@Suite struct MemberSyncSettingsTests {
    func load(_ memberSync: String) throws(ConfigError) -> ClubConfig {
        let text = """
            kind: settings
            version: 1
            club: { id: apex, name: Apex }
            discord:
              guild_id: "1180244318470983750"
              application_id: "1180245872113766410"
            \(memberSync)
            """
        return try ConfigLoader.load(sources: [SourceFile(path: "simlane.yaml", text: text)])
    }

    @Test func dmUnlinkedIsOffUnlessSet() throws {
        #expect(try load("").settings.memberSync.dmUnlinked == false)
        #expect(try load("member_sync: 1h").settings.memberSync.dmUnlinked == false)
        #expect(try load("member_sync:\n  dm_unlinked: true").settings.memberSync.dmUnlinked == true)
    }

    @Test func aNonBooleanDmUnlinkedIsAnErrorAtItsPosition() {
        do {
            _ = try load("member_sync:\n  dm_unlinked: maybe")
            Issue.record("dm_unlinked: maybe accepted")
        } catch {
            let diagnostic = error.errors.first
            #expect(diagnostic?.line == 8 && diagnostic?.column == 16, "\(error)")
        }
    }
}
