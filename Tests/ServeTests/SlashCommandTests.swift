import DiscordEmulator
import DiscordTypes
import Foundation
import Serve
import Testing

extension ServeTestSuite {
    /// Slash commands end to end: a signed interaction in, the answer out, and for a slow
    /// `/sync` the deferral and the follow-up through the emulator's interaction webhook.
    @Suite struct SlashCommandTests {
        static let application: Snowflake = 1_180_245_872_113_766_410
        static let guild: Snowflake = 1_180_244_318_470_983_750
        static let channel: Snowflake = 1_180_244_318_470_983_753

        func data(_ answer: Answer) -> [String: Any] { answer.object["data"] as? [String: Any] ?? [:] }

        @Test func syncByAMemberWithoutAnAdminRoleIsRefusedPrivately() async throws {
            let f = try await ServeFixture.start()
            let answer = try await f.interaction(f.command("sync", roles: [1_180_246_781_371_801_999]))
            #expect(answer.status == 200 && answer.object["type"] as? Int == 4, "\(answer)")
            #expect(data(answer)["flags"] as? Int == 64, "the refusal concerns one user: ephemeral")
            #expect((data(answer)["content"] as? String)?.contains("Only club admins") == true, "\(answer)")
            #expect(try await f.sandboxRoster().isEmpty, "no sync ran")
            try await f.finish()
        }

        @Test func syncByAnAdminRunsAndReports() async throws {
            let f = try await ServeFixture.start(syncBudget: .seconds(60))
            let answer = try await f.interaction(f.command("sync", roles: [ServeFixture.adminRole]))
            #expect(answer.object["type"] as? Int == 4, "\(answer)")
            #expect((data(answer)["content"] as? String)?.hasPrefix("Member sync:") == true, "\(answer)")
            #expect(!(try await f.sandboxRoster().isEmpty), "the sync recorded the roster")
            try await f.finish()
        }

        @Test func aSlowSyncDefersAndFollowsUpThroughTheWebhook() async throws {
            let f = try await ServeFixture.start(syncBudget: .zero)
            let emulator = f.sandbox.emulator
            await emulator.inject(Fault(.latency(seconds: 0.5), on: .path(method: "GET", prefix: "/guilds/\(Self.guild)/members")))
            let ticket = await emulator.openInteraction(applicationID: Self.application, guildID: Self.guild, channelID: Self.channel)
            var payload = f.command("sync", roles: [ServeFixture.adminRole], token: ticket.token)
            payload["id"] = ticket.id.description
            let answer = try await f.interaction(payload)
            #expect(answer.object["type"] as? Int == 5 && data(answer)["flags"] as? Int == 64, "\(answer)")
            // What Discord does with the inline answer: the interaction is acknowledged.
            try await emulator.acknowledgeInteraction(token: ticket.token, type: 5, flags: 64)
            await f.app.background.waitAll()
            let edited = await emulator.interaction(token: ticket.token)
            #expect(edited?.edits == 1, "one PATCH of @original")
            #expect(edited?.original?.hasPrefix("Member sync:") == true, "\(String(describing: edited))")
            try await f.finish()
        }

        @Test func eventsTeamsAndScheduleUseDiscordTimestamps() async throws {
            let f = try await ServeFixture.start()
            let events = try await f.interaction(f.command("events"))
            let list = data(events)["content"] as? String ?? ""
            #expect(list.contains("Petit Le Mans") && list.contains("<t:1796493600:F>"), "\(events)")
            #expect(!list.contains("Spa 6 Hours"), "past events are not upcoming")
            #expect(data(events)["flags"] == nil, "the event list is for the channel")
            let teams = try await f.interaction(f.command("teams", options: ["event": "petit"]))
            #expect((data(teams)["content"] as? String)?.contains("Apex Red") == true, "\(teams)")
            let schedule = try await f.interaction(f.command("schedule"))
            let plan = data(schedule)["content"] as? String ?? ""
            #expect(plan.contains("<t:1796493600:t>–<t:1796500800:t>"), "\(schedule)")
            let unknown = try await f.interaction(f.command("teams", options: ["event": "no-such-race"]))
            #expect(data(unknown)["flags"] as? Int == 64 && (data(unknown)["content"] as? String)?.contains("/events") == true)
            let availability = try await f.interaction(f.command("availability"))
            #expect(data(availability)["flags"] as? Int == 64 && (data(availability)["content"] as? String)?.contains("availability_form_url") == true)
            try await f.finish()
        }
    }
}
