import DiscordTypes
import Foundation
import Planner
import Spec
import Testing

/// The planner's scheduled events: created while ahead, edited field by field, moved along
/// Discord's documented status transitions one step per request, cancelled or completed
/// when no longer desired, deleted only when retired; never anyone else's.
@Suite struct ScheduledEventPlanTests {
    static let key: ResourceKey = "series/gt3-cup/event/spa-6h/scheduled-event"
    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let human: Snowflake = 777

    static func event(_ status: ScheduledEventStatus = .scheduled, name: String = "Spa 6h",
                      start: Date = start) -> DesiredScheduledEvent {
        DesiredScheduledEvent(key: key, name: name, description: "Sign up: https://simlane.app/s/1",
                              location: "Spa", start: start, end: start + 6 * 3600, status: status, group: "GT3 Cup › Spa 6h")
    }

    static func desired(_ events: [DesiredScheduledEvent], retired: [ResourceKey] = []) -> DesiredGuild {
        var guild = DesiredGuild(guildID: ClubFixture.guild, retired: retired)
        guild.scheduledEvents = events
        return guild
    }

    /// The guild and ownership after `event` was created by the planner.
    static func created(_ event: DesiredScheduledEvent = event()) throws -> (GuildSnapshot, Ownership) {
        let plan = try ClubFixture.diff(desired([event]), ClubFixture.emptyGuild)
        return PlanSimulator.apply(plan, to: ClubFixture.emptyGuild, ownership: Ownership())
    }

    static func withStatus(_ status: ScheduledEventStatus, _ snapshot: GuildSnapshot) -> GuildSnapshot {
        var copy = snapshot
        for i in copy.scheduledEvents.indices { copy.scheduledEvents[i].status = status }
        return copy
    }

    @Test func aRaceAheadIsCreatedOnceThenNothingChanges() throws {
        let plan = try ClubFixture.diff(Self.desired([Self.event()]), ClubFixture.emptyGuild)
        #expect(plan.changes.count == 1)
        let change = try #require(plan.changes.first)
        #expect(change.action == .create && change.kind == .scheduledEvent && change.key == Self.key)
        guard case .createScheduledEvent(let new) = change.operation else { Issue.record("not a create"); return }
        #expect(new.location == "Spa" && new.start == Self.start && new.end == Self.start + 6 * 3600)
        let (snapshot, ownership) = try Self.created()
        #expect(ownership[Self.key]?.kind == .scheduledEvent)
        #expect(try ClubFixture.diff(Self.desired([Self.event()]), snapshot, ownership).changes.isEmpty)
    }

    @Test func aRaceThatHasBegunOrIsCancelledIsNeverCreated() throws {
        for status in [ScheduledEventStatus.active, .completed, .canceled] {
            let plan = try ClubFixture.diff(Self.desired([Self.event(status)]), ClubFixture.emptyGuild)
            #expect(plan.changes.isEmpty, "\(status)")
        }
        var late = Self.event()
        late.creatable = false
        #expect(try ClubFixture.diff(Self.desired([late]), ClubFixture.emptyGuild).changes.isEmpty,
                "too close to its start to be created")
    }

    @Test func statusMovesOneDocumentedStepPerRequest() throws {
        let (snapshot, ownership) = try Self.created()
        let plan = try ClubFixture.diff(Self.desired([Self.event(.completed)]), snapshot, ownership)
        let steps = plan.changes.compactMap { change -> ScheduledEventStatus? in
            if case .modifyScheduledEvent(_, let update) = change.operation { return update.status }
            return nil
        }
        #expect(steps == [.active, .completed])
        #expect(plan.changes[1].dependencies == [0])
        let active = try ClubFixture.diff(Self.desired([Self.event(.completed)]), Self.withStatus(.active, snapshot), ownership)
        #expect(active.changes.count == 1 && active.changes[0].fields.first?.new == "completed")
        let cancel = try ClubFixture.diff(Self.desired([Self.event(.canceled)]), snapshot, ownership)
        #expect(cancel.changes.map(\.fields.first?.new) == ["canceled"])
        // ACTIVE -> CANCELED does not exist: a running race the club cancels is ended.
        let running = try ClubFixture.diff(Self.desired([Self.event(.canceled)]), Self.withStatus(.active, snapshot), ownership)
        #expect(running.changes.map(\.fields.first?.new) == ["completed"])
    }

    @Test func aFinishedEventIsNeverChangedAgain() throws {
        let (snapshot, ownership) = try Self.created()
        for status in [ScheduledEventStatus.completed, .canceled] {
            let plan = try ClubFixture.diff(Self.desired([Self.event(.completed, name: "Renamed")]),
                                            Self.withStatus(status, snapshot), ownership)
            #expect(plan.changes.isEmpty, "\(status)")
        }
    }

    @Test func changedDataIsOneEditOfOnlyTheFieldsThatDiffer() throws {
        let (snapshot, ownership) = try Self.created()
        let moved = Self.event(name: "Spa 8h", start: Self.start + 3600)
        let plan = try ClubFixture.diff(Self.desired([moved]), snapshot, ownership)
        #expect(plan.changes.count == 1)
        #expect(plan.changes[0].fields.map(\.name) == ["name", "start", "end"])
        guard case .modifyScheduledEvent(_, let update) = plan.changes[0].operation else { Issue.record("no modify"); return }
        #expect(update == ScheduledEventUpdate(name: "Spa 8h", start: Self.start + 3600, end: Self.start + 7 * 3600))
        // Once running, the start stays (Discord refuses it), with a warning; the end may move.
        let running = try ClubFixture.diff(Self.desired([Self.event(.active, start: Self.start + 3600)]),
                                           Self.withStatus(.active, snapshot), ownership)
        #expect(running.changes.map(\.fields).flatMap { $0.map(\.name) } == ["end"])
        #expect(running.warnings.contains { $0.key == Self.key })
    }

    @Test func noLongerDesiredIsCancelledOrCompletedAndDeletedOnlyWhenRetired() throws {
        let (snapshot, ownership) = try Self.created()
        let cancel = try ClubFixture.diff(Self.desired([]), snapshot, ownership)
        #expect(cancel.changes.map(\.fields.first?.new) == ["canceled"])
        let complete = try ClubFixture.diff(Self.desired([]), Self.withStatus(.active, snapshot), ownership)
        #expect(complete.changes.map(\.fields.first?.new) == ["completed"])
        #expect(try ClubFixture.diff(Self.desired([]), Self.withStatus(.completed, snapshot), ownership).changes.isEmpty)
        let retired = try ClubFixture.diff(Self.desired([], retired: [Self.key]), Self.withStatus(.completed, snapshot), ownership)
        #expect(retired.changes.count == 1)
        #expect(retired.changes[0].action == .delete)
        if case .deleteScheduledEvent(let id) = retired.changes[0].operation { #expect(id == ownership[Self.key]?.id) }
        else { Issue.record("not a delete") }
    }

    @Test func eventsWeDoNotOwnAreNeverTouched() throws {
        var snapshot = ClubFixture.emptyGuild
        snapshot.scheduledEvents = [
            ScheduledEvent(id: 3001, creatorID: Self.human, name: "Spa 6h", scheduledStartTime: Self.start,
                           scheduledEndTime: Self.start + 3600, location: "Spa"),
            ScheduledEvent(id: 3002, creatorID: Self.human, name: "Movie night", scheduledStartTime: Self.start,
                           scheduledEndTime: Self.start + 3600, location: "Couch"),
        ]
        let plan = try ClubFixture.diff(Self.desired([Self.event(.completed, name: "Spa 6h")]), snapshot, Ownership(),
                                        allowDestroy: true)
        #expect(plan.changes.isEmpty)
        let create = try ClubFixture.diff(Self.desired([Self.event()]), snapshot)
        #expect(create.changes.map(\.action) == [.create])
    }

    @Test func theBotsOwnEventIsAdoptedAfterALostStateStore() throws {
        let (snapshot, _) = try Self.created()
        let plan = try ClubFixture.diff(Self.desired([Self.event(.active)]), snapshot, Ownership())
        #expect(plan.changes.map(\.action) == [.adopt, .update])
        #expect(plan.changes[1].dependencies == [0])
    }

    @Test func deletedOutOfBandIsCreatedAgainWhileAheadElseForgotten() throws {
        let (snapshot, ownership) = try Self.created()
        var gone = snapshot
        gone.scheduledEvents = []
        let again = try ClubFixture.diff(Self.desired([Self.event()]), gone, ownership)
        #expect(again.changes.map(\.action) == [.create])
        #expect(again.changes.first?.reason == "deleted out of band")
        let over = try ClubFixture.diff(Self.desired([Self.event(.completed)]), gone, ownership)
        #expect(over.changes.isEmpty)
        #expect(over.forgotten == [Self.key])
    }

    /// Golden plan (text and JSON): a race created, one edited and started, one cancelled.
    @Test func goldenPlanShowsCreatesEditsAndStatusSteps() throws {
        let petit = DesiredScheduledEvent(
            key: "series/gt3-cup/event/petit/scheduled-event", name: "Petit Le Mans",
            description: "GT3 Cup · 6h race\nSign up: https://simlane.app/s/2", location: "Road Atlanta",
            start: Self.start + 86_400, end: Self.start + 86_400 + 6 * 3600, group: "GT3 Cup › Petit Le Mans")
        var monza = petit
        monza.key = "series/gt3-cup/event/monza/scheduled-event"
        monza.name = "Monza Sprint"
        monza.group = "GT3 Cup › Monza Sprint"
        let (snapshot, ownership) = try Self.created()
        let both = try ClubFixture.diff(Self.desired([Self.event(), monza]), snapshot, ownership)
        let (later, owned) = PlanSimulator.apply(both, to: snapshot, ownership: ownership)
        var moved = monza
        moved.status = .canceled
        let plan = try ClubFixture.diff(Self.desired([Self.event(.active, name: "Spa 6 Hours"), petit, moved]), later, owned)
        Golden.check(PlanTextRenderer.render(plan), "scheduled-events", "plan.txt")
        Golden.check(PlanJSONRenderer.render(plan), "scheduled-events", "plan.json")
        #expect(plan.changes.map(\.action) == [.update, .update, .create, .update])
    }

    @Test func theBotNeedsTheEventPermissions() throws {
        var snapshot = ClubFixture.emptyGuild
        let index = try #require(snapshot.roles.firstIndex { $0.id == ClubFixture.botRole })
        snapshot.roles[index].permissions = Permissions.reconcilerBot.subtracting(.createEvents)
        #expect(throws: PlanRefusal.self) { try ClubFixture.diff(Self.desired([Self.event()]), snapshot) }
    }
}
