import Discord
import DiscordTypes
import Foundation
import Planner
import Spec

/// Runs `doctor`'s checks against the guild: the token, the bot's presence in the guild, its
/// permissions for every enabled feature, the role hierarchy, the Server Members intent, the
/// layout against Discord's limits, and the state store against the guild. Reads only
/// (about seven GETs); a check that cannot run because an earlier one failed is reported as
/// not run, never guessed.
public struct BotDoctor: Sendable {
    public let client: DiscordClient
    public let store: any StateStore

    public init(client: DiscordClient, store: any StateStore) {
        self.client = client
        self.store = store
    }

    /// Every check for `config`, with the layout compiled at `at`.
    /// - Throws: only when the state store cannot be read; Discord's answers become findings.
    public func examine(_ config: ClubConfig, at: Date) async throws -> DoctorReport {
        let settings = config.settings
        let guildID = settings.discord.guildID
        let needs = BotPermissionNeeds(settings: settings)
        let invite = BotInviteURL(applicationID: settings.discord.applicationID, guildID: guildID,
                                  permissions: needs.permissions).string
        var checks = [DoctorReport.Check(name: .configuration, passed: true,
                                         detail: "\(settings.club.name): \(config.club.events.count) events, \(config.club.members.count) members")]
        func report() -> DoctorReport {
            for name in DoctorReport.CheckName.allCases where !checks.contains(where: { $0.name == name }) {
                checks.append(.init(name: name, passed: nil, detail: "not run: an earlier check failed"))
            }
            return DoctorReport(guildID: guildID, checks: checks, inviteURL: invite, needs: needs.needs)
        }

        let me: User
        do {
            me = try await client.currentUser()
            checks.append(.init(name: .token, passed: true, detail: "accepted: \(me.username) (\(me.id))"))
        } catch let error as DiscordError {
            checks.append(.init(name: .token, passed: false, detail: "refused", findings: [.init(
                problem: "Discord refused the bot token (\(error.status.map { "HTTP \($0)" } ?? error.message))",
                fix: "copy the token again from Developer Portal › your application › Bot › Reset Token, into DISCORD_BOT_TOKEN or --token-file")]))
            return report()
        }

        let guild: Guild
        let bot: GuildMember
        do {
            guild = try await client.guild(guildID)
            bot = try await client.member(in: guildID, userID: me.id)
            checks.append(.init(name: .guild, passed: true, detail: "\(guild.name) (\(guildID))"))
        } catch let error as DiscordError where error.isNotFound || error.status == 403 || error.code == 50001 {
            checks.append(.init(name: .guild, passed: false, detail: "the bot is not in guild \(guildID)", findings: [.init(
                problem: "the bot cannot see guild \(guildID) (\(error.code.map { "Discord error \($0)" } ?? "HTTP \(error.status ?? 0)")): it was never invited, was removed, or discord.guild_id is wrong",
                fix: "invite the bot with the URL below, or correct discord.guild_id in the settings")]))
            return report()
        }

        let roles = try await client.roles(in: guildID)
        let channels = try await client.channels(in: guildID)
        var membersListable = true
        do {
            _ = try await client.members(in: guildID, limit: 1, after: nil)
        } catch let error as DiscordError where error.status == 403 || error.code == 50001 {
            membersListable = false
        }
        let ownership = try await store.ownership(guild: guildID)
        var managedRoles: [Snowflake: ResourceKey] = [:]
        for (key, entry) in ownership.entries where entry.kind == .role { managedRoles[entry.id] = key }
        let checkup = BotCheckup.judge(
            guildID: guildID, ownerID: guild.ownerID, roles: roles, bot: bot, botUserID: me.id,
            managedRoles: managedRoles, adminRoles: settings.discord.adminRoles,
            membersListable: membersListable, needs: needs)
        let held = checkup.botPermissions.contains(.administrator) ? "administrator"
            : "\(needs.needs.count - checkup.permissionFindings.count) of \(needs.needs.count) needed permissions"
        checks.append(.init(name: .permissions, passed: checkup.permissionFindings.isEmpty, detail: held,
                            findings: checkup.permissionFindings))
        checks.append(.init(name: .hierarchy, passed: checkup.hierarchyFindings.isEmpty,
                            detail: "bot's highest role: " + (checkup.botHighestRole.map { "\($0.name) (position \($0.position))" } ?? "none"),
                            findings: checkup.hierarchyFindings))
        checks.append(.init(name: .members, passed: checkup.memberFindings.isEmpty,
                            detail: membersListable ? "members can be listed" : "members cannot be listed",
                            findings: checkup.memberFindings))
        let desired = Compiler.compile(config, at: at).desired
        checks.append(LayoutCheckup.limits(desired: desired, channels: channels, roles: roles, ownership: ownership))
        checks.append(LayoutCheckup.state(channels: channels, roles: roles, ownership: ownership))
        return report()
    }

}
