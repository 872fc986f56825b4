import DiscordTypes
import Foundation
import Planner
import Spec
import Testing

/// The plan model: saved plans and staleness, comparison rules that avoid perpetual diffs,
/// ordering, the summary line and the request budget.
@Suite struct PlanModelTests {
    typealias F = ClubFixture
    let instant = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func heldSignupCardEditsWaitButPinsDoNot() throws {
        let (snapshot, ownership) = try F.converged()
        var desired = F.desired
        let i = try #require(desired.messages.firstIndex { $0.key == F.signupMessage })
        desired.messages[i].embeds = [Embed(title: "Spa 6 Hours", fields: [Embed.Field(name: "Participants", value: "13 signed up")])]
        desired.messages[i].pinned.toggle()
        let free = try F.diff(desired, snapshot, ownership)
        #expect(free.changes.map(\.action) == [.edit, .pin])
        let held = try Planner.diff(desired: desired, snapshot: snapshot, ownership: ownership,
                                    options: PlanOptions(heldMessageEdits: [F.signupMessage]))
        #expect(held.changes.map(\.action) == [.pin])
    }

    /// `signup_update_frequency` holds count changes only: a new status line (signup
    /// closed, race started) or a changed button is edited at once, even while held.
    @Test func heldCardsStillShowAStatusOrButtonChangeAtOnce() throws {
        let (snapshot, ownership) = try F.converged()
        let options = PlanOptions(heldMessageEdits: [F.signupMessage])
        var status = F.desired
        let i = try #require(status.messages.firstIndex { $0.key == F.signupMessage })
        status.messages[i].content = "**Spa 6 Hours** — Signup closed"
        status.messages[i].embeds = [Embed(title: "Spa 6 Hours", fields: [Embed.Field(name: "Participants", value: "13 signed up")])]
        let statusPlan = try Planner.diff(desired: status, snapshot: snapshot, ownership: ownership, options: options)
        #expect(statusPlan.changes.map(\.action) == [.edit])
        #expect(statusPlan.changes.first?.fields.map(\.name) == ["content", "embeds"])
        var button = F.desired
        button.messages[i].components = [ActionRow([.link(label: "Sign up", url: "https://simlane.example/s/1")])]
        let buttonPlan = try Planner.diff(desired: button, snapshot: snapshot, ownership: ownership, options: options)
        #expect(buttonPlan.changes.map(\.action) == [.edit])
        guard case .editMessage(_, _, _, _, let components)? = buttonPlan.changes.first?.operation else {
            Issue.record("expected an edit with the button")
            return
        }
        #expect(components == button.messages[i].components)
    }

    @Test func savedPlanRoundTripsAndDetectsStaleness() throws {
        let plan = try F.diff(F.desired, F.emptyGuild)
        let saved = SavedPlan(plan: plan, snapshot: F.emptyGuild, ownership: Ownership(), instant: instant,
                              configHash: "abc")
        let decoded = try SavedPlan.decode(from: try saved.encoded())
        #expect(decoded == saved)
        #expect(!decoded.isStale(against: F.emptyGuild, ownership: Ownership()))

        var busy = F.emptyGuild
        busy.channels[0].lastMessageID = 123_456
        busy.members.reverse()
        #expect(!decoded.isStale(against: busy, ownership: Ownership()), "chatter and paging order are not changes")

        var edited = F.emptyGuild
        edited.channels[0].topic = "new"
        #expect(decoded.isStale(against: edited, ownership: Ownership()))
        let owned = Ownership(entries: [F.category: OwnershipEntry(id: 7, kind: .category)])
        #expect(decoded.staleness(against: F.emptyGuild, ownership: owned)?.contains("state store") == true)
    }

    @Test func savedPlanOfAnotherFormatIsRejected() throws {
        let plan = try F.diff(F.desired, F.emptyGuild)
        var saved = SavedPlan(plan: plan, snapshot: F.emptyGuild, ownership: Ownership(), instant: instant, configHash: "")
        saved.formatVersion = 99
        let data = try saved.encoded()
        #expect(throws: DecodingError.self) { try SavedPlan.decode(from: data) }
    }

    @Test func normalisedNamesAndAbsentFieldsAreNotDifferences() throws {
        var (snapshot, ownership) = try F.converged()
        var desired = F.desired
        desired.channels[1].name = "Announcements"  // Discord stores "announcements"
        desired.channels[3].userLimit = 4
        snapshot.editChannel(F.announcements, ownership) { $0.topic = "Series news" }
        snapshot.editChannel(F.raceVoice, ownership) { channel in
            // An overwrite with no bits is no overwrite.
            channel.permissionOverwrites?.append(PermissionOverwrite(id: F.alice, type: .member))
        }
        var signup = desired.channels[2]
        signup.name = "Spa 6h -- Signup!"  // Discord drops ASCII punctuation, collapses dashes
        signup.topic = nil
        desired.channels[2] = signup
        snapshot.editChannel(F.signup, ownership) { $0.topic = "" }
        #expect(try F.diff(desired, snapshot, ownership).isEmpty)
    }

    @Test func changesAreOrderedByDependency() throws {
        let plan = try F.diff(F.desired, F.emptyGuild)
        let phase: (Change) -> Int = { change in
            switch change.operation {
            case .createRole: 0
            case .createChannel(let new): new.type == .guildCategory ? 1 : 2
            case .channelPositions: 3
            case .createThread, .modifyThread: 4
            case .addThreadMember: 5
            case .grantRole: 6
            case .postMessage, .pinMessage: 7
            default: 9
            }
        }
        let phases = plan.changes.map(phase)
        #expect(phases == phases.sorted())
        for change in plan.changes {
            for key in change.operation.createdRefs {
                let creator = try #require(plan.changes.firstIndex { $0.key == key && $0.ownership != .none })
                #expect(change.dependencies.contains(creator))
            }
        }
    }

    @Test func summaryLineFollowsTerraform() {
        let changes = [Action.create, .create, .post, .create, .update, .grant, .delete, .adopt].enumerated().map {
            Change(index: $0.offset, action: $0.element, kind: .text, key: "k", name: "n",
                   operation: $0.element == .adopt ? .adopt(key: "k", id: 1, kind: .text) : .deleteChannel(id: 1))
        }
        let summary = PlanSummary(changes: changes, requests: 7, estimatedSeconds: 2.4)
        #expect(summary.line == "Plan: 1 to adopt, 4 to add, 2 to change, 1 to destroy; 7 requests, about 3 s.")
        #expect(PlanSummary(changes: [], requests: 0, estimatedSeconds: 0).line
                == "Plan: 0 to add, 0 to change, 0 to destroy; 0 requests, under 1 s.")
    }

    @Test func requestBudgetCountsRequestsAndRateLimits() throws {
        let plan = try F.diff(F.desired, F.emptyGuild)
        #expect(plan.requestCount == plan.changes.count)
        // 30 grants in one guild bucket of 10 per 10 s: at least 20 s of waiting.
        let grants = (0..<30).map {
            Change(index: $0, action: .grant, kind: .role, key: "r", name: "r",
                   operation: .grantRole(user: Snowflake(UInt64(500 + $0)), role: .existing(9)))
        }
        #expect(RequestRateModel.discord.estimate(grants) >= 20)
        #expect(RequestRateModel.discord.estimate(grants) < 21)
    }

    @Test func colourOnlyWhenAsked() throws {
        let plan = try F.diff(F.desired, F.emptyGuild)
        #expect(!PlanTextRenderer.render(plan).contains("\u{1B}["))
        #expect(PlanTextRenderer.render(plan, color: true).contains("\u{1B}[32m"))
    }
}
