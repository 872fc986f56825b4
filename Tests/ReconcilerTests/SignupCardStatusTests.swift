import DiscordEmulator
import DiscordTypes
import Foundation
import Spec
import Testing
@testable import Reconciler

/// `signup_update_frequency` against the emulator with the daemon's clock injected: a burst
/// of signups waits for the period, but the signup closing is on the card at once, with the
/// latest count.
@Suite("Signup card status")
struct SignupCardStatusTests {
    static func club(participants: [String]) -> String {
        """
        kind: club
        members:
          - { id: ann, display_name: Ann Apex, discord_user_id: "\(DaemonHarness.members[0])", role: driver }
          - { id: bob, display_name: Bob Brake, discord_user_id: "\(DaemonHarness.members[1])", role: driver }
          - { id: cat, display_name: Cat Curb, discord_user_id: "\(DaemonHarness.members[2])", role: driver }
          - { id: dan, display_name: Dan Draft, discord_user_id: "\(DaemonHarness.members[3])", role: driver }
        series:
          - { id: gt3, name: GT3 Cup }
        events:
          - id: spa
            series: gt3
            name: Spa 6h
            signup:
              url: https://simlane.app/signups/spa
              opens: 2026-12-01T10:00:00Z
              closes: 2026-12-01T12:00:00Z
              capacity: 4
            start: 2026-12-06T18:00:00Z
            duration: 2h
            participants: [\(participants.joined(separator: ", "))]

        """
    }

    /// The signup card as the emulator holds it: content, the Participants field, the button label.
    static func card(_ harness: DaemonHarness, _ guild: Snowflake) async throws -> (content: String, count: String, button: String) {
        let stored = try #require(await harness.emulator.guild(guild)?.messages.values.first { $0.pinned })
        let embeds = try JSONDecoder().decode([Embed].self, from: JSONEncoder().encode(stored.embeds))
        let rows = try JSONDecoder().decode([ActionRow].self, from: JSONEncoder().encode(stored.components ?? []))
        let count = embeds.first?.fields?.first { $0.name == "Participants" }?.value ?? ""
        let label = rows.first?.components.first?.label ?? ""
        return (stored.content, count, label)
    }

    @Test func countChangesWaitForThePeriodButTheSignupClosingShowsAtOnce() async throws {
        let start = Date(iso: "2026-12-01T11:00:00Z")
        let harness = try await DaemonHarness(start: start)
        defer { Task { await harness.shutdown() } }
        let guild: Snowflake = 1_300_000_000_000_000_007
        await harness.seedGuild(guild)
        let source = try harness.writeClub("throttle", guild: guild, data: Self.club(participants: ["ann", "bob", "cat"]))
        let store = try SQLiteStateStore(path: source.path + "/state.sqlite")
        let now = harness.now
        let reconciler = Reconciler(
            guildID: guild, store: store, reader: DiscordSnapshotReader(client: harness.client),
            performer: DiscordChangePerformer(client: harness.client), now: { now.date })
        func pass(at iso: String) async throws -> (content: String, count: String, button: String) {
            now.date = Date(iso: iso)
            let outcome = try await reconciler.reconcile(config: try ConfigLoader.load(path: source.path), at: now.date)
            #expect(outcome.failed == 0)
            return try await Self.card(harness, guild)
        }
        var card = try await pass(at: "2026-12-01T11:00:00Z")
        #expect(card.content.contains("Signup open until"))
        #expect(card.count == "3 / 4 signed up")
        #expect(card.button == "Sign up")

        // One more driver signs up: within the hour (default frequency) the card keeps its count.
        try harness.writeClub("throttle", guild: guild, data: Self.club(participants: ["ann", "bob", "cat", "dan"]))
        for instant in ["2026-12-01T11:10:00Z", "2026-12-01T11:40:00Z"] {
            card = try await pass(at: instant)
            #expect(card.count == "3 / 4 signed up", "held at \(instant)")
            #expect(card.content.contains("Signup open until"))
        }

        // The signup closes inside the period: the status is shown at once, with the latest count.
        card = try await pass(at: "2026-12-01T12:00:00Z")
        #expect(card.content.contains("Signup closed"))
        #expect(card.count == "4 / 4 signed up · full", "the edit carries the latest count")
        #expect(card.button == "Signup sheet")
    }
}
