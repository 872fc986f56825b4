import DiscordTypes
import Foundation

/// Checks what single values cannot show: ids, references, team membership, stint plans,
/// signup windows and Discord's limits, pointing each problem at the YAML behind it.
struct ClubValidator {
    let club: ClubData
    let map: SourceMap
    let sink: DiagnosticSink

    init(club: ClubData, map: SourceMap, sink: DiagnosticSink) {
        self.club = club
        self.map = map
        self.sink = sink
    }

    mutating func run(settings: ClubSettings?) {
        checkUnique(club.members.map(\.id), path: { "members[\($0)].id" }, what: "member")
        checkUnique(club.series.map(\.id), path: { "series[\($0)].id" }, what: "series")
        checkUnique(club.events.map(\.id), path: { "events[\($0)].id" }, what: "event")
        checkLinkedAccounts()
        let known = Known(club: club)
        for (index, event) in club.events.enumerated() {
            checkEvent(event, base: "events[\(index)]", known: known)
        }
        if let settings {
            LimitsCheck(club: club, settings: settings, map: map, sink: sink).run()
        }
    }

    private func error(_ path: String, _ summary: String, hint: String? = nil) {
        sink.error(at: map.nearest(path), summary, hint: hint)
    }

    private func checkUnique(_ ids: [String], path: (Int) -> String, what: String) {
        var first: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let earlier = first[id] {
                let other = map.nearest(path(earlier))
                error(path(index), "duplicate \(what) id '\(id)'",
                      hint: "ids must be unique; '\(id)' is first used at \(other.file):\(other.line):\(other.column)")
            } else {
                first[id] = index
            }
        }
    }

    private func checkLinkedAccounts() {
        var owners: [Snowflake: String] = [:]
        for (index, member) in club.members.enumerated() {
            guard let user = member.discordUserID else { continue }
            if let other = owners[user] {
                error("members[\(index)].discord_user_id",
                      "Discord user \(user) is linked to both '\(other)' and '\(member.id)'",
                      hint: "one Discord account belongs to one member; fix the id of one of them")
            } else {
                owners[user] = member.id
            }
        }
    }

    /// `'x' is not a member of the club`, with a did-you-mean over the known ids.
    private func unknown(_ id: String, _ path: String, kind: String, of owner: String = "the club",
                         known: [String], listKey: String) {
        let hint = Suggestion.didYouMean(id, in: known).map { "\($0) (or add a \(kind) with id '\(id)' under `\(listKey)`)" }
            ?? "add a \(kind) with id '\(id)' under `\(listKey)`, or fix the reference"
        error(path, "'\(id)' is not a \(kind) of \(owner)", hint: hint)
    }

    /// Ids looked up once per reference: sets and a member index, so checks stay linear in
    /// the club's size (the lists are kept in order for did-you-mean hints).
    struct Known {
        let memberIDs: [String]
        let members: Set<String>
        let seriesIDs: [String]
        let series: Set<String>
        let linked: Set<String>

        init(club: ClubData) {
            memberIDs = club.members.map(\.id)
            members = Set(memberIDs)
            seriesIDs = club.series.map(\.id)
            series = Set(seriesIDs)
            linked = Set(club.members.filter { $0.discordUserID != nil }.map(\.id))
        }
    }

    private func checkEvent(_ event: RaceEvent, base: String, known: Known) {
        let memberIDs = known.memberIDs
        if !known.series.contains(event.series) {
            unknown(event.series, base + ".series", kind: "series", known: known.seriesIDs, listKey: "series")
        }
        if let signup = event.signup {
            if signup.closes > event.start {
                error(base + ".signup.closes", "the signup closes after the race starts (\(ValueParsers.timestampText(event.start)))",
                      hint: "close the signup before the start")
            }
        }
        var seen: Set<String> = []
        for (index, participant) in event.participants.enumerated() {
            let path = "\(base).participants[\(index)]"
            if !known.members.contains(participant) {
                unknown(participant, path, kind: "member", known: memberIDs, listKey: "members")
            } else if !seen.insert(participant).inserted {
                error(path, "'\(participant)' is listed twice as a participant", hint: "remove the repeated entry")
            }
        }
        checkUnique(event.teams.map(\.id), path: { "\(base).teams[\($0)].id" }, what: "team")
        var teamOf: [String: String] = [:]
        for (teamIndex, team) in event.teams.enumerated() {
            let teamBase = "\(base).teams[\(teamIndex)]"
            for (index, member) in team.members.enumerated() {
                let path = "\(teamBase).members[\(index)]"
                if !known.members.contains(member) {
                    unknown(member, path, kind: "member", known: memberIDs, listKey: "members")
                } else if !seen.contains(member) {
                    error(path, "'\(member)' is in team '\(team.id)' but not a participant of '\(event.id)'",
                          hint: "add '\(member)' to the event's participants, or take them out of the team")
                } else if let other = teamOf[member] {
                    error(path, "'\(member)' is in two teams of '\(event.id)' ('\(other)' and '\(team.id)')",
                          hint: "a driver races for one team per event")
                } else {
                    teamOf[member] = team.id
                    if !known.linked.contains(member) {
                        sink.warning(at: map.nearest(path),
                                     "'\(member)' has no linked Discord account: no team role or thread access",
                                     hint: "link the account on Simlane, or set discord_user_id for '\(member)'")
                    }
                }
            }
            checkStints(team, event: event, base: teamBase, known: known)
        }
        for (index, reserve) in (event.signup?.reserves ?? []).enumerated() {
            let path = "\(base).signup.reserves[\(index)]"
            if !known.members.contains(reserve) {
                unknown(reserve, path, kind: "member", known: memberIDs, listKey: "members")
            } else if seen.contains(reserve) {
                error(path, "'\(reserve)' is both a participant and a reserve of '\(event.id)'",
                      hint: "a reserve moves to participants when they get a place; list them once")
            }
        }
        let teamIDs = event.teams.map(\.id)
        for (index, result) in event.results.enumerated() where !teamIDs.contains(result.team) {
            unknown(result.team, "\(base).results[\(index)].team", kind: "team", of: "event '\(event.id)'",
                    known: teamIDs, listKey: "teams")
        }
    }

    private func checkStints(_ team: Team, event: RaceEvent, base: String, known: Known) {
        let window = "\(ValueParsers.timestampText(event.start)) – \(ValueParsers.timestampText(event.end))"
        for (index, stint) in team.stints.enumerated() {
            let path = "\(base).stints[\(index)]"
            if !team.members.contains(stint.driver) {
                if known.members.contains(stint.driver) {
                    error(path + ".driver", "driver '\(stint.driver)' is not a member of team '\(team.id)'",
                          hint: "add them to the team's members or pick one of: \(team.members.joined(separator: ", "))")
                } else {
                    unknown(stint.driver, path + ".driver", kind: "member", known: known.memberIDs, listKey: "members")
                }
            }
            if stint.end <= stint.start {
                error(path + ".end", "the stint ends before it starts", hint: "end must be later than start")
            } else if stint.start < event.start || stint.end > event.end {
                error(path, "the stint (\(ValueParsers.timestampText(stint.start)) – \(ValueParsers.timestampText(stint.end))) lies outside the race (\(window))",
                      hint: "stints must fit between the event's start and start + duration")
            }
        }
        let ordered = team.stints.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where next.element.start < previous.element.end {
            error("\(base).stints[\(next.offset)]",
                  "the stint overlaps stint \(previous.offset + 1) of team '\(team.id)' (which ends \(ValueParsers.timestampText(previous.element.end)))",
                  hint: "a car has one driver at a time: start this stint at or after the previous one ends")
        }
    }
}
