import Foundation
import Spec

/// Small clubs written inline for diagnostics and lifecycle tests.
enum TestClub {
    static let settings = """
        kind: settings
        version: 1
        club: { id: test, name: Test Club }
        discord:
          guild_id: "1180244318470983750"
          application_id: "1180245872113766410"
          admin_roles: ["1180246602878992404"]

        """

    /// Loads `settings.yaml` (default settings plus `extra`) and `club.yaml`.
    static func load(club: String, settings extra: String = "") throws(ConfigError) -> ClubConfig {
        try ConfigLoader.load(sources: [
            SourceFile(path: "simlane.yaml", text: settings + extra),
            SourceFile(path: "club.yaml", text: club),
        ])
    }

    /// The diagnostics loading would report (empty when it loads).
    static func diagnostics(club: String, settings extra: String = "") -> [Diagnostic] {
        do {
            let config = try load(club: club, settings: extra)
            return config.warnings
        } catch {
            return error.diagnostics
        }
    }

    /// A one-series club with one event (`race`) whose body is `eventBody`.
    static func oneEvent(_ eventBody: String, members: [String] = ["ana", "bo", "cy", "di"]) -> String {
        var text = "kind: club\nmembers:\n"
        for (index, id) in members.enumerated() {
            text += "  - { id: \(id), display_name: \(id.capitalized), discord_user_id: \"\(284_611_907_262_775_296 + UInt64(index))\" }\n"
        }
        text += "series:\n  - { id: cup, name: Winter Cup }\nevents:\n  - id: race\n    series: cup\n    name: Night Race\n"
        text += eventBody
        return text
    }
}
