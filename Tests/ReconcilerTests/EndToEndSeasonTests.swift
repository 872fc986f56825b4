import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

/// The example club (examples/apex-endurance) through its whole season with the real CLI
/// binary against the emulator: at every instant `apply` then `plan --detailed-exitcode`
/// exits 0 (no perpetual edits), the bot is never refused (no 403 anywhere), and the race
/// voice channels are gone at race end + grace.
@Suite(.serialized) struct EndToEndSeasonTests {
    /// Petit Le Mans: signup 11-10 → 11-28, start 12-05 18:00, 6 h, race grace 2 h.
    static let instants: [(name: String, at: String)] = [
        ("signup open", "2026-11-20T12:00:00Z"),
        ("teams published", "2026-12-01T12:00:00Z"),
        ("T-23h", "2026-12-04T19:00:00Z"),
        ("mid-race", "2026-12-05T21:00:00Z"),
        ("race end + grace", "2026-12-06T02:00:00Z"),
        // A quiet week: Discord auto-archives the team threads; nothing reopens them.
        ("quiet week after", "2026-12-13T12:00:00Z"),
        ("archival", "2027-03-01T12:00:00Z"),
        ("retention", "2027-07-01T12:00:00Z"),
    ]

    @Test func theExampleSeasonConvergesAtEveryInstantWithoutA403() async throws {
        let dir = try Self.copyExample()
        let config = try ConfigLoader.load(path: dir.path)
        // The emulator lives at the season's instant (its windows still run in real time), so
        // quiet threads auto-archive as they would on Discord between the instants.
        let time = SeasonTime()
        let emulator = DiscordEmulator(clock: EmulatorClock { time.now }, rateLimits: EmulatorFixture.fastLimits)
        try await SandboxGuild.seed(emulator, config: config)
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let env = ["DISCORD_API_BASE": server.baseURL.absoluteString,
                   "DISCORD_BOT_TOKEN": BotIdentity.sandbox.token]
        let guildID = config.settings.discord.guildID
        var raceVoiceSeen = false

        for (name, at) in Self.instants {
            time.jump(to: try #require(ISO8601DateFormatter().date(from: at)))
            let apply = try await CLI.run(["apply", "--config", dir.path, "--at", at, "--auto-approve"], env: env)
            #expect(apply.status == 0, "\(name): apply\n\(apply)")
            let plan = try await CLI.run(["plan", "--config", dir.path, "--at", at, "--detailed-exitcode"], env: env)
            #expect(plan.status == 0, "\(name): the plan after apply is not empty\n\(plan)")

            let guild = try #require(await emulator.guild(guildID))
            let store = try SQLiteStateStore(path: dir.appendingPathComponent(".simlane/state.sqlite").path)
            let owned = try await store.ownership(guild: guildID).entries
            let raceVoice = owned.filter { $0.key.rawValue.hasSuffix("/race-voice") }
                .compactMap { guild.channels[$0.value.id] }
            #expect(owned.values.allSatisfy { $0.kind == .message || guild.channels[$0.id] != nil || guild.roles[$0.id] != nil },
                    "\(name): everything owned exists")
            if name == "T-23h" || name == "mid-race" {
                #expect(!raceVoice.isEmpty, "\(name): race voice channels exist")
                raceVoiceSeen = raceVoiceSeen || !raceVoice.isEmpty
            }
            if name == "archival" {
                let threads = owned.filter { $0.value.kind == .thread }.compactMap { guild.channels[$0.value.id] }
                #expect(!threads.isEmpty)
                #expect(threads.allSatisfy { $0.archived && $0.locked }, "\(name): every team thread archived and locked: \(threads.filter { !($0.archived && $0.locked) }.map { "\($0.name) archived=\($0.archived) locked=\($0.locked)" })")
            }
            if name == "race end + grace" {
                #expect(raceVoice.isEmpty, "\(name): race voice channels are deleted: \(raceVoice.map(\.name))")
            }
        }
        #expect(raceVoiceSeen)
        let log = await emulator.requestLog
        let refused = log.filter { $0.status == 403 }
        #expect(refused.isEmpty, "403s: \(refused.map { "\($0.method) \($0.path) \($0.errorCode ?? 0)" })")
        #expect(log.contains { $0.method == "DELETE" && $0.status < 300 }, "something was deleted")
    }

    /// A season instant that keeps running in real time from the moment it is set.
    final class SeasonTime: @unchecked Sendable {
        private let lock = NSLock()
        private var base = Date()
        private var anchor = Date()

        var now: Date { lock.withLock { base.addingTimeInterval(Date().timeIntervalSince(anchor)) } }

        func jump(to instant: Date) { lock.withLock { base = instant; anchor = Date() } }
    }

    /// The example club in a fresh temporary directory (the state store is written beside it).
    static func copyExample() throws -> URL {
        let source = CLI.packageRoot.appendingPathComponent("examples/apex-endurance")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("season-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: dir)
        try? FileManager.default.removeItem(at: dir.appendingPathComponent(".simlane"))
        return dir
    }
}
