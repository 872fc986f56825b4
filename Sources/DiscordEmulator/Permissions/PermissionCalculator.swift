import DiscordTypes

/// Computes a member's effective permissions the way Discord does (DISCORD.md §5;
/// topics/permissions.mdx "Permission Overwrites" and "Implicit Permissions"): owner and
/// administrators have everything; otherwise `@everyone` OR the member's roles, then the
/// channel's overwrites (`@everyone`, then the member's roles combined, then the member's
/// own), then the implicit rules (`implicit(_:in:thread:)`). Threads use their parent's
/// overwrites.
struct PermissionCalculator {
    let guild: EmulatedGuild

    /// The voice bits a member without CONNECT loses in a voice or stage channel, as
    /// discord.py's `Permissions.voice()`: PRIORITY_SPEAKER, STREAM, CONNECT, SPEAK,
    /// MUTE/DEAFEN/MOVE_MEMBERS, USE_VAD, REQUEST_TO_SPEAK, USE_EMBEDDED_ACTIVITIES,
    /// USE_SOUNDBOARD, USE_EXTERNAL_SOUNDS, SEND_VOICE_MESSAGES.
    static let voiceBits = Permissions(rawValue: [8, 9, 20, 21, 22, 23, 24, 25, 32, 39, 42, 45, 46]
        .reduce(UInt64(0)) { $0 | (UInt64(1) << UInt64($1)) })

    /// What sending messages implies: without the right to send, these are void.
    static let sendingBits: Permissions = [.mentionEveryone, .sendTTSMessages, .attachFiles, .embedLinks]

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

    /// Permissions of `userID` in `channel` (a thread resolves to its parent's overwrites),
    /// implicit rules applied.
    func inChannel(_ userID: Snowflake, _ channel: EmulatedChannel) -> Permissions {
        let base = base(userID)
        if base == .all { return .all }
        var target = channel
        if channel.isThread, let parentID = channel.parentID, let parent = guild.channels[parentID] {
            target = parent
        }
        let explicit = apply(target.overwrites, to: base, userID: userID)
        return Self.implicit(explicit, in: target.type, thread: channel.isThread)
    }

    /// Discord's implicit rules on a channel's computed permissions:
    /// - no VIEW_CHANNEL voids every other channel permission;
    /// - no SEND_MESSAGES voids MENTION_EVERYONE, SEND_TTS_MESSAGES, ATTACH_FILES and
    ///   EMBED_LINKS; in a thread the right to send is SEND_MESSAGES_IN_THREADS (SEND_MESSAGES
    ///   has no effect there, threads.mdx), so that bit decides instead (docs silent: the
    ///   emulator's choice, docs/emulator-fidelity.md);
    /// - in a voice or stage channel, no CONNECT voids MANAGE_CHANNELS, MANAGE_ROLES and the
    ///   voice bits (permissions.mdx; discord.py's `permissions_for` does the same).
    static func implicit(_ permissions: Permissions, in type: ChannelType, thread: Bool) -> Permissions {
        guard permissions.contains(.viewChannel) else { return [] }
        var result = permissions
        if !result.contains(thread ? .sendMessagesInThreads : .sendMessages) { result.subtract(sendingBits) }
        if type.isVoice, !result.contains(.connect) {
            result.subtract(voiceBits.union([.manageChannels, .manageRoles]))
        }
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
