@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Guild scheduled events [resources/guild-scheduled-event.mdx]: field rules, the status
/// transitions, permissions and the automatic start and end of EXTERNAL events.
@Suite("Scheduled event rules")
struct ScheduledEventRuleTests {
    static let human: Snowflake = 1_000_000_000_000_000_101

    func body(_ h: Harness, start: TimeInterval = 3600, end: TimeInterval? = 7200, name: String = "Spa 6 Hours",
              location: String? = "Spa", description: String? = nil) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(name), "privacy_level": .int(2), "entity_type": .int(3), "channel_id": .null,
            "scheduled_start_time": .string(DiscordTime.format(h.time.now + start)),
        ]
        if let end { object["scheduled_end_time"] = .string(DiscordTime.format(h.time.now + end)) }
        if let location { object["entity_metadata"] = .object(["location": .string(location)]) }
        if let description { object["description"] = .string(description) }
        return .object(object)
    }

    func create(_ h: Harness, _ body: JSONValue) async -> EmulatorResponse {
        await h.send("POST", "/guilds/\(h.guildID)/scheduled-events", body)
    }

    func patch(_ h: Harness, _ id: Snowflake, _ body: [String: JSONValue]) async -> EmulatorResponse {
        await h.send("PATCH", "/guilds/\(h.guildID)/scheduled-events/\(id)", .object(body))
    }

    /// The form-error codes of a 50035 answer at `path` (`["entity_metadata", "location"]`).
    func errors(_ response: EmulatorResponse, at path: [String]) -> [String] {
        var node = response.json?["errors"]
        for key in path { node = node?[key] }
        return node?["_errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
    }

    @Test func anExternalEventIsCreatedScheduledAndListed() async throws {
        let h = await Harness(rateLimits: .unlimited)
        let created = await create(h, body(h, description: "Sign up: https://simlane.app/s/1"))
        #expect(created.status == 200)
        #expect(created.json?["status"]?.intValue == 1)
        #expect(created.json?["creator_id"]?.snowflakeValue == h.seeded.bot.id)
        #expect(created.json?["entity_metadata"]?["location"]?.stringValue == "Spa")
        let listed = await h.send("GET", "/guilds/\(h.guildID)/scheduled-events")
        #expect(listed.json?.arrayValue?.count == 1)
        let id = try #require(created.id)
        #expect(await h.send("GET", "/guilds/\(h.guildID)/scheduled-events/\(id)").status == 200)
    }

    @Test func theStartMustBeInTheFuture() async {
        let h = await Harness(rateLimits: .unlimited)
        let past = await create(h, body(h, start: -60, end: 3600))
        #expect(past.status == 400 && past.code == 50035)
        #expect(errors(past, at: ["scheduled_start_time"]) == ["GUILD_SCHEDULED_EVENT_SCHEDULE_PAST"])
    }

    @Test func theEndMustComeAfterTheStart() async {
        let h = await Harness(rateLimits: .unlimited)
        let response = await create(h, body(h, start: 3600, end: 1800))
        #expect(response.code == 50035)
        #expect(errors(response, at: ["scheduled_end_time"]) == ["GUILD_SCHEDULED_EVENT_END_BEFORE_START"])
    }

    @Test func anExternalEventNeedsALocationAndAnEndTime() async {
        let h = await Harness(rateLimits: .unlimited)
        let noLocation = await create(h, body(h, location: nil))
        #expect(noLocation.code == 50035)
        #expect(errors(noLocation, at: ["entity_metadata", "location"]) == ["BASE_TYPE_REQUIRED"])
        let noEnd = await create(h, body(h, end: nil))
        #expect(errors(noEnd, at: ["scheduled_end_time"]) == ["BASE_TYPE_REQUIRED"])
        let longLocation = await create(h, body(h, location: String(repeating: "x", count: 101)))
        #expect(errors(longLocation, at: ["entity_metadata", "location"]) == ["BASE_TYPE_BAD_LENGTH"])
        #expect(await h.guild().scheduledEvents?.isEmpty ?? true)
    }

    @Test func nameIsOneToAHundredAndDescriptionUpToAThousand() async {
        let h = await Harness(rateLimits: .unlimited)
        #expect(errors(await create(h, body(h, name: "")), at: ["name"]) == ["BASE_TYPE_BAD_LENGTH"])
        #expect(errors(await create(h, body(h, name: String(repeating: "n", count: 101))), at: ["name"]) == ["BASE_TYPE_BAD_LENGTH"])
        #expect(await create(h, body(h, name: String(repeating: "n", count: 100))).status == 200)
        let long = await create(h, body(h, description: String(repeating: "d", count: 1001)))
        #expect(errors(long, at: ["description"]) == ["BASE_TYPE_BAD_LENGTH"])
        #expect(await create(h, body(h, description: String(repeating: "d", count: 1000))).status == 200)
    }

    @Test func onlyTheDocumentedStatusTransitionsAreAccepted() async throws {
        let h = await Harness(rateLimits: .unlimited)
        let id = try #require(await create(h, body(h)).id)
        let skip = await patch(h, id, ["status": .int(3)])
        #expect(skip.code == 50035)
        #expect(errors(skip, at: ["status"]) == ["GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION"])
        #expect(await patch(h, id, ["status": .int(2)]).json?["status"]?.intValue == 2)
        #expect(errors(await patch(h, id, ["status": .int(4)]), at: ["status"]) == ["GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION"])
        #expect(await patch(h, id, ["status": .int(3)]).json?["status"]?.intValue == 3)
        // Finished: nothing changes any more.
        let after = await patch(h, id, ["name": .string("Renamed")])
        #expect(after.status == 400 && after.code == 180000)

        let other = try #require(await create(h, body(h)).id)
        #expect(await patch(h, other, ["status": .int(4)]).json?["status"]?.intValue == 4)
        #expect(await patch(h, other, ["status": .int(1)]).code == 180000)
    }

    @Test func theStartMovesOnlyToTheFutureAndOnlyBeforeTheEventBegins() async throws {
        let h = await Harness(rateLimits: .unlimited)
        let id = try #require(await create(h, body(h)).id)
        let past = await patch(h, id, ["scheduled_start_time": .string(DiscordTime.format(h.time.now - 60))])
        #expect(errors(past, at: ["scheduled_start_time"]) == ["GUILD_SCHEDULED_EVENT_SCHEDULE_PAST"])
        let later = DiscordTime.format(h.time.now + 5400)
        #expect(await patch(h, id, ["scheduled_start_time": .string(later)]).status == 200)
        let beyondEnd = await patch(h, id, ["scheduled_start_time": .string(DiscordTime.format(h.time.now + 9000))])
        #expect(errors(beyondEnd, at: ["scheduled_end_time"]) == ["GUILD_SCHEDULED_EVENT_END_BEFORE_START"])
        #expect(await patch(h, id, ["status": .int(2)]).status == 200)
        let begun = await patch(h, id, ["scheduled_start_time": .string(DiscordTime.format(h.time.now + 600))])
        #expect(errors(begun, at: ["scheduled_start_time"]) == ["GUILD_SCHEDULED_EVENT_ALREADY_STARTED"])
    }

    @Test func externalEventsStartAndEndByThemselves() async throws {
        let h = await Harness(rateLimits: .unlimited)
        let id = try #require(await create(h, body(h, start: 3600, end: 7200)).id)
        h.time.advance(by: 3599)
        #expect(await h.emulator.scheduledEvents(in: h.guildID)[id]?.status == 1)
        h.time.advance(by: 1)
        #expect(await h.send("GET", "/guilds/\(h.guildID)/scheduled-events/\(id)").json?["status"]?.intValue == 2)
        h.time.advance(by: 3600)
        #expect(await h.emulator.scheduledEvents(in: h.guildID)[id]?.status == 3)
    }

    @Test func creatingNeedsCreateEvents() async {
        let without = await Harness(seed: GuildSeed(botPermissions: Permissions.reconcilerBot.subtracting(.createEvents)), rateLimits: .unlimited)
        let refused = await create(without, body(without))
        #expect(refused.status == 403 && refused.code == 50013)
        let with = await Harness(seed: GuildSeed(botPermissions: [.createEvents]), rateLimits: .unlimited)
        #expect(await create(with, body(with)).status == 200)
    }

    @Test func othersEventsNeedManageEventsTheBotsOwnCreateEventsSuffices() async throws {
        let h = await Harness(seed: GuildSeed(botPermissions: [.createEvents], memberIDs: [Self.human]), rateLimits: .unlimited)
        let own = try #require(await create(h, body(h)).id)
        #expect(await patch(h, own, ["name": .string("Mine")]).status == 200)
        let theirs = try await h.emulator.adminCreateScheduledEvent(
            in: h.guildID, name: "Movie night", start: h.time.now + 3600, end: h.time.now + 7200, creatorID: Self.human)
        #expect(await patch(h, theirs, ["name": .string("Ours now")]).code == 50013)
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/scheduled-events/\(theirs)").code == 50013)

        let manager = await Harness(seed: GuildSeed(botPermissions: [.manageEvents], memberIDs: [Self.human]), rateLimits: .unlimited)
        let other = try await manager.emulator.adminCreateScheduledEvent(
            in: manager.guildID, name: "Movie night", start: manager.time.now + 3600, end: manager.time.now + 7200,
            creatorID: Self.human)
        #expect(await patch(manager, other, ["name": .string("Renamed")]).status == 200)
    }

    @Test func atMostAHundredEventsAreScheduledOrActive() async throws {
        let h = await Harness(rateLimits: .unlimited)
        var ids: [Snowflake] = []
        for _ in 0..<100 { ids.append(try #require(await create(h, body(h)).id)) }
        let over = await create(h, body(h))
        #expect(over.status == 400 && over.code == 30038)
        // A finished event no longer counts.
        #expect(await patch(h, ids[0], ["status": .int(4)]).status == 200)
        #expect(await create(h, body(h)).status == 200)
    }

    @Test func deletedEventsAreUnknown() async throws {
        let h = await Harness(rateLimits: .unlimited)
        let id = try #require(await create(h, body(h)).id)
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/scheduled-events/\(id)").status == 204)
        let gone = await h.send("GET", "/guilds/\(h.guildID)/scheduled-events/\(id)")
        #expect(gone.status == 404 && gone.code == 10070)
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/scheduled-events/\(id)").code == 10070)
    }
}
