import DiscordTypes
import Spec

/// The club-wide member role (`member_sync.member_role`): a managed role held by every active
/// synced member, removed when they become inactive. Added to the compiled layout by the
/// shell, which knows the roster; pure.
public enum MemberRole {
    /// The role's stable key.
    public static let key = ResourceKey("club/member-role")

    /// `desired` plus the member role (lowest of the managed roles) when the settings name
    /// one; unchanged otherwise.
    public static func adding(to desired: DesiredGuild, settings: ClubSettings, roster: [RosterRecord]) -> DesiredGuild {
        guard let name = settings.memberSync.memberRole else { return desired }
        var result = desired
        let members = roster.filter { $0.status == .active }.map(\.discordUserID)
        result.roles.append(DesiredRole(key: key, name: name, mentionable: false, members: members, group: "Club"))
        return result
    }
}
