import DiscordTypes

/// Computes a member's effective permissions the way Discord does (DISCORD.md §5):
/// owner and administrators have everything; otherwise `@everyone` OR the member's roles,
/// then the channel's overwrites (`@everyone`, then the member's roles combined, then the
/// member's own); denying VIEW_CHANNEL voids the rest. Threads use their parent's overwrites.
struct PermissionCalculator {
    let guild: EmulatedGuild

    /// Guild-level permissions of `userID`.
    func base(_ userID: Snowflake) -> Permissions {
        if userID == guild.ownerID { return .all }
        var result = guild.everyone?.permissions ?? []
        for roleID in guild.members[userID]?.roles ?? [] {
            result.formUnion(guild.roles[roleID]?.permissions ?? [])
        }
        return result.contains(.administrator) ? .all : result
    }

    /// Whether `userID` is the owner or an administrator (overwrites do not apply).
    func isAdministrator(_ userID: Snowflake) -> Bool { base(userID) == .all }

    /// Permissions of `userID` in `channel` (a thread resolves to its parent).
    func inChannel(_ userID: Snowflake, _ channel: EmulatedChannel) -> Permissions {
        let base = base(userID)
        if base == .all { return .all }
        var target = channel
        if channel.isThread, let parentID = channel.parentID, let parent = guild.channels[parentID] {
            target = parent
        }
        var result = apply(target.overwrites, to: base, userID: userID)
        if !result.contains(.viewChannel) { result = [] }
        return result
    }

    /// Applies overwrites in Discord's order to `base`.
    func apply(_ overwrites: [PermissionOverwrite], to base: Permissions, userID: Snowflake) -> Permissions {
        var result = base
        if let everyone = overwrites.first(where: { $0.id == guild.id && $0.type == .role }) {
            result.subtract(everyone.deny)
            result.formUnion(everyone.allow)
        }
        let roles = Set(guild.members[userID]?.roles ?? [])
        var allow: Permissions = []
        var deny: Permissions = []
        for overwrite in overwrites where overwrite.type == .role && roles.contains(overwrite.id) {
            allow.formUnion(overwrite.allow)
            deny.formUnion(overwrite.deny)
        }
        result.subtract(deny)
        result.formUnion(allow)
        if let own = overwrites.first(where: { $0.id == userID && $0.type == .member }) {
            result.subtract(own.deny)
            result.formUnion(own.allow)
        }
        return result
    }

    /// The position of `userID`'s highest role (0 = only `@everyone`); the owner is above all.
    func highestPosition(_ userID: Snowflake) -> Int {
        if userID == guild.ownerID { return Int.max }
        return (guild.members[userID]?.roles ?? []).compactMap { guild.roles[$0]?.position }.max() ?? 0
    }

    /// Whether `userID` may manage `role` in the hierarchy: strictly below its highest role.
    func canManage(role: EmulatedRole, by userID: Snowflake) -> Bool {
        role.position < highestPosition(userID)
    }

    /// Whether `userID` holds an explicit MANAGE_ROLES allow in `channel`'s overwrites, which
    /// lets it set overwrite bits it lacks elsewhere.
    func hasManageRolesOverwrite(_ userID: Snowflake, _ channel: EmulatedChannel) -> Bool {
        let roles = Set(guild.members[userID]?.roles ?? [])
        return channel.overwrites.contains { overwrite in
            overwrite.allow.contains(.manageRoles)
                && ((overwrite.type == .member && overwrite.id == userID)
                    || (overwrite.type == .role && roles.contains(overwrite.id)))
        }
    }
}
