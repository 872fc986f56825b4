import DiscordTypes
import Foundation
import Spec
import Testing

/// `scheduled_events: true`: each race in Discord's Events list, from signup opening, with
/// its status following the race and the club's cancellation.
@Suite struct ScheduledEventCompileTests {
    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static let event = """
            track: Circuit de la Sarthe
            signup: { url: "https://simlane.app/s/42", opens: 2026-11-01T12:00:00Z, closes: 2026-11-20T12:00:00Z }
            start: 2026-11-28T18:00:00Z
            duration: 6h

        """

    static func events(_ body: String = event, on: Bool = true, at: String, channels: Bool = true) throws -> [DesiredScheduledEvent] {
        let settings = "scheduled_events: \(on)\nauto_create_channels: \(channels)\n"
        let config = try TestClub.load(club: TestClub.oneEvent(body), settings: settings)
        return Compiler.compile(config, at: Self.at(at)).desired.scheduledEvents
    }

    @Test func offByDefaultAndWhenSwitchedOff() throws {
        let config = try TestClub.load(club: TestClub.oneEvent(Self.event))
        #expect(!config.settings.scheduledEvents)
        #expect(Compiler.compile(config, at: Self.at("2026-11-10T00:00:00Z")).desired.scheduledEvents.isEmpty)
        #expect(try Self.events(on: false, at: "2026-11-10T00:00:00Z").isEmpty)
    }

    @Test func listedFromSignupOpeningWithItsStatusFollowingTheRace() throws {
        #expect(try Self.events(at: "2026-11-01T11:59:59Z").isEmpty)
        let listed = try #require(try Self.events(at: "2026-11-01T12:00:00Z").first)
        #expect(listed.key == "series/cup/event/race/scheduled-event")
        #expect(listed.status == .scheduled)
        #expect(listed.name == "Night Race")
        #expect(listed.location == "Circuit de la Sarthe")
        #expect(listed.start == Self.at("2026-11-28T18:00:00Z"))
        #expect(listed.end == Self.at("2026-11-29T00:00:00Z"))
        #expect(listed.description.contains("https://simlane.app/s/42"))
        #expect(listed.creatable)
        #expect(try Self.events(at: "2026-11-28T17:59:00Z").first?.creatable == false, "a minute before the start is too late to create")
        #expect(try Self.events(at: "2026-11-28T18:00:00Z").first?.status == .active)
        #expect(try Self.events(at: "2026-11-29T00:00:00Z").first?.status == .completed)
        // Texts depend on the data only: the event is not edited as time passes.
        #expect(try Self.events(at: "2026-11-28T20:00:00Z").first?.description == listed.description)
    }

    @Test func aCancelledRaceIsCanceled() throws {
        let cancelled = Self.event + "    cancelled: true\n"
        #expect(try Self.events(cancelled, at: "2026-11-10T00:00:00Z").first?.status == .canceled)
    }

    @Test func withoutATrackTheLocationFallsBackAndLongTextsFitDiscordsLimits() throws {
        let long = """
                signup: { url: "https://simlane.app/s/42", opens: 2026-11-01T12:00:00Z, closes: 2026-11-20T12:00:00Z }
                start: 2026-11-28T18:00:00Z
                duration: 6h
                teams:
                  - { id: a, name: A, car: "\(String(repeating: "Porsche ", count: 80))" }
                  - { id: b, name: B, car: "\(String(repeating: "Ferrari ", count: 80))" }

            """
        let event = try #require(try Self.events(long, at: "2026-11-10T00:00:00Z").first)
        #expect(event.location == "Online · sim racing")
        #expect(DiscordName.length(event.description) <= 1000)
        #expect(event.description.contains("https://simlane.app/s/42"))
    }

    @Test func withoutChannelsTheStatusChangesAreStillScheduledTransitions() throws {
        let config = try TestClub.load(club: TestClub.oneEvent(Self.event),
                                       settings: "scheduled_events: true\nauto_create_channels: false\n")
        let before = Compiler.compile(config, at: Self.at("2026-10-01T00:00:00Z"))
        #expect(before.nextTransition == Self.at("2026-11-01T12:00:00Z"))
        let running = Compiler.compile(config, at: Self.at("2026-11-28T19:00:00Z"))
        #expect(running.nextTransition == Self.at("2026-11-29T00:00:00Z"))
        #expect(running.desired.scheduledEvents.first?.status == .active)
    }

    @Test func retiredWithItsSeries() throws {
        // archive_delay 3d after the end, delete_archived_after 90d: gone from the list, then retired.
        #expect(try Self.events(at: "2026-12-03T00:00:00Z").isEmpty)
        let config = try TestClub.load(club: TestClub.oneEvent(Self.event), settings: "scheduled_events: true\n")
        let retired = Compiler.compile(config, at: Self.at("2027-03-10T00:00:00Z")).desired.retired
        #expect(retired.contains("series/cup/event/race/scheduled-event"))
    }

    @Test func theBotAsksForTheEventPermissionsOnlyWhenOn() throws {
        let on = try TestClub.load(club: TestClub.oneEvent(Self.event), settings: "scheduled_events: true\n")
        let off = try TestClub.load(club: TestClub.oneEvent(Self.event))
        let needs = BotPermissionNeeds(settings: on.settings).permissions
        #expect(needs.isSuperset(of: [.createEvents, .manageEvents]))
        #expect(BotPermissionNeeds(settings: off.settings).permissions.isDisjoint(with: [.createEvents, .manageEvents]))
        #expect(Permissions.reconcilerBot.isSuperset(of: needs))
    }

    @Test func aMistypedSettingIsReportedWithItsPosition() {
        let problems = TestClub.diagnostics(club: TestClub.oneEvent(Self.event), settings: "scheduled_events: maybe\n")
        #expect(problems.contains { $0.file == "simlane.yaml" && $0.line == 8 && $0.severity == .error })
    }
}
