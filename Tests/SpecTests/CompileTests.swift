import DiscordTypes
import Foundation
import Spec
import Testing

/// Determinism, unique keys, names and overflow on the example and small clubs.
@Suite struct CompileTests {
    static let instants = ExampleGoldenTests.cases.map { instant($0.at) }
        + [instant("2026-12-05T17:45:00Z"), instant("2026-12-05T23:59:00Z"), instant("2026-10-10T18:30:00Z")]

    @Test func sameInputSameOutput() throws {
        let first = try ConfigLoader.load(path: Paths.example("apex-endurance"))
        let second = try ConfigLoader.load(path: Paths.example("apex-endurance"))
        for at in Self.instants {
            let a = Compiler.compile(first, at: at)
            let b = Compiler.compile(second, at: at)
            #expect(a == b)
            #expect(LayoutRenderer.json(a, at: at) == LayoutRenderer.json(b, at: at))
            #expect(compile(club: first.club, settings: first.settings, at: at) == a)
        }
    }

    @Test func keysAreUniqueAndReferencesResolve() throws {
        let config = try ConfigLoader.load(path: Paths.example("apex-endurance"))
        for at in Self.instants {
            let d = Compiler.compile(config, at: at).desired
            let all = d.channels.map(\.key) + d.roles.map(\.key) + d.threads.map(\.key) + d.messages.map(\.key)
            #expect(Set(all).count == all.count, "duplicate keys at \(at)")
            let channels = Set(d.channels.map(\.key))
            #expect(d.channels.allSatisfy { $0.parent.map(channels.contains) ?? true })
            #expect(d.threads.allSatisfy { channels.contains($0.parent) })
            let containers = channels.union(d.threads.map(\.key))
            #expect(d.messages.allSatisfy { containers.contains($0.channel) })
            let roles = Set(d.roles.map(\.key))
            for channel in d.channels {
                for overwrite in channel.overwrites {
                    if case .managedRole(let key) = overwrite.target { #expect(roles.contains(key)) }
                }
            }
            #expect(Set(d.retired).isDisjoint(with: all))
        }
    }

    @Test func nextTransitionReallyChangesTheLayout() throws {
        let config = try ConfigLoader.load(path: Paths.example("apex-endurance"))
        var at = instant("2026-09-01T00:00:00Z")
        var steps = 0
        while let next = Compiler.compile(config, at: at).nextTransition, steps < 500 {
            #expect(next > at)
            let before = Compiler.compile(config, at: next.addingTimeInterval(-1)).desired
            #expect(before == Compiler.compile(config, at: at).desired, "layout changed before \(next)")
            #expect(Compiler.compile(config, at: next).desired != before, "nothing changed at \(next)")
            at = next
            steps += 1
        }
        #expect(steps > 20 && steps < 500)
    }

    @Test func sameNamedEventsGetDistinctStableNames() throws {
        let config = try ConfigLoader.load(path: Paths.example("apex-endurance"))
        let december = Compiler.compile(config, at: instant("2027-01-25T12:00:00Z")).desired
        let names = december.channels.filter { $0.kind == .text }.map(\.name)
        #expect(names.contains("laguna-seca-sprint-signup"))
        #expect(names.contains("laguna-seca-sprint-2027-02-11-signup"))
        #expect(Set(names).count == names.count)
        let earlier = Compiler.compile(config, at: instant("2026-12-01T12:00:00Z")).desired
        #expect(earlier.channels.first { $0.key == "series/gt4-club/event/gt4-laguna-dec/signup" }?.name == "laguna-seca-sprint-signup")
    }

    @Test func textChannelNamesFollowDiscordRules() throws {
        // 100 code points, the longest event name accepted: "-signup" takes the channel past 100.
        let long = String(repeating: "Très Long Ñame ", count: 6) + "Abcdefgh"
        let club = TestClub.oneEvent("    start: 2026-12-12T18:00:00Z\n    duration: 2h\n")
            .replacingOccurrences(of: "name: Night Race", with: "name: \"\(long)!!\"")
        let d = Compiler.compile(try TestClub.load(club: club), at: instant("2026-12-12T12:00:00Z")).desired
        let name = try #require(d.channels.first { $0.kind == .text }?.name)
        #expect(name.count <= 100)
        #expect(name == name.lowercased() && !name.contains(" ") && !name.hasSuffix("-") && !name.contains("--"))
        #expect(name.hasPrefix("très-long-ñame-très"))
    }

    @Test func overflowCategoriesPastFiftyChannels() throws {
        let teams = (1...60).map { "{ id: t\($0), name: Grid \($0) }" }.joined(separator: ", ")
        let club = "kind: club\nseries: [{ id: cup, name: GT3 Cup }]\nevents:\n  - { id: a, series: cup, name: A, start: 2026-12-26T12:00:00Z, duration: 1h, teams: [\(teams)] }\n"
        let d = Compiler.compile(try TestClub.load(club: club), at: instant("2026-12-26T12:00:00Z")).desired
        let categories = d.channels.filter { $0.kind == .category }
        #expect(categories.map(\.name) == ["GT3 Cup", "GT3 Cup (2)", "GT3 Cup (3)"])
        #expect(categories.map(\.key.rawValue) == ["series/cup", "series/cup/overflow/2", "series/cup/overflow/3"])
        for category in categories {
            #expect(d.channels.filter { $0.parent == category.key }.count <= 50)
        }
        #expect(d.channels.count == 3 + 1 + 120)
    }
}

@Suite struct ValueParserTests {
    @Test(arguments: ["1970-01-01T00:00:00Z", "2026-12-05T18:00:00Z", "2024-02-29T23:59:59Z", "2000-03-01T00:00:00Z", "1969-12-31T23:59:59Z", "2100-12-31T12:30:05Z"])
    func timestampTextRoundTrips(text: String) {
        #expect(ValueParsers.timestampText(instant(text)) == text)
    }

    @Test func durations() {
        #expect(ValueParsers.duration("15m") == 900)
        #expect(ValueParsers.duration("1h30m") == 5400)
        #expect(ValueParsers.duration("7d") == 604_800)
        #expect(ValueParsers.duration("2w") == 1_209_600)
        for bad in ["", "15", "m", "15min", "1.5h", "-1h", "24hours", "h1"] { #expect(ValueParsers.duration(bad) == nil, "\(bad)") }
        #expect(ValueParsers.durationText(5400) == "1h30m")
    }

    @Test func snowflakesAndTimestamps() {
        #expect(ValueParsers.snowflake("1180244318470983750") != nil)
        #expect(ValueParsers.snowflake("12345") == nil)
        #expect(ValueParsers.snowflake("01180244318470983750") == nil)
        #expect(ValueParsers.snowflake("99999999999999999999") == nil)
        #expect(ValueParsers.timestamp("2026-12-05T19:00:00+01:00") == .success(instant("2026-12-05T18:00:00Z")))
        #expect(ValueParsers.timestamp("2026-12-05T18:00:00") == .failure(.missingZone))
        #expect(ValueParsers.timestamp("tomorrow") == .failure(.malformed))
    }
}

@Suite struct SignupCardTests {
    @Test func embedStaysWithinDiscordLimits() throws {
        let long = String(repeating: "Very Long Driver Name ", count: 4)
        var members = "kind: club\nmembers:\n"
        for i in 0..<60 { members += "  - { id: m\(i), display_name: \"\(long)\(i)\" }\n" }
        let ids = (0..<60).map { "m\($0)" }
        let teams = (0..<18).map { t in "{ id: t\(t), name: \"\(String(repeating: "Team ", count: 19))\(t)\", members: [\(ids[t * 3]), \(ids[t * 3 + 1]), \(ids[t * 3 + 2])] }" }
        let club = members + "series: [{ id: cup, name: Cup }]\nevents:\n  - { id: a, series: cup, name: A, start: 2026-12-26T12:00:00Z, duration: 1h, participants: [\(ids.joined(separator: ", "))], teams: [\(teams.joined(separator: ", "))] }\n"
        let d = Compiler.compile(try TestClub.load(club: club), at: instant("2026-12-26T12:00:00Z")).desired
        let embed = try #require(d.messages.first { $0.pinned }?.embeds.first)
        #expect(embed.characterCount <= 6000)
        #expect((embed.fields ?? []).count <= 25)
        #expect((embed.fields ?? []).allSatisfy { $0.name.count <= 256 && $0.value.count <= 1024 })
        #expect(embed.description?.hasSuffix("(some teams not shown)") == true)
    }
}
