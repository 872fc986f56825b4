import DiscordEmulator
import DiscordTypes
import Foundation
import Reconciler
import Spec
import Testing

/// Onboarding and admin controls through the real CLI: `doctor`'s checks against emulator
/// guilds that are fine or broken in one way each, `invite-url`, `init` (by flags and on a
/// terminal) and the manual `archive`.
@Suite struct OnboardingTests {
    func doctor(_ s: Scenario, json: Bool = false) async throws -> CLIResult {
        try await CLI.run(["doctor", "--config", s.dir.path, "--at", SyntheticClub.instant] + (json ? ["--json"] : []),
                          env: s.fixture.env)
    }

    func checks(_ result: CLIResult) throws -> [String: Bool?] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let checks = try #require(object["checks"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: checks.map { ($0["name"] as! String, $0["passed"] as? Bool) })
    }

    @Test func aHealthyGuildPassesEveryCheckAndExits0() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        let text = try await doctor(s)
        #expect(text.status == 0, "\(text)")
        for check in DoctorReport.CheckName.allCases {
            #expect(text.stdout.contains("✓ \(check.rawValue)"), "\(check) in \(text.stdout)")
        }
        let json = try await doctor(s, json: true)
        #expect(json.status == 0)
        #expect(try checks(json).values.allSatisfy { $0 == true })
        #expect(json.stdout.contains("\"invite_url\" : \"https://discord.com/oauth2/authorize?client_id=\(s.club.applicationID)"))
        #expect(await s.mutations().isEmpty, "doctor only reads")
    }

    @Test func aManagedRoleAboveTheBotIsNamedWithItsFix() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        #expect(try await s.apply().status == 0)
        let role = try await s.id("series/s0/event/s0e0/team/t0/role")
        let top = try await s.emulator.roles(of: s.guildID).map(\.position).max()!
        try await s.emulator.adminMoveRole(role, in: s.guildID, to: top + 1)
        let result = try await doctor(s, json: true)
        #expect(result.status == 1, "\(result)")
        #expect(try checks(result)["hierarchy"] == false)
        #expect(try checks(result)["permissions"] == true)
        #expect(result.stdout.contains("drag the bot's role above"), "\(result.stdout)")
    }

    @Test func aGuildNearTheChannelLimitIsReportedBeforeItIsReached() async throws {
        let club = SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1)
        let filler = (0..<480).map { ChannelSeed(name: "lounge-\($0)") }
        let s = try await Scenario.start(club, channels: filler)
        defer { Task { await s.stop() } }
        let result = try await doctor(s)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("✗ layout"), "\(result.stdout)")
        #expect(result.stdout.contains("close to Discord's 500"), "\(result.stdout)")
    }

    @Test func withoutTheMembersIntentTheMembersCheckFailsWithTheFix() async throws {
        let club = SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1)
        let fixture = try await EmulatorFixture.start(botID: club.applicationID)
        defer { Task { await fixture.stop() } }
        await fixture.emulator.seedGuild(GuildSeed(id: club.guildID, name: "No intent", bot: fixture.bot,
                                                   memberIDs: club.linkedMembers, membersIntent: false))
        let dir = try club.write()
        let result = try await CLI.run(["doctor", "--config", dir.path, "--json"], env: fixture.env)
        #expect(result.status == 1, "\(result)")
        #expect(try checks(result)["members"] == false)
        #expect(result.stdout.contains("Server Members intent"))
    }

    @Test func aBotThatIsNotInTheGuildIsToldToUseTheInviteURL() async throws {
        let club = SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1)
        let fixture = try await EmulatorFixture.start(botID: club.applicationID)
        defer { Task { await fixture.stop() } }
        // The bot exists (another guild), but not in the club's.
        await fixture.emulator.seedGuild(GuildSeed(id: TestIDs.guild(), name: "Elsewhere", bot: fixture.bot))
        let dir = try club.write()
        let result = try await CLI.run(["doctor", "--config", dir.path, "--json"], env: fixture.env)
        #expect(result.status == 1, "\(result)")
        let checks = try checks(result)
        #expect(checks["token"] == true && checks["guild"] == false)
        #expect(checks["permissions"] == Bool?.none, "not run after the guild check failed")
        #expect(result.stdout.contains("invite the bot with the URL below"))
    }

    @Test func inviteURLNeedsNoTokenAndListsEachBit() async throws {
        let dir = try SyntheticClub(guildID: 1_400_000_000_000_000_777).write()
        let text = try await CLI.run(["invite-url", "--config", dir.path])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.hasPrefix("https://discord.com/oauth2/authorize?client_id=1200000000000000001&scope=bot%20applications.commands&permissions=2252160862604304&guild_id=1400000000000000777&disable_guild_select=true\n"))
        #expect(text.stdout.contains("CONNECT") && text.stdout.contains("[voice_channels]"))
        let json = try await CLI.run(["invite-url", "--config", dir.path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["permissions"] as? String == "2252160862604304")
        #expect((object["needs"] as? [Any])?.count == 12)
    }

    func emptyDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func initByFlagsWritesAValidClubChecksTheBotAndShowsTheFirstPlan() async throws {
        let dir = try emptyDirectory().appendingPathComponent("club")
        let result = try await CLI.run(["init", dir.path, "--guild-id", "1180244318470983111",
                                        "--application-id", "1180245872113766222", "--name", "Nordic GT", "--yes"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("permissions=2252160862604304&guild_id=1180244318470983111"))
        #expect(result.stdout.contains("No problems found"), "doctor ran against the sandbox")
        #expect(result.stdout.contains("+ text \"first-race-signup\""), "the first plan")
        let validate = try await CLI.run(["validate", "--config", dir.path])
        #expect(validate.status == 0, "\(validate)")
        let settings = try String(contentsOf: dir.appendingPathComponent("simlane.yaml"), encoding: .utf8)
        #expect(settings.contains("id: nordic-gt") && settings.contains("# "), "a commented file with the derived id")

        let again = try await CLI.run(["init", dir.path, "--guild-id", "1180244318470983111",
                                       "--application-id", "1180245872113766222", "--name", "Other", "--yes"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists; pass --force"))
        #expect(try String(contentsOf: dir.appendingPathComponent("simlane.yaml"), encoding: .utf8) == settings,
                "nothing overwritten")
    }

    @Test func initWithoutATerminalNamesTheMissingFlag() async throws {
        let dir = try emptyDirectory()
        let result = try await CLI.run(["init", dir.path, "--guild-id", "1180244318470983111", "--name", "X"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing --application-id"), "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing written")
    }

    @Test func initOnATerminalAsksAndRetriesBadAnswers() async throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "util-linux's script gives the pseudo-terminal")
        let dir = try emptyDirectory().appendingPathComponent("tty")
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qec", "'\(CLI.binary.path)' init '\(dir.path)' --skip-checks", "/dev/null"]
        process.environment = CLI.environment([:])
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data("123\n1180244318470983111\n1180245872113766222\nÉcurie Nord\n\n".utf8))
        try input.fileHandleForWriting.close()
        // Reading to the end and waiting block: on a thread of their own, off the pool the
        // in-process emulators of other tests run on.
        let reader = output.fileHandleForReading
        let printed = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            Thread {
                let text = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                continuation.resume(returning: text)
            }.start()
        }
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("not a Discord id"), "the bad answer was refused and asked again")
        let settings = try String(contentsOf: dir.appendingPathComponent("simlane.yaml"), encoding: .utf8)
        #expect(settings.contains("id: ecurie-nord") && settings.contains("name: Écurie Nord"))
        #expect(settings.contains("guild_id: \"1180244318470983111\""))
    }

    @Test func archiveWritesTheDecisionAndEveryPassHonoursIt() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 2, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        #expect(try await s.apply().status == 0)
        let archive = try await CLI.run(["archive", "--config", s.dir.path, "--series", "s1", "--at", SyntheticClub.instant],
                                        env: s.fixture.env)
        #expect(archive.status == 0, "\(archive)")
        #expect(archive.stdout.contains("- category \"Series 1\""), "the plan shows the archival: \(archive.stdout)")
        let club = try String(contentsOf: s.dir.appendingPathComponent("club.yaml"), encoding: .utf8)
        #expect(club.contains("    archive: \(SyntheticClub.instant)  # archived by hand"))
        // Every later pass compiles the same files: apply carries it out, later plans keep it.
        #expect(try await s.apply().status == 0)
        let categories = try await s.emulator.channels(of: s.guildID).filter { $0.type == .guildCategory }.compactMap(\.name)
        #expect(categories.contains("Series 0") && !categories.contains("Series 1"), "\(categories)")
        let later = try await CLI.run(["plan", "--config", s.dir.path, "--at", "2026-12-04T00:00:00Z", "--detailed-exitcode"],
                                      env: s.fixture.env)
        #expect(!later.stdout.contains("Series 1\" will be created"), "\(later.stdout)")
        #expect(categories.contains("Archive"))
        let unknown = try await CLI.run(["archive", "--config", s.dir.path, "--series", "s9"], env: s.fixture.env)
        #expect(unknown.status == 1 && unknown.stderr.contains("no series 's9'"))
    }
}

/// The doctor's permission judgement before every apply: a plan that needs a permission the
/// bot lacks is refused before any request.
@Suite struct PermissionPreflightTests {
    @Test func anApplyNeedingAMissingPermissionSendsNothing() async throws {
        var permissions = Permissions.reconcilerBot
        permissions.remove(.manageRoles)
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1),
                                         botPermissions: permissions)
        defer { Task { await s.stop() } }
        let apply = try await s.apply()
        #expect(apply.status == 1, "\(apply)")
        #expect(apply.stderr.contains("the bot lacks 1 permission this plan needs"), "\(apply.stderr)")
        #expect(apply.stderr.contains("MANAGE_ROLES, needed by"), "\(apply.stderr)")
        #expect(await s.mutations().isEmpty, "refused before any request")
        let plan = try await s.plan()
        #expect(plan.status == 1 && plan.stderr.contains("MANAGE_ROLES"))
    }

    @Test func anAdministratorBotIsNeverRefused() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1),
                                         botPermissions: .administrator)
        defer { Task { await s.stop() } }
        #expect(try await s.apply().status == 0)
    }
}
