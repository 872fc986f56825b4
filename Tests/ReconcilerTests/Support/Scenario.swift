import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

/// A club in a temp directory, its guild in an emulator, and the CLI between them.
struct Scenario {
    let fixture: EmulatorFixture
    let club: SyntheticClub
    let dir: URL

    static func start(
        _ club: SyntheticClub, limits: RateLimitConfiguration = EmulatorFixture.fastLimits,
        botPermissions: Permissions = .reconcilerBot, roles: [RoleSeed] = EmulatorFixture.furnitureRoles,
        channels: [ChannelSeed] = EmulatorFixture.furnitureChannels
    ) async throws -> Scenario {
        let fixture = try await EmulatorFixture.start(limits: limits, botID: club.applicationID)
        await fixture.seed(club, botPermissions: botPermissions, roles: roles, channels: channels)
        return Scenario(fixture: fixture, club: club, dir: try club.write())
    }

    var emulator: DiscordEmulator { fixture.emulator }
    var guildID: Snowflake { club.guildID }
    var statePath: String { dir.appendingPathComponent(".simlane/state.sqlite").path }

    func apply(_ extra: [String] = []) async throws -> CLIResult {
        try await CLI.run(["apply", "--config", dir.path, "--at", SyntheticClub.instant, "--auto-approve"] + extra,
                          env: fixture.env)
    }

    func plan(_ extra: [String] = []) async throws -> CLIResult {
        try await CLI.run(["plan", "--config", dir.path, "--at", SyntheticClub.instant, "--detailed-exitcode"] + extra,
                          env: fixture.env)
    }

    func startApply() throws -> RunningCLI {
        try CLI.start(["apply", "--config", dir.path, "--at", SyntheticClub.instant, "--auto-approve"], env: fixture.env)
    }

    func guild() async -> EmulatedGuild { await fixture.guild(guildID) }

    func ownership() async throws -> Ownership {
        try await SQLiteStateStore(path: statePath).ownership(guild: guildID)
    }

    func id(_ key: String) async throws -> Snowflake {
        try #require(try await ownership()[ResourceKey(key)]?.id, "\(key) is not owned")
    }

    /// Mutations (non-GET requests) the emulator has logged since the last reset.
    func mutations() async -> [LoggedRequest] {
        await emulator.requestLog.filter { $0.method != "GET" }
    }

    func stop() async { await fixture.stop() }
}
