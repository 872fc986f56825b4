import DiscordTypes
import Foundation

/// Writes a small club (settings + club data, the spec branch's YAML format) to a temp
/// directory: `series` series of `events` events with `teams` teams of three linked members,
/// all with signup open and teams assigned at `SyntheticClub.instant`.
struct SyntheticClub {
    var guildID: Snowflake
    var applicationID: Snowflake = 1_200_000_000_000_000_001
    var series = 1
    var events = 2
    var teams = 2
    var adminRoles: [Snowflake] = []
    var extraSettings = ""

    /// The instant tests plan and apply at: signups open, teams assigned, no race voice yet.
    static let instant = "2026-12-03T00:00:00Z"

    var memberCount: Int { series * events * teams * 3 }

    func memberID(_ index: Int) -> Snowflake { Snowflake(1_300_000_000_000_000_000 + UInt64(index)) }

    var linkedMembers: [Snowflake] { (0..<memberCount).map(memberID) }

    var settingsYAML: String {
        var yaml = """
            kind: settings
            version: 1
            club:
              id: synth
              name: Synth Racing
            discord:
              guild_id: "\(guildID)"
              application_id: "\(applicationID)"
            voice_channels: true

            """
        if !adminRoles.isEmpty {
            yaml += "  admin_roles:\n" + adminRoles.map { "    - \"\($0)\"\n" }.joined()
        }
        return yaml + extraSettings
    }

    var clubYAML: String {
        var yaml = "kind: club\nmembers:\n"
        for index in 0..<memberCount {
            yaml += """
                  - id: m\(index)
                    display_name: Member \(index)
                    discord_user_id: "\(memberID(index))"
                    role: driver

                """
        }
        yaml += "series:\n"
        for s in 0..<series {
            yaml += "  - id: s\(s)\n    name: Series \(s)\n"
        }
        yaml += "events:\n"
        var member = 0
        for s in 0..<series {
            for e in 0..<events {
                let day = 10 + e
                var teamsYAML = ""
                var participants: [String] = []
                for t in 0..<teams {
                    let crew = (0..<3).map { _ -> String in defer { member += 1 }; return "m\(member)" }
                    participants += crew
                    teamsYAML += """
                              - id: t\(t)
                                name: Team \(t)
                                members: [\(crew.joined(separator: ", "))]

                        """
                }
                yaml += """
                      - id: s\(s)e\(e)
                        series: s\(s)
                        name: Race \(s)-\(e)
                        signup:
                          url: https://simlane.app/signups/s\(s)e\(e)
                          opens: 2026-11-01T12:00:00Z
                          closes: 2026-12-01T12:00:00Z
                        start: 2026-12-\(day)T18:00:00Z
                        duration: 2h
                        participants: [\(participants.joined(separator: ", "))]
                        teams:
                    \(teamsYAML)
                    """
            }
        }
        return yaml
    }

    /// Writes the club to a fresh temp directory and returns it.
    func write() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("club-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try settingsYAML.write(to: dir.appendingPathComponent("simlane.yaml"), atomically: true, encoding: .utf8)
        try clubYAML.write(to: dir.appendingPathComponent("club.yaml"), atomically: true, encoding: .utf8)
        return dir
    }
}
