import DiscordTypes
import Foundation
import Planner
import Spec
import Testing

/// A messy club (emoji flags and ZWJ sequences, a 120-character event name, CJK, names that
/// differ only by case or punctuation) through a whole season on a simulated guild whose
/// clock auto-archives threads after `auto_archive_duration` without activity, as Discord
/// does. An admin's own channels live in our series category.
@Suite struct MessySeasonTests {
    static let configPath = Golden.fixtures.appendingPathComponent("messy-club/config").path
    static let guild: Snowflake = 900_000_000_000_000_001
    static let bot: Snowflake = 900_000_000_000_000_002
    static let banter: Snowflake = 990_000_000_000_000_001
    static let spectators: Snowflake = 990_000_000_000_000_002
    /// Instants whose render and plan are golden.
    static let named: [(name: String, at: String)] = [
        ("signup-open", "2026-11-05T12:00:00Z"),
        ("race-voice-open", "2026-11-13T12:00:00Z"),
        ("quiet-week", "2026-11-26T12:00:00Z"),
        ("archival", "2026-12-09T13:00:00Z"),
        ("retention", "2027-01-08T13:00:00Z"),
    ]

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func emptyGuild(_ config: ClubConfig) -> GuildSnapshot {
        var members = [GuildMember(user: User(id: bot, username: "simlane"), roles: [43])]
        for member in config.club.members {
            guard let id = member.discordUserID else { continue }
            members.append(GuildMember(user: User(id: id, username: member.id), roles: []))
        }
        return GuildSnapshot(
            guildID: guild, ownerID: 41,
            channels: [Channel(id: 44, type: .guildText, guildID: guild, name: "general", position: 0)],
            roles: [Role(id: guild, name: "@everyone", position: 0, permissions: [.viewChannel, .sendMessages]),
                    Role(id: 43, name: "Simlane", position: 1, permissions: .reconcilerBot, managed: true),
                    Role(id: 900_000_000_000_000_003, name: "Stewards", position: 2)],
            members: members, botUserID: bot)
    }

    @Test func wholeSeasonConvergesWithAutoArchivedThreads() throws {
        let config = try ConfigLoader.load(path: Self.configPath)
        #expect(!config.warnings.contains { $0.severity == .error })
        var live = Self.emptyGuild(config)
        var owned = Ownership()
        var lastActivity: [Snowflake: Date] = [:]
        var at = Self.date("2026-11-01T12:00:00Z")
        let end = Self.date("2027-01-10T12:00:00Z")
        let named = Dictionary(uniqueKeysWithValues: Self.named.map { (Self.date($0.at), $0.name) })
        var quietUnarchives = 0
        var lockedAtArchival = false
        var keptWarnings = 0
        // What the state store's sent_alerts would hold: announcements handled so far.
        var handled = PlanOptions(allowDestroy: true)
        while at <= end {
            Self.autoArchive(&live, lastActivity: lastActivity, at: at)
            let compiled = Compiler.compile(config, at: at)
            let desired = compiled.desired
            let plan = try Planner.diff(desired: desired, snapshot: live, ownership: owned, options: handled)
            if let name = named[at] {
                Golden.check(LayoutRenderer.text(compiled, config: config, at: at), "messy-\(name)", "render.txt")
                Golden.check(PlanTextRenderer.render(plan), "messy-\(name)", "plan.txt")
            }
            // render lists exactly the threads plan may create: never an archived one.
            for change in plan.changes {
                guard case .createThread = change.operation else { continue }
                #expect(desired.threads.first { $0.key == change.key }?.archived == false, "\(change.key) created archived")
            }
            quietUnarchives += Self.unjustifiedUnarchives(plan, desired)
            keptWarnings += plan.warnings.filter { $0.message.contains("is kept, not deleted") }.count
            let before = live
            (live, owned) = PlanSimulator.apply(plan, to: live, ownership: owned)
            handled.announced.merge(plan.handledAnnouncements) { $1 }
            Self.recordActivity(&lastActivity, before: before, after: live, at: at)
            if live.channels.contains(where: { $0.id == Self.banter }) == false,
               let category = owned[ResourceKey.series("nations")]?.id, live.channels.contains(where: { $0.id == category }) {
                // An admin adds their own channels to our series category.
                live.channels.append(Channel(id: Self.banter, type: .guildText, guildID: Self.guild,
                                             name: "winter-banter", position: 90, parentID: category))
                live.channels.append(Channel(id: Self.spectators, type: .guildVoice, guildID: Self.guild,
                                             name: "Spectators", position: 91, parentID: category))
            }
            let again = try Planner.diff(desired: desired, snapshot: live, ownership: owned, options: handled)
            #expect(again.isEmpty, "\(at): not converged: \(PlanTextRenderer.render(again))")
            #expect(DesiredStateOracle(desired: desired, snapshot: live, ownership: owned).mismatches() == [], "\(at)")
            if at >= Self.date("2026-12-09T13:00:00Z"), !live.threads.isEmpty {
                lockedAtArchival = true
                for thread in live.threads {
                    #expect(thread.threadMetadata?.archived == true && thread.threadMetadata?.locked == true,
                            "\(at): thread \(thread.name ?? "") not archived and locked")
                }
            }
            let next = compiled.nextTransition ?? .distantFuture
            at = min(next, at.addingTimeInterval(12 * 3600))
        }
        #expect(lockedAtArchival)
        #expect(quietUnarchives == 0)
        #expect(keptWarnings > 0)
        // The admin's channels survived archival and retention, in place.
        let category = try #require(owned[ResourceKey.series("nations")]?.id)
        #expect(live.channels.first { $0.id == Self.banter }?.parentID == category)
        #expect(live.channels.first { $0.id == Self.spectators }?.parentID == category)
        #expect(live.channels.contains { $0.id == category })
    }

    /// Threads idle for their `auto_archive_duration` are archived, as Discord does.
    static func autoArchive(_ live: inout GuildSnapshot, lastActivity: [Snowflake: Date], at: Date) {
        for index in live.threads.indices {
            guard var meta = live.threads[index].threadMetadata, !meta.archived,
                  let last = lastActivity[live.threads[index].id],
                  at >= last.addingTimeInterval(Double(meta.autoArchiveDuration) * 60) else { continue }
            meta.archived = true
            live.threads[index].threadMetadata = meta
        }
    }

    /// A thread is active when created, reopened or posted into.
    static func recordActivity(_ activity: inout [Snowflake: Date], before: GuildSnapshot, after: GuildSnapshot, at: Date) {
        let was = Dictionary(before.threads.map { ($0.id, $0.threadMetadata?.archived ?? false) }, uniquingKeysWith: { a, _ in a })
        for thread in after.threads where !(thread.threadMetadata?.archived ?? false) {
            if was[thread.id] != false { activity[thread.id] = at }
        }
        for (id, message) in after.messages where before.messages[id] == nil {
            if after.threads.contains(where: { $0.id == message.channelID }) { activity[message.channelID] = at }
        }
    }

    /// Unarchives of threads that neither must be open nor get a message in this plan.
    static func unjustifiedUnarchives(_ plan: Plan, _ desired: DesiredGuild) -> Int {
        plan.changes.filter { change in
            guard case .modifyThread(_, let update) = change.operation, update.archived == false, update.locked == nil,
                  let thread = desired.threads.first(where: { $0.key == change.key }) else { return false }
            let writes = plan.changes.contains { other in
                if case .postMessage(.existing, _, _, _) = other.operation { return other.dependencies.contains(change.index) }
                if case .postAnnouncement(.existing, _, _) = other.operation { return other.dependencies.contains(change.index) }
                if case .editMessage = other.operation { return other.dependencies.contains(change.index) }
                return false
            }
            return !thread.reopen && !writes
        }.count
    }
}
