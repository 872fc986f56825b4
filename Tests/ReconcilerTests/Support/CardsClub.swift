import DiscordTypes
import Foundation

/// A club built to exercise every card: one event with a signup sheet (capacity and
/// reserves), teams with stints and strategies, results with every optional column, and
/// hostile text (a member named `@everyone`, a team named `<@&123>`, markdown in notes).
/// `drivers` scales it to a 120-driver grid.
struct CardsClub {
    var drivers: Int
    var teamSize: Int
    var reserves: Int
    /// Display names near Discord's 100-character limits instead of short ones.
    var longNames = false

    static let opens = "2026-12-01T10:00:00Z"
    static let closes = "2026-12-03T10:00:00Z"
    static let start = "2026-12-06T18:00:00Z"
    /// The instants at which each card appears: signup open; closed (entry list, teams and
    /// their strategy cards); after the race (results); after archival (statistics).
    static let instants = ["2026-12-01T11:00:00Z", "2026-12-03T11:00:00Z", "2026-12-07T01:00:00Z", "2026-12-10T01:00:00Z"]

    static func memberID(_ index: Int) -> Snowflake { Snowflake(1_400_000_000_000_000_000 + UInt64(index)) }

    var memberIDs: [Snowflake] { (0..<(drivers + reserves)).map(Self.memberID) }

    func name(_ index: Int) -> String {
        switch index {
        case 0: return "@everyone"
        case 1: return "Ann *Apex* _Racing_"
        default:
            let base = "Driver \(index)"
            return longNames ? base + " " + String(repeating: "Longname-", count: 10).prefix(90 - base.count) : base
        }
    }

    func teamName(_ index: Int) -> String {
        let base = index == 0 ? "<@&123> Red" : "Team \(index)"
        return longNames ? base + " " + String(repeating: "Endurance ", count: 9).prefix(95 - base.count) : base
    }

    var yaml: String {
        let teams = drivers / teamSize
        let startDate = ISO8601DateFormatter().date(from: Self.start)!
        var lines = ["kind: club", "members:"]
        for index in 0..<(drivers + reserves) {
            lines.append("  - { id: m\(index), display_name: \"\(name(index))\", discord_user_id: \"\(Self.memberID(index))\", role: driver }")
        }
        lines += ["series:", "  - { id: gt3, name: GT3 Cup }", "events:", "  - id: spa", "    series: gt3", "    name: Spa 6h",
                  "    track: Spa-Francorchamps", "    signup:", "      url: https://simlane.app/signups/spa",
                  "      opens: \(Self.opens)", "      closes: \(Self.closes)", "      capacity: \(drivers)",
                  "      reserves: [\((drivers..<(drivers + reserves)).map { "m\($0)" }.joined(separator: ", "))]",
                  "    start: \(Self.start)", "    duration: 6h",
                  "    participants: [\((0..<drivers).map { "m\($0)" }.joined(separator: ", "))]", "    teams:"]
        let stint = 6 * 3600 / teamSize
        for team in 0..<teams {
            let members = (0..<teamSize).map { "m\(team * teamSize + $0)" }
            lines += ["      - id: t\(team)", "        name: \"\(teamName(team))\"", "        car: Porsche 911 GT3 R",
                      "        members: [\(members.joined(separator: ", "))]", "        stints:"]
            for (number, member) in members.enumerated() {
                let from = ISO8601DateFormatter().string(from: startDate.addingTimeInterval(TimeInterval(number * stint)))
                let to = ISO8601DateFormatter().string(from: startDate.addingTimeInterval(TimeInterval((number + 1) * stint)))
                lines.append("          - { driver: \(member), start: \(from), end: \(to) }")
            }
            lines += ["        strategy:", "          pit_stops: 5", "          fuel_per_stint: \"62 L\"", "          tyres: \"mediums, *softs* at night\"",
                      "          notes: |", "            # Box on lap 30 @here", "            - watch the **kerbs** at Eau Rouge <@&456>"]
        }
        lines.append("    results:")
        for team in 0..<teams {
            var row = "      - { team: t\(team), position: \(team + 1), laps: \(170 - team), best_lap: \"2:18.\(String(format: "%03d", 456 + team))\""
            row += team == 0 ? "" : ", gap: \"+\(team * 12).345\""
            row += ", incidents: \(team % 3)"
            row += team == teams - 1 && teams > 1 ? ", status: DNF }" : " }"
            lines.append(row)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
