import DiscordTypes
import Foundation
import Spec
import Testing

/// SplitMix64: a tiny seeded generator, so generated clubs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random clubs (some valid, some broken, some huge): compile never crashes, and whenever
/// validation accepts the limits the layout respects Discord's limits at every instant.
@Suite struct PropertyTests {
    static let origin = instant("2026-11-01T00:00:00Z")

    static func generate(seed: UInt64) -> (ClubData, ClubSettings) {
        var rng = SeededGenerator(seed: seed)
        func time(_ hours: ClosedRange<Int>) -> Date {
            origin.addingTimeInterval(TimeInterval(Int.random(in: hours, using: &rng) * 3600))
        }
        let memberCount = Int.random(in: 0...40, using: &rng)
        let members = (0..<memberCount).map { index in
            Member(id: "m\(index)", displayName: "Member \(index) Ümlaut",
                   discordUserID: Bool.random(using: &rng) || index % 3 == 0 ? Snowflake(284_611_907_262_775_296 + UInt64(index)) : nil)
        }
        let series = (0..<Int.random(in: 1...4, using: &rng)).map { Series(id: "s\($0)", name: "Series \($0) " + String(repeating: "x", count: Int.random(in: 0...120, using: &rng))) }
        var events: [RaceEvent] = []
        let huge = seed % 7 == 0
        for index in 0..<Int.random(in: 0...(huge ? 8 : 20), using: &rng) {
            let start = time(0...(24 * 120))
            let duration = TimeInterval(Int.random(in: 1...24, using: &rng) * 1800)
            let opens = start.addingTimeInterval(-TimeInterval(Int.random(in: 24...(24 * 30), using: &rng) * 3600))
            let signup = Bool.random(using: &rng) ? Signup(url: "https://x.test/\(index)", opens: opens, closes: opens.addingTimeInterval(3600 * 24)) : nil
            let participants = members.map(\.id).filter { _ in Int.random(in: 0...2, using: &rng) == 0 }
            let teamCount = huge ? Int.random(in: 30...80, using: &rng) : Int.random(in: 0...6, using: &rng)
            var pool = participants.shuffled(using: &rng)
            let teams = (0..<teamCount).map { teamIndex -> Team in
                let size = min(pool.count, Int.random(in: 0...3, using: &rng))
                let crew = Array(pool.prefix(size))
                pool.removeFirst(size)
                var stints: [Stint] = []
                var at = start
                for driver in crew {
                    let end = at.addingTimeInterval(duration / Double(max(crew.count, 1)))
                    stints.append(Stint(driver: driver, start: at, end: end))
                    at = end
                }
                return Team(id: "t\(teamIndex)", name: teamIndex % 5 == 0 ? "Same Name" : "Team \(teamIndex)", members: crew, stints: stints)
            }
            let seriesID = Int.random(in: 0...9, using: &rng) == 0 ? "missing" : series.randomElement(using: &rng)!.id
            events.append(RaceEvent(id: "e\(index)", series: seriesID, name: index % 4 == 0 ? "Same Event" : "Event \(index)",
                                    signup: signup, start: start, duration: duration, participants: participants,
                                    teamsPublished: Bool.random(using: &rng) ? time(0...(24 * 120)) : nil, teams: teams))
        }
        var settings = ClubSettings(
            club: ClubIdentity(id: "gen", name: "Generated"),
            discord: DiscordSettings(guildID: 1_180_244_318_470_983_750, applicationID: 1_180_245_872_113_766_410,
                                     adminRoles: Bool.random(using: &rng) ? [1_180_246_602_878_992_404] : []))
        settings.voiceChannels = Int.random(in: 0...4, using: &rng) != 0
        settings.autoCreateChannels = Int.random(in: 0...6, using: &rng) != 0
        settings.stintAlerts = Bool.random(using: &rng)
        settings.channelNamePattern = ["{event} {team} {kind}", "{series}-{event}-{kind}-{team}", "{kind} · {event} · {team}"].randomElement(using: &rng)!
        settings.retention.deleteArchivedAfter = Bool.random(using: &rng) ? nil : TimeInterval(Int.random(in: 0...60, using: &rng) * 86400)
        settings.retention.archiveDelay = TimeInterval(Int.random(in: 0...10, using: &rng) * 86400)
        return (ClubData(members: members, series: series, events: events), settings)
    }

    @Test(arguments: 0..<30)
    func compileRespectsDiscordLimits(seed: Int) {
        let (club, settings) = Self.generate(seed: UInt64(seed) &* 0x2545_F491_4F6C_DD1D &+ 17)
        let diagnostics = ConfigLoader.check(club: club, settings: settings)
        let limitsBroken = diagnostics.contains { $0.summary.contains("Discord allows") }
        var at = Self.origin.addingTimeInterval(-40 * 86400)
        var instants: [Date] = [at]
        for _ in 0..<40 {
            let compiled = Compiler.compile(club: club, settings: settings, at: at)
            guard let next = compiled.nextTransition else { break }
            #expect(next > at)
            let justBefore = Compiler.compile(club: club, settings: settings, at: next.addingTimeInterval(-1)).desired
            #expect(justBefore == compiled.desired, "seed \(seed): layout changed between \(at) and \(next)")
            #expect(Compiler.compile(club: club, settings: settings, at: next).desired != justBefore,
                    "seed \(seed): nothing changes at \(next) (\(compiled.nextTransitionReason ?? ""))")
            at = next
            instants.append(at)
        }
        for at in instants {
            let d = Compiler.compile(club: club, settings: settings, at: at).desired
            let keys = d.channels.map(\.key) + d.roles.map(\.key) + d.threads.map(\.key) + d.messages.map(\.key)
            #expect(Set(keys).count == keys.count)
            for channel in d.channels where channel.kind == .category {
                #expect(d.channels.filter { $0.parent == channel.key }.count <= 50)
            }
            #expect(d.channels.allSatisfy { !$0.name.isEmpty && $0.name.count <= 100 })
            #expect(d.channels.filter { $0.kind == .text }.allSatisfy { $0.name == $0.name.lowercased() && !$0.name.contains(" ") })
            #expect(d.roles.allSatisfy { !$0.name.isEmpty && $0.name.count <= 100 })
            #expect(d.threads.allSatisfy { !$0.name.isEmpty && $0.name.count <= 100 })
            if !limitsBroken {
                #expect(d.channels.count <= 500, "seed \(seed) at \(at): \(d.channels.count) channels")
                #expect(d.roles.count + d.policy.adminRoles.count + 1 <= 250, "seed \(seed) at \(at): \(d.roles.count) roles")
            }
        }
    }
}
