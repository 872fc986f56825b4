import DiscordTypes
import Foundation
import Planner
import Spec
import Testing

/// The example club (examples/apex-endurance) through its season: at each instant the
/// compiled layout is planned against the guild left by the previous apply, the plan is
/// a golden, applying it in memory converges, and the guild matches the layout.
@Suite struct ExampleClubLifecycleTests {
    static let instants: [(name: String, at: String)] = [
        ("signup-open", "2026-11-20T12:00:00Z"),
        ("teams-assigned", "2026-12-01T12:00:00Z"),
        ("race-day-t-minus-23h", "2026-12-04T19:00:00Z"),
        // Petit Le Mans' first stint alerts fall due: announcements with their pings.
        ("stint-alerts-due", "2026-12-05T17:45:00Z"),
        ("after-race", "2026-12-06T12:00:00Z"),
        ("after-archival", "2027-03-01T12:00:00Z"),
    ]

    static var examplePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/apex-endurance").path
    }

    @Test func seasonPlansAreGoldenAndConverge() throws {
        let config = try ConfigLoader.load(path: Self.examplePath)
        let guildID = config.settings.discord.guildID
        let bot = config.settings.discord.applicationID  // a bot user's id is its application's id
        var members = [GuildMember(user: User(id: bot, username: "simlane"), roles: [43])]
        for member in config.club.members {
            guard let id = member.discordUserID else { continue }
            members.append(GuildMember(user: User(id: id, username: member.displayName.lowercased()), roles: []))
        }
        var live = GuildSnapshot(
            guildID: guildID, ownerID: 41,
            channels: [Channel(id: 44, type: .guildText, guildID: guildID, name: "general", position: 0)],
            roles: [Role(id: guildID, name: "@everyone", position: 0, permissions: [.viewChannel, .sendMessages]),
                    Role(id: 43, name: "Simlane", position: 1, permissions: .reconcilerBot, managed: true)],
            members: members, botUserID: bot)
        for (offset, admin) in config.settings.discord.adminRoles.enumerated() {
            live.roles.append(Role(id: admin, name: "Admin \(offset + 1)", position: 2 + offset))
        }
        var owned = Ownership()
        // What the state store's sent_alerts would hold: announcements handled so far.
        var handled = PlanOptions(allowDestroy: true)
        let formatter = ISO8601DateFormatter()
        for (name, text) in Self.instants {
            let at = try #require(formatter.date(from: text))
            let desired = Compiler.compile(config, at: at).desired
            let plan = try Planner.diff(desired: desired, snapshot: live, ownership: owned, options: handled)
            #expect(SavedPlanAudit.firstViolation(in: plan, ownership: owned, snapshot: live, policy: desired.policy) == nil,
                    "\(name): a plan the planner makes passes the saved-plan audit")
            Golden.check(PlanTextRenderer.render(plan), "example-\(name)", "plan.txt")
            Golden.check(PlanJSONRenderer.render(plan), "example-\(name)", "plan.json")
            (live, owned) = PlanSimulator.apply(plan, to: live, ownership: owned)
            handled.announced.merge(plan.handledAnnouncements) { $1 }
            #expect(try Planner.diff(desired: desired, snapshot: live, ownership: owned, options: handled).isEmpty,
                    "\(name): not converged")
            #expect(DesiredStateOracle(desired: desired, snapshot: live, ownership: owned).mismatches() == [], "\(name)")
            #expect(live.channels.contains { $0.id == 44 && $0.name == "general" }, "unmanaged channel untouched")
        }
    }
}
