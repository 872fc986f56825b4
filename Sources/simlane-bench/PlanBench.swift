// Plan benchmark: diff time for a synthetic club at Discord's limits (500 channels,
// 250 roles, 1,000 threads, 25,000 members; the managed part 1,536 resources), in three
// situations: converged (the daemon's steady state), drifted, and a fresh guild; then
// compile + diff for a synthetic club whose compiled layout is at the limits.
// Usage: simlane-bench plan [--runs N]
import DiscordTypes
import Foundation
import Planner
import Spec

func runPlanBench(_ arguments: [String]) async throws {
    var runs = 15
    if let flag = arguments.firstIndex(of: "--runs"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]) {
        runs = max(1, n)
    }
    let club = SyntheticPlanClub()
    let options = PlanOptions(allowDestroy: true)
    let fresh = try Planner.diff(desired: club.desired, snapshot: club.junkGuild, ownership: Ownership(), options: options)
    let (converged, owned) = PlanSimulator.apply(fresh, to: club.junkGuild, ownership: Ownership())
    let drifted = club.drift(converged, owned)
    let driftPlan = try Planner.diff(desired: club.desired, snapshot: drifted, ownership: owned, options: options)
    let steady = try Planner.diff(desired: club.desired, snapshot: converged, ownership: owned, options: options)

    print("plan: synthetic club at Discord limits: \(converged.channels.count) channels, \(converged.roles.count) roles, "
          + "\(converged.threads.count) threads, \(converged.members.count) members; managed \(owned.entries.count) resources")
    print("plan: layout built directly as a DesiredGuild (diff only); "
          + "median of \(runs) runs")
    let scenarios: [(String, GuildSnapshot, Ownership, Plan)] = [
        ("converged guild", converged, owned, steady),
        ("drifted guild", drifted, owned, driftPlan),
        ("fresh guild", club.junkGuild, Ownership(), fresh),
    ]
    for (name, snapshot, ownership, plan) in scenarios {
        var times: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<runs {
            let before = threadCPUMilliseconds()
            times.append(try milliseconds {
                let result = try Planner.diff(desired: club.desired, snapshot: snapshot, ownership: ownership, options: options)
                precondition(result.changes.count == plan.changes.count)
            })
            cpu.append(threadCPUMilliseconds() - before)
        }
        times.sort()
        cpu.sort()
        print(String(format: "plan: %-16@ %6d changes %7d requests  diff median %7.2f ms wall, %7.2f ms CPU  (wall min %.2f, max %.2f)",
                     name as NSString, plan.changes.count, plan.requestCount, times[runs / 2], cpu[runs / 2],
                     times.first!, times.last!))
    }
    print("plan: drifted plan summary: \(driftPlan.summary.line)")
    try compileAndDiff(runs: runs)
}

/// CPU time this thread has used, in milliseconds: unlike wall time, not inflated when other
/// processes share the cores.
private func threadCPUMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
}

/// Wall-clock milliseconds of one run of `body`.
private func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = start.duration(to: clock.now)
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

/// compile + diff for a club whose compiled layout sits at Discord's limits: 10 series,
/// 50 events, 250 teams (roles, threads, practice voice), 25 events racing now (race voice,
/// stint alerts), 25,000 linked members. Measured against the converged guild.
private func compileAndDiff(runs: Int) throws {
    let at = Date(timeIntervalSince1970: 1_796_000_000)
    let (club, settings) = syntheticClub(at: at)
    let compiled = compile(club: club, settings: settings, at: at)
    let desired = compiled.desired
    var members = [GuildMember(user: User(id: 2, username: "bot"), roles: [3])]
    for member in club.members { members.append(GuildMember(user: User(id: member.discordUserID!, username: member.id))) }
    let empty = GuildSnapshot(
        guildID: settings.discord.guildID, ownerID: 4,
        roles: [Role(id: settings.discord.guildID, name: "@everyone", position: 0),
                Role(id: 3, name: "Simlane", position: 300, permissions: .reconcilerBot, managed: true)],
        members: members, botUserID: 2)
    let options = PlanOptions(allowDestroy: true)
    let fresh = try Planner.diff(desired: desired, snapshot: empty, ownership: Ownership(), options: options)
    let (converged, owned) = PlanSimulator.apply(fresh, to: empty, ownership: Ownership())
    let managed = desired.roles.count + desired.channels.count + desired.threads.count + desired.messages.count
    print("plan: compiled club: \(desired.channels.count) channels, \(desired.roles.count) roles, "
          + "\(desired.threads.count) threads, \(desired.messages.count) messages (managed \(managed)), "
          + "\(club.members.count) members")
    var compileCPU: [Double] = []
    var diffCPU: [Double] = []
    var totalWall: [Double] = []
    for _ in 0..<runs {
        var layout = desired
        let start = threadCPUMilliseconds()
        totalWall.append(try milliseconds {
            layout = compile(club: club, settings: settings, at: at).desired
            let compiled = threadCPUMilliseconds()
            compileCPU.append(compiled - start)
            let plan = try Planner.diff(desired: layout, snapshot: converged, ownership: owned, options: options)
            diffCPU.append(threadCPUMilliseconds() - compiled)
            precondition(plan.isEmpty)
        })
    }
    compileCPU.sort()
    diffCPU.sort()
    totalWall.sort()
    print(String(format: "plan: compile median %.2f ms CPU, diff (converged) median %.2f ms CPU, "
                 + "compile + diff median %.2f ms wall; fresh plan %d changes",
                 compileCPU[runs / 2], diffCPU[runs / 2], totalWall[runs / 2], fresh.changes.count))
}

private func syntheticClub(at: Date) -> (ClubData, ClubSettings) {
    let hour: TimeInterval = 3600
    var club = ClubData()
    for i in 0..<25_000 {
        club.members.append(Member(id: "m\(i)", displayName: "Driver \(i)",
                                   discordUserID: Snowflake(UInt64(10_000_000 + i)), role: .driver))
    }
    var driver = 0
    for s in 0..<10 {
        club.series.append(Series(id: "s\(s)", name: "Series \(s)"))
        for e in 0..<5 {
            let racing = e < 3 && (s * 5 + e) % 2 == 0 || e == 0
            let start = racing ? at.addingTimeInterval(-5 * hour) : at.addingTimeInterval(72 * hour)
            var teams: [Team] = []
            for t in 0..<5 {
                let crew = (0..<3).map { _ -> String in
                    driver += 1
                    return "m\(driver % 25_000)"
                }
                let stints = (0..<6).map { n in
                    Stint(driver: crew[n % 3], start: start.addingTimeInterval(Double(n) * hour),
                          end: start.addingTimeInterval(Double(n + 1) * hour))
                }
                teams.append(Team(id: "t\(t)", name: "Team \(t)", members: crew, stints: stints))
            }
            club.events.append(RaceEvent(
                id: "e\(e)", series: "s\(s)", name: "Event \(e)", track: "Spa",
                signup: Signup(url: "https://simlane.example/s\(s)/e\(e)", opens: at.addingTimeInterval(-240 * hour),
                               closes: at.addingTimeInterval(-120 * hour)),
                start: start, duration: 6 * hour, participants: teams.flatMap(\.members),
                teamsPublished: at.addingTimeInterval(-96 * hour), teams: teams))
        }
    }
    let settings = ClubSettings(club: ClubIdentity(id: "bench", name: "Bench Club"),
                                discord: DiscordSettings(guildID: 1, applicationID: 5))
    return (club, settings)
}

/// A deterministic club at Discord's limits: 40 series categories with 6 text and 3 voice
/// channels each, 196 team roles of ~50 members, 900 team threads of 5 members, 40 pinned
/// messages; plus unmanaged junk (10 categories, 90 channels, 51 roles, 100 threads).
struct SyntheticPlanClub {
    let guild: Snowflake = 1
    let bot: Snowflake = 2
    var desired: DesiredGuild
    var junkGuild: GuildSnapshot

    init() {
        let users = (0..<25_000).map { Snowflake(UInt64(10_000_000 + $0)) }
        var desired = DesiredGuild(guildID: guild)
        for r in 0..<196 {
            let members = (0..<50).map { users[(r * 127 + $0 * 7) % users.count] }
            desired.roles.append(DesiredRole(key: ResourceKey("series/s\(r % 40)/team/t\(r)/role"), name: "Team \(r)",
                                             color: 0x3498DB, members: members, group: "Series \(r % 40)"))
        }
        var texts: [ResourceKey] = []
        for s in 0..<40 {
            let category = ResourceKey("series/s\(s)/category")
            let seriesRole = desired.roles[s].key
            desired.channels.append(DesiredChannel(
                key: category, kind: .category, name: "Series \(s)",
                overwrites: [DesiredOverwrite(target: .everyone, deny: .viewChannel),
                             DesiredOverwrite(target: .managedRole(seriesRole), allow: .viewChannel)],
                group: "Series \(s)"))
            for c in 0..<6 {
                let key = ResourceKey("series/s\(s)/event/e\(c)/signup")
                texts.append(key)
                desired.channels.append(DesiredChannel(key: key, kind: .text, name: "s\(s)-event-\(c)-signup",
                                                       topic: "Event \(c) of series \(s)", parent: category,
                                                       group: "Series \(s) › Event \(c)"))
            }
            for v in 0..<3 {
                let role = desired.roles[(s * 3 + v) % 196].key
                desired.channels.append(DesiredChannel(
                    key: ResourceKey("series/s\(s)/voice/v\(v)"), kind: .voice, name: "Series \(s) race \(v)",
                    parent: category,
                    overwrites: [DesiredOverwrite(target: .everyone, deny: [.viewChannel, .connect]),
                                 DesiredOverwrite(target: .managedRole(role), allow: [.viewChannel, .connect, .speak])],
                    userLimit: 4, group: "Series \(s)"))
            }
            desired.messages.append(DesiredMessage(key: ResourceKey("series/s\(s)/message/signup"), channel: texts.last!,
                                                   content: "Signups for series \(s) are open", pinned: true,
                                                   group: "Series \(s)"))
        }
        for t in 0..<900 {
            desired.threads.append(DesiredThread(
                key: ResourceKey("thread/t\(t)"), name: "Team \(t)", parent: texts[t % texts.count],
                members: (0..<5).map { users[(t * 31 + $0 * 13) % users.count] }, group: "Threads"))
        }
        desired.policy.maxDestroyFraction = 1
        self.desired = desired

        var roles = [Role(id: guild, name: "@everyone", position: 0),
                     Role(id: 3, name: "Simlane", position: 100, permissions: .reconcilerBot, managed: true)]
        for j in 0..<51 { roles.append(Role(id: Snowflake(UInt64(100 + j)), name: "junk role \(j)", position: 1 + j)) }
        var members = [GuildMember(user: User(id: bot, username: "bot"), roles: [3])]
        for (i, user) in users.enumerated() {
            members.append(GuildMember(user: User(id: user, username: "user\(i)"), roles: [Snowflake(UInt64(100 + i % 51))]))
        }
        var channels: [Channel] = []
        for j in 0..<10 {
            channels.append(Channel(id: Snowflake(UInt64(1000 + j)), type: .guildCategory, name: "Junk \(j)", position: j))
        }
        for j in 0..<90 {
            channels.append(Channel(id: Snowflake(UInt64(1100 + j)), type: .guildText, name: "junk-\(j)",
                                    position: j / 10, parentID: Snowflake(UInt64(1000 + j % 10))))
        }
        var threads: [Channel] = []
        var threadMembers: [Snowflake: [Snowflake]] = [:]
        for j in 0..<100 {
            let id = Snowflake(UInt64(5000 + j))
            threads.append(Channel(id: id, type: .publicThread, name: "junk thread \(j)",
                                   parentID: Snowflake(UInt64(1100 + j % 90)), threadMetadata: ThreadMetadata()))
            threadMembers[id] = [users[j]]
        }
        junkGuild = GuildSnapshot(guildID: guild, ownerID: 4, channels: channels, roles: roles, threads: threads,
                                  threadMembers: threadMembers, members: members, botUserID: bot)
    }

    /// A converged guild with typical out-of-band edits: renames, topics, overwrites,
    /// member roles, thread members and one swapped pair of channels.
    func drift(_ snapshot: GuildSnapshot, _ ownership: Ownership) -> GuildSnapshot {
        var s = snapshot
        let managed = Set(ownership.entries.values.map(\.id))
        var touched = 0
        for i in s.channels.indices where managed.contains(s.channels[i].id) && s.channels[i].type == .guildText {
            touched += 1
            if touched > 10 { break }
            if touched <= 5 { s.channels[i].name = "renamed-\(touched)" } else { s.channels[i].topic = "edited" }
        }
        for i in s.channels.indices where managed.contains(s.channels[i].id) && s.channels[i].type == .guildVoice {
            s.channels[i].permissionOverwrites = [PermissionOverwrite(id: guild, type: .role, deny: .viewChannel)]
            break
        }
        let role = ownership.entries.sorted { $0.key < $1.key }.first { $0.value.kind == .role }!.value.id
        for i in stride(from: 1, to: 2_000, by: 40) { s.members[i].roles.append(role) }
        for (thread, members) in s.threadMembers.sorted(by: { $0.key < $1.key }).prefix(10) where managed.contains(thread) {
            s.threadMembers[thread] = Array(members.dropLast())
        }
        return s
    }
}
