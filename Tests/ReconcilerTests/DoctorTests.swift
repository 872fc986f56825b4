import DiscordTypes
import Foundation
import Reconciler
import Spec
import Testing

/// `doctor`: the judgement itself (pure), and the real CLI against the emulator.
@Suite struct DoctorTests {
    let guild: Snowflake = 500
    let botID: Snowflake = 900

    func roles(botPermissions: Permissions, teamPosition: Int = 1) -> [Role] {
        [Role(id: guild, name: "@everyone", position: 0, permissions: [.viewChannel]),
         Role(id: 501, name: "Team Alpha", position: teamPosition),
         Role(id: 502, name: "Simlane Bot", position: 5, permissions: botPermissions)]
    }

    /// Every feature on (the example's settings).
    static let needs = BotPermissionNeeds(settings: ClubSettings(
        club: ClubIdentity(id: "c", name: "C"), discord: DiscordSettings(guildID: 500, applicationID: 42)))

    var bot: GuildMember { GuildMember(user: User(id: botID, username: "bot"), roles: [502]) }

    @Test func aWellSetUpBotHasNoFindings() {
        let checkup = BotCheckup.judge(
            guildID: guild, ownerID: 1, roles: roles(botPermissions: .reconcilerBot), bot: bot, botUserID: botID,
            managedRoles: [501: "team/alpha/role"], adminRoles: [502], membersListable: true, needs: Self.needs)
        #expect(checkup.healthy, "\(checkup.findings)")
        #expect(checkup.botHighestRole?.name == "Simlane Bot")
    }

    @Test func eachProblemIsNamedWithItsFix() {
        var permissions = Permissions.reconcilerBot
        permissions.remove(.manageRoles)
        let checkup = BotCheckup.judge(
            guildID: guild, ownerID: 1, roles: roles(botPermissions: permissions, teamPosition: 6), bot: bot,
            botUserID: botID, managedRoles: [501: "team/alpha/role"], adminRoles: [777], membersListable: false, needs: Self.needs)
        let problems = checkup.findings.map(\.problem)
        #expect(problems.count == 4, "\(problems)")
        #expect(problems[0].contains("MANAGE_ROLES"))
        #expect(problems[1].contains("'Team Alpha'") && problems[1].contains("position 6"))
        #expect(checkup.findings[1].fix.contains("drag the bot's role above 'Team Alpha'"))
        #expect(problems[2].contains("777"))
        #expect(checkup.findings[3].fix.contains("Server Members intent"))
    }

    @Test func scheduledEventsNeedTheEventPermissions() {
        let needs = BotPermissionNeeds(settings: ClubSettings(
            club: ClubIdentity(id: "c", name: "C"), discord: DiscordSettings(guildID: 500, applicationID: 42),
            scheduledEvents: true))
        let checkup = BotCheckup.judge(
            guildID: guild, ownerID: 1, roles: roles(botPermissions: Permissions.reconcilerBot.subtracting(.createEvents)),
            bot: bot, botUserID: botID, managedRoles: [501: "team/alpha/role"], adminRoles: [502], membersListable: true,
            needs: needs)
        #expect(checkup.findings.map(\.problem).contains { $0.contains("CREATE_EVENTS") }, "\(checkup.findings)")
        let off = BotCheckup.judge(
            guildID: guild, ownerID: 1, roles: roles(botPermissions: Permissions.reconcilerBot.subtracting(.createEvents)),
            bot: bot, botUserID: botID, managedRoles: [501: "team/alpha/role"], adminRoles: [502], membersListable: true,
            needs: Self.needs)
        #expect(off.healthy, "not needed while scheduled_events is off")
    }

    @Test func administratorsAndOwnersHaveEveryPermission() {
        let admin = BotCheckup.judge(
            guildID: guild, ownerID: 1, roles: roles(botPermissions: .administrator), bot: bot, botUserID: botID,
            managedRoles: [:], adminRoles: [], membersListable: true, needs: Self.needs)
        #expect(admin.healthy)
        let owner = BotCheckup.judge(
            guildID: guild, ownerID: botID, roles: roles(botPermissions: [], teamPosition: 9), bot: bot,
            botUserID: botID, managedRoles: [501: "team/alpha/role"], adminRoles: [], membersListable: true, needs: Self.needs)
        #expect(owner.healthy, "the owner is above every role")
    }

    @Test func theCLIExplainsAMissingPermissionAndExits1() async throws {
        var permissions = Permissions.reconcilerBot
        permissions.remove(.manageRoles)
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1),
                                         botPermissions: permissions)
        defer { Task { await s.stop() } }
        let doctor = try await CLI.run(["doctor", "--config", s.dir.path], env: s.fixture.env)
        #expect(doctor.status == 1, "\(doctor)")
        #expect(doctor.stdout.contains("the bot lacks MANAGE_ROLES"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("1 problem found."), "\(doctor.stdout)")
        #expect(await s.mutations().isEmpty, "doctor only reads")
    }
}
