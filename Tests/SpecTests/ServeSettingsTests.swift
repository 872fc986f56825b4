import Spec
import Testing

/// The settings `serve` reads: `discord.public_key` (the application's Ed25519 key) and
/// `availability_form_url`, decoded and checked with positions like every other field.
@Suite struct ServeSettingsTests {
    static func settings(_ discordExtra: String = "", _ extra: String = "") -> String {
        """
        kind: settings
        version: 1
        club: { id: apex, name: Apex }
        discord:
          guild_id: "1180244318470983750"
          application_id: "1180245872113766410"
        \(discordExtra)
        \(extra)
        """
    }

    func load(_ text: String) throws(ConfigError) -> ClubConfig {
        try ConfigLoader.load(sources: [SourceFile(path: "simlane.yaml", text: text)])
    }

    @Test func aPublicKeyIsSixtyFourHexDigitsKeptLowercase() throws {
        let key = String(repeating: "AB", count: 32)
        let config = try load(Self.settings("  public_key: \"\(key)\""))
        #expect(config.settings.discord.publicKey == key.lowercased())
        #expect(try load(Self.settings()).settings.discord.publicKey == nil)
    }

    @Test func aMalformedPublicKeyIsAnErrorAtItsPosition() {
        for bad in ["abc", String(repeating: "z", count: 64), String(repeating: "a", count: 66)] {
            do {
                _ = try load(Self.settings("  public_key: \"\(bad)\""))
                Issue.record("\(bad) accepted")
            } catch {
                let diagnostic = error.errors.first
                #expect(diagnostic?.line == 7 && diagnostic?.column == 15, "\(error)")
                #expect(diagnostic?.summary.contains("64 hexadecimal digits") == true)
            }
        }
    }

    @Test func theAvailabilityFormIsAnHTTPSURL() throws {
        let config = try load(Self.settings("", "availability_form_url: https://forms.example/apex"))
        #expect(config.settings.availabilityFormURL == "https://forms.example/apex")
        #expect(throws: ConfigError.self) { try load(Self.settings("", "availability_form_url: http://forms.example/apex")) }
    }
}
