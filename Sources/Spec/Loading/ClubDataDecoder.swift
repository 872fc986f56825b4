import DiscordTypes
import Foundation

/// Reads `kind: club` documents into one merged `ClubData`, recording where each value
/// came from so later checks can point at it.
struct ClubDataDecoder {
    static let keys = ["kind", "members", "series", "events"]
    static let memberKeys = ["id", "display_name", "discord_user_id", "role"]
    static let seriesKeys = ["id", "name", "description", "archive"]
    static let eventKeys = [
        "id", "series", "name", "track", "signup", "start", "duration", "participants",
        "teams_published", "teams", "results", "cancelled",
    ]
    static let accountKeys = ["id", "display_name", "discord_user_id", "linked_at"]
    static let teamKeys = ["id", "name", "car", "members", "stints", "strategy"]

    var club = ClubData()
    var map = SourceMap()

    mutating func decode(_ root: YAMLValue) {
        guard let doc = root.mapping(allowed: Self.keys, example: "members: []") else { return }
        for item in doc["members"]?.sequence(example: "- id: m-01") ?? [] {
            let index = club.members.count
            if let member = decodeMember(item, index: index) { club.members.append(member) }
        }
        for item in doc["series"]?.sequence(example: "- id: gt3-cup") ?? [] {
            let index = club.series.count
            if let series = decodeSeries(item, index: index) { club.series.append(series) }
        }
        for item in doc["events"]?.sequence(example: "- id: spa-6h") ?? [] {
            let index = club.events.count
            if let event = decodeEvent(item, index: index) { club.events.append(event) }
        }
    }

    /// A `kind: accounts` document: `accounts: [{id, display_name, discord_user_id, linked_at}]`.
    mutating func decodeAccounts(_ root: YAMLValue) {
        guard let doc = root.mapping(allowed: ["kind", "accounts"], example: "accounts: []") else { return }
        for item in doc["accounts"]?.sequence(example: "- { id: acc-1, display_name: Alice, discord_user_id: \"123456789012345678\" }") ?? [] {
            let base = "accounts[\(club.accounts.count)]"
            guard let m = item.mapping(allowed: Self.accountKeys, required: ["id", "display_name", "discord_user_id"],
                                       example: "{ id: acc-1, display_name: Alice, discord_user_id: \"123456789012345678\" }")
            else { continue }
            map[base] = item.location
            for entry in m.entries { map[base + "." + entry.key] = entry.value.location }
            let id = m["id"]?.identifier()
            let name = m["display_name"]?.string()
            let discord = m["discord_user_id"]?.snowflake()
            let linkedAt = m["linked_at"]?.timestamp()
            guard let id, let name, let discord, m["linked_at"] == nil || linkedAt != nil else { continue }
            club.accounts.append(LinkedAccount(id: id, displayName: name, discordUserID: discord, linkedAt: linkedAt))
        }
    }

    private mutating func decodeMember(_ node: YAMLValue, index: Int) -> Member? {
        let base = "members[\(index)]"
        guard let m = node.mapping(allowed: Self.memberKeys, required: ["id", "display_name"],
                                   example: "{ id: m-01, display_name: Alice }") else { return nil }
        map[base] = node.location
        let id = m["id"]?.identifier()
        if let value = m["id"] { map[base + ".id"] = value.location }
        let name = m["display_name"]?.string()
        var discord: Snowflake?
        if let value = m["discord_user_id"] {
            map[base + ".discord_user_id"] = value.location
            discord = value.snowflake()
        }
        var role = ClubRole.member
        if let value = m["role"], let text = value.string(example: "driver") {
            if let parsed = ClubRole(rawValue: text) { role = parsed } else {
                let all = ClubRole.allCases.map(\.rawValue)
                value.error("'\(text)' is not a club role",
                            hint: Suggestion.didYouMean(text, in: all) ?? "one of: \(all.joined(separator: ", "))")
            }
        }
        guard let id, let name else { return nil }
        return Member(id: id, displayName: name, discordUserID: discord, role: role)
    }

    private mutating func decodeSeries(_ node: YAMLValue, index: Int) -> Series? {
        guard let m = node.mapping(allowed: Self.seriesKeys, required: ["id", "name"],
                                   example: "{ id: gt3-cup, name: GT3 Cup }") else { return nil }
        map["series[\(index)]"] = node.location
        if let value = m["id"] { map["series[\(index)].id"] = value.location }
        let id = m["id"]?.identifier()
        let name = m["name"]?.name()
        let description = m["description"]?.string()
        var archive: ManualArchive?
        var archiveOK = true
        if let value = m["archive"] {
            map["series[\(index)].archive"] = value.location
            let text = value.string(example: "now")
            if text == "now" {
                archive = .now
            } else if text != nil, let instant = value.timestamp() {
                archive = .at(instant)
            } else {
                archiveOK = false
            }
        }
        guard let id, let name, archiveOK else { return nil }
        return Series(id: id, name: name, description: description, archive: archive)
    }

    private mutating func decodeEvent(_ node: YAMLValue, index: Int) -> RaceEvent? {
        let base = "events[\(index)]"
        guard let m = node.mapping(allowed: Self.eventKeys,
                                   required: ["id", "series", "name", "start", "duration"],
                                   example: "{ id: spa-6h, series: gt3-cup, name: Spa 6h }") else { return nil }
        map[base] = node.location
        for entry in m.entries { map[base + "." + entry.key] = entry.value.location }
        let id = m["id"]?.identifier()
        let series = m["series"]?.identifier()
        let name = m["name"]?.name()
        let track = m["track"]?.string()
        let start = m["start"]?.timestamp()
        var duration: TimeInterval?
        if let value = m["duration"], let seconds = value.duration() {
            if seconds > 0 { duration = seconds } else {
                value.error("duration must be longer than zero", hint: "write the race length, e.g. 6h")
            }
        }
        var signup: Signup?
        var signupOK = true
        if let value = m["signup"] {
            signup = decodeSignup(value, base: base + ".signup")
            signupOK = signup != nil
        }
        let published = m["teams_published"]?.timestamp()
        let cancelled = m["cancelled"]?.bool() ?? false
        var participants: [String] = []
        for item in m["participants"]?.sequence(example: "[m-01, m-02]") ?? [] {
            map["\(base).participants[\(participants.count)]"] = item.location
            if let id = item.identifier() { participants.append(id) }
        }
        var teams: [Team] = []
        for item in m["teams"]?.sequence(example: "- id: red") ?? [] {
            if let team = decodeTeam(item, base: "\(base).teams[\(teams.count)]") { teams.append(team) }
        }
        var results: [RaceResult] = []
        for item in m["results"]?.sequence(example: "- { team: red, position: 1 }") ?? [] {
            if let result = decodeResult(item, base: "\(base).results[\(results.count)]") { results.append(result) }
        }
        guard let id, let series, let name, let start, let duration, signupOK else { return nil }
        return RaceEvent(id: id, series: series, name: name, track: track, signup: signup,
                         start: start, duration: duration, participants: participants,
                         teamsPublished: published, teams: teams, results: results,
                         cancelled: cancelled)
    }

    private mutating func decodeSignup(_ node: YAMLValue, base: String) -> Signup? {
        guard let m = node.mapping(allowed: ["url", "opens", "closes", "capacity", "reserves"], required: ["url", "opens", "closes"],
                                   example: "{ url: https://simlane.app/s/1, opens: 2026-11-01T18:00:00Z, closes: 2026-11-28T18:00:00Z }")
        else { return nil }
        map[base] = node.location
        for entry in m.entries { map[base + "." + entry.key] = entry.value.location }
        var url: String?
        if let value = m["url"], let text = value.string(example: "https://simlane.app/signup/123") {
            // The link goes into the signup card's button, where Discord wants a full web
            // address of at most `ActionRow.Limit.url` characters.
            let host = URL(string: text)?.host ?? ""
            if !(text.hasPrefix("https://") || text.hasPrefix("http://")) || host.isEmpty
                || text.contains(where: { $0.isWhitespace }) {
                value.error("signup url '\(text.prefix(80))' is not a web address", hint: "write the full link, starting with https://")
            } else if text.count > ActionRow.Limit.url {
                value.error("signup url is \(text.count) characters; Discord's link buttons take at most \(ActionRow.Limit.url)",
                            hint: "use the sheet's short link")
            } else {
                url = text
            }
        }
        let opens = m["opens"]?.timestamp()
        let closes = m["closes"]?.timestamp()
        if let opens, let closes, closes <= opens, let node = m["closes"] {
            node.error("the signup closes (\(ValueParsers.timestampText(closes))) before it opens (\(ValueParsers.timestampText(opens)))",
                       hint: "closes must be later than opens")
            return nil
        }
        var capacity: Int?
        var capacityOK = true
        if let value = m["capacity"] {
            capacity = value.int(example: "40")
            if let count = capacity, count < 1 {
                value.error("capacity must be at least 1", hint: "write the number of grid places, or leave capacity out")
                capacity = nil
            }
            capacityOK = capacity != nil
        }
        var reserves: [String] = []
        for item in m["reserves"]?.sequence(example: "[m-07, m-08]") ?? [] {
            map["\(base).reserves[\(reserves.count)]"] = item.location
            if let id = item.identifier() { reserves.append(id) }
        }
        guard let url, let opens, let closes, capacityOK else { return nil }
        return Signup(url: url, opens: opens, closes: closes, capacity: capacity, reserves: reserves)
    }

    private mutating func decodeTeam(_ node: YAMLValue, base: String) -> Team? {
        guard let m = node.mapping(allowed: Self.teamKeys, required: ["id", "name"],
                                   example: "{ id: red, name: Apex Red }") else { return nil }
        map[base] = node.location
        for entry in m.entries { map[base + "." + entry.key] = entry.value.location }
        let id = m["id"]?.identifier()
        let name = m["name"]?.name()
        let car = m["car"]?.string()
        var members: [String] = []
        for item in m["members"]?.sequence(example: "[m-01, m-02]") ?? [] {
            map["\(base).members[\(members.count)]"] = item.location
            if let id = item.identifier() { members.append(id) }
        }
        var stints: [Stint] = []
        for item in m["stints"]?.sequence(example: "- { driver: m-01, start: …, end: … }") ?? [] {
            let path = "\(base).stints[\(stints.count)]"
            guard let s = item.mapping(allowed: ["driver", "start", "end"], required: ["driver", "start", "end"],
                                       example: "{ driver: m-01, start: 2026-12-05T18:00:00Z, end: 2026-12-05T19:30:00Z }")
            else { continue }
            map[path] = item.location
            for entry in s.entries { map[path + "." + entry.key] = entry.value.location }
            let driver = s["driver"]?.identifier()
            let start = s["start"]?.timestamp()
            let end = s["end"]?.timestamp()
            if let driver, let start, let end { stints.append(Stint(driver: driver, start: start, end: end)) }
        }
        var strategy: Strategy?
        if let value = m["strategy"], let s = value.mapping(allowed: ["pit_stops", "fuel_per_stint", "tyres", "notes"],
                                                           example: "{ pit_stops: 5, tyres: mediums }") {
            strategy = Strategy(pitStops: s["pit_stops"]?.int(), fuelPerStint: s["fuel_per_stint"]?.string(),
                                tyres: s["tyres"]?.string(), notes: s["notes"]?.string())
        }
        guard let id, let name else { return nil }
        return Team(id: id, name: name, car: car, members: members, stints: stints, strategy: strategy)
    }

    private mutating func decodeResult(_ node: YAMLValue, base: String) -> RaceResult? {
        guard let m = node.mapping(allowed: ["team", "position", "laps", "status", "best_lap", "gap", "incidents"],
                                   required: ["team", "position"],
                                   example: "{ team: red, position: 1, laps: 170 }") else { return nil }
        map[base] = node.location
        for entry in m.entries { map[base + "." + entry.key] = entry.value.location }
        let team = m["team"]?.identifier()
        let position = m["position"]?.int()
        let laps = m["laps"]?.int()
        let status = m["status"]?.string()
        let bestLap = m["best_lap"]?.string(example: "\"2:18.456\"")
        let gap = m["gap"]?.string(example: "\"+12.345\"")
        let incidents = m["incidents"]?.int(example: "2")
        guard let team, let position else { return nil }
        return RaceResult(team: team, position: position, laps: laps, status: status,
                          bestLap: bestLap, gap: gap, incidents: incidents)
    }
}
