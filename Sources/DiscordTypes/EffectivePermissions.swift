/// What one member may do in one channel, computed as Discord computes it (DISCORD.md §5,
/// topics/permissions.mdx "Permission Overwrites" and "Implicit Permissions").
///
/// Pure; the product's one statement of the rule. The emulator keeps its own, independent
/// implementation (it is the oracle the product is tested against).
///
/// ```swift
/// let base = EffectivePermissions.base(everyone: everyoneRole.permissions,
///                                      roles: botRoles.map(\.permissions))
/// let inVoice = EffectivePermissions.inChannel(
///     base: base, guildID: guild, memberID: bot, memberRoles: botRoleIDs,
///     overwrites: channel.overwrites, type: .guildVoice)
/// inVoice.contains(.manageChannels)   // false when the bot lacks CONNECT there
/// ```
public enum EffectivePermissions {
    /// Bits a member keeps in a voice or stage channel only while it has CONNECT: without it,
    /// Discord also takes MANAGE_CHANNELS and MANAGE_ROLES (discord.py's `permissions_for`).
    public static let voiceBits: Permissions = [
        .connect, .speak, .muteMembers, .deafenMembers, .moveMembers, .useVAD,
        .prioritySpeaker, .stream,
    ]

    /// Bits that have no effect without SEND_MESSAGES.
    public static let needSendMessages: Permissions = [
        .embedLinks, .attachFiles, .mentionEveryone, .sendTTSMessages,
    ]

    /// Guild-level permissions: `@everyone`'s OR every role's; everything for the owner or
    /// an administrator.
    public static func base(everyone: Permissions, roles: [Permissions], isOwner: Bool = false) -> Permissions {
        if isOwner { return .all }
        let combined = roles.reduce(everyone) { $0.union($1) }
        return combined.contains(.administrator) ? .all : combined
    }

    /// Permissions in a guild channel of `type`: overwrites applied in Discord's order
    /// (`@everyone`, then all the member's roles together, then the member), then the
    /// implicit rules. An administrator (`base == .all`) is not subject to either.
    public static func inChannel(
        base: Permissions, guildID: Snowflake, memberID: Snowflake, memberRoles: Set<Snowflake>,
        overwrites: [PermissionOverwrite], type: ChannelType
    ) -> Permissions {
        if base.contains(.administrator) { return .all }
        func apply(_ result: inout Permissions, _ matching: (PermissionOverwrite) -> Bool) {
            let chosen = overwrites.filter(matching)
            result.subtract(chosen.reduce(Permissions()) { $0.union($1.deny) })
            result.formUnion(chosen.reduce(Permissions()) { $0.union($1.allow) })
        }
        var result = base
        apply(&result) { $0.type == .role && $0.id == guildID }
        apply(&result) { $0.type == .role && $0.id != guildID && memberRoles.contains($0.id) }
        apply(&result) { $0.type == .member && $0.id == memberID }
        return implicit(result, type: type)
    }

    /// Discord's implicit rules: no VIEW_CHANNEL voids everything; no SEND_MESSAGES voids
    /// `needSendMessages`; in a voice or stage channel, no CONNECT voids `voiceBits`,
    /// MANAGE_CHANNELS and MANAGE_ROLES.
    public static func implicit(_ permissions: Permissions, type: ChannelType) -> Permissions {
        guard permissions.contains(.viewChannel) else { return [] }
        var result = permissions
        if !result.contains(.sendMessages) { result.subtract(needSendMessages) }
        if type.isVoice, !result.contains(.connect) {
            result.subtract(voiceBits.union([.manageChannels, .manageRoles]))
        }
        return result
    }

    /// Permissions in a thread: the parent channel's. Posting there needs
    /// SEND_MESSAGES_IN_THREADS (SEND_MESSAGES has no effect in threads), so this drops
    /// SEND_MESSAGES unless that bit is present, and the bits that depend on it.
    public static func inThread(parent: Permissions) -> Permissions {
        if parent == .all { return .all }
        var result = parent
        if !result.contains(.sendMessagesInThreads) {
            result.subtract(Permissions.sendMessages.union(needSendMessages))
        }
        return result
    }
}
