import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

/// The example club with `scheduled_events: true` through the real CLI against the emulator
/// over its season (`--at` and the emulator's clock moved together): a race appears in the
/// Events list when its signup opens, is edited when the club data changes, is active during
/// the race and completed after it, and is cancelled when the club cancels it; after every
/// apply a plan shows no changes, nothing is refused, and an admin's own event is untouched.
@Suite(.serialized) struct EndToEndScheduledEventTests {
    static let petit: ResourceKey = "series/endurance/event/end-petit/scheduled-event"
    static let laguna: ResourceKey = "series/gt4-club/event/gt4-laguna-dec/scheduled-event"
    static let admin: Snowflake = 1_000_000_000_000_000_001

    @Test func racesFollowTheSeasonInTheEventsList() async throws {
        let dir = try EndToEndSeasonTests.copyExample()
        let settings = dir.appendingPathComponent("simlane.yaml")
        try (String(contentsOf: settings, encoding: .utf8) + "\nscheduled_events: true\n")
            .write(to: settings, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: dir.path)
        let time = EndToEndSeasonTests.SeasonTime()
        time.jump(to: Self.date("2026-11-10T17:59:00Z"))
        let emulator = DiscordEmulator(clock: EmulatorClock { time.now }, rateLimits: EmulatorFixture.fastLimits)
        try await SandboxGuild.seed(emulator, config: config)
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let env = ["DISCORD_API_BASE": server.baseURL.absoluteString, "DISCORD_BOT_TOKEN": BotIdentity.sandbox.token]
        let guildID = config.settings.discord.guildID
        let foreign = try await emulator.adminCreateScheduledEvent(
            in: guildID, name: "Movie night", start: Self.date("2027-06-01T20:00:00Z"),
            end: Self.date("2027-06-01T23:00:00Z"), creatorID: Self.admin)

        /// Applies at `at`, checks the next plan is empty, returns the owned events by key.
        func converge(_ at: String) async throws -> [ResourceKey: EmulatedScheduledEvent] {
            time.jump(to: Self.date(at))
            let apply = try await CLI.run(["apply", "--config", dir.path, "--at", at, "--auto-approve"], env: env)
            #expect(apply.status == 0, "\(at): apply\n\(apply)")
            let plan = try await CLI.run(["plan", "--config", dir.path, "--at", at, "--detailed-exitcode"], env: env)
            #expect(plan.status == 0, "\(at): the plan after apply is not empty\n\(plan)")
            let store = try SQLiteStateStore(path: dir.appendingPathComponent(".simlane/state.sqlite").path)
            let events = await emulator.scheduledEvents(in: guildID)
            var owned: [ResourceKey: EmulatedScheduledEvent] = [:]
            for (key, entry) in try await store.ownership(guild: guildID).entries where entry.kind == .scheduledEvent {
                owned[key] = events[entry.id]
            }
            return owned
        }

        var owned = try await converge("2026-11-10T17:59:00Z")
        #expect(owned[Self.petit] == nil, "not listed before its signup opens")
        #expect(!owned.isEmpty, "races whose signup is open are listed")

        owned = try await converge("2026-11-10T18:00:00Z")
        let created = try #require(owned[Self.petit])
        #expect(created.status == 1 && created.entityType == 3 && created.privacyLevel == 2)
        #expect(created.name == "Petit Le Mans")
        #expect(created.location == "Michelin Raceway Road Atlanta")
        #expect(created.start == Self.date("2026-12-05T18:00:00Z") && created.end == Self.date("2026-12-06T00:00:00Z"))
        #expect(created.description?.contains("https://simlane.app/clubs/apex-endurance/signups/end-petit") == true)

        try Self.edit(dir, "endurance.yaml", "    track: Michelin Raceway Road Atlanta\n", "    track: Road Atlanta\n")
        owned = try await converge("2026-11-20T12:00:00Z")
        #expect(owned[Self.petit]?.id == created.id, "edited in place, not replaced")
        #expect(owned[Self.petit]?.location == "Road Atlanta")
        #expect(owned[Self.laguna]?.status == 1)

        owned = try await converge("2026-12-05T21:00:00Z")
        #expect(owned[Self.petit]?.status == 2, "active during the race")

        try Self.edit(dir, "gt4-club.yaml", "    name: Laguna Seca Sprint\n", "    name: Laguna Seca Sprint\n    cancelled: true\n")
        owned = try await converge("2026-12-06T02:00:00Z")
        #expect(owned[Self.petit]?.status == 3, "completed after the race")
        #expect(owned[Self.laguna]?.status == 4, "cancelled with the race")

        let untouched = await emulator.scheduledEvents(in: guildID)[foreign]
        #expect(untouched?.name == "Movie night" && untouched?.status == 1)
        let log = await emulator.requestLog
        #expect(log.filter { $0.status == 403 }.isEmpty)
        let writes = log.filter { $0.path.contains("/scheduled-events") && $0.method != "GET" }
        #expect(writes.allSatisfy { $0.status < 300 }, "\(writes.filter { $0.status >= 300 }.map { "\($0.method) \($0.path) \($0.status)" })")
        #expect(!writes.contains { $0.path.hasSuffix("/\(foreign)") })
    }

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func edit(_ dir: URL, _ file: String, _ old: String, _ new: String) throws {
        let url = dir.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
}
