import DiscordTypes
import Testing

/// Discord's permission computation (DISCORD.md §5; topics/permissions.mdx "Permission
/// Overwrites" and "Implicit Permissions"; discord.py's `permissions_for` for voice).
@Suite struct EffectivePermissionsTests {
    let guild: Snowflake = 100
    let bot: Snowflake = 7
    let botRole: Snowflake = 8
    let team: Snowflake = 9

    func inChannel(_ overwrites: [PermissionOverwrite], type: ChannelType = .guildText,
                   base: Permissions = .reconcilerBot, roles: Set<Snowflake> = [8]) -> Permissions {
        EffectivePermissions.inChannel(base: base, guildID: guild, memberID: bot, memberRoles: roles,
                                       overwrites: overwrites, type: type)
    }

    @Test func overwritesApplyEveryoneThenRolesThenMember() {
        let everyoneDeny = PermissionOverwrite(id: guild, type: .role, deny: [.sendMessages, .viewChannel])
        #expect(inChannel([everyoneDeny]).isEmpty)
        // The member's roles' allow beats @everyone's deny.
        let roleAllow = PermissionOverwrite(id: botRole, type: .role, allow: .viewChannel)
        #expect(inChannel([everyoneDeny, roleAllow]).contains(.viewChannel))
        #expect(!inChannel([everyoneDeny, roleAllow]).contains(.sendMessages))
        // A role's allow beats another role's deny (combined), the member's deny beats both.
        let teamDeny = PermissionOverwrite(id: team, type: .role, deny: .viewChannel)
        #expect(inChannel([teamDeny, roleAllow], roles: [8, 9]).contains(.viewChannel))
        let memberDeny = PermissionOverwrite(id: bot, type: .member, deny: .viewChannel)
        #expect(inChannel([roleAllow, memberDeny]).isEmpty)
        // Overwrites for roles the member does not hold do nothing.
        #expect(inChannel([teamDeny]) == EffectivePermissions.implicit(.reconcilerBot, type: .guildText))
    }

    @Test func noViewChannelVoidsEverything() {
        #expect(inChannel([PermissionOverwrite(id: guild, type: .role, deny: .viewChannel)]).isEmpty)
    }

    @Test func noSendMessagesVoidsEmbedsAttachmentsMentionsAndTTS() {
        let has = inChannel([PermissionOverwrite(id: guild, type: .role, deny: .sendMessages)],
                            base: Permissions.reconcilerBot.union([.attachFiles, .mentionEveryone, .sendTTSMessages]))
        #expect(has.isDisjoint(with: [.embedLinks, .attachFiles, .mentionEveryone, .sendTTSMessages]))
        #expect(has.contains(.readMessageHistory))
    }

    @Test func noConnectInVoiceVoidsManageChannelsAndManageRoles() {
        // The race voice channel of issue 9: @everyone denied VIEW_CHANNEL and CONNECT, the
        // bot allowed VIEW_CHANNEL and MANAGE_CHANNELS only.
        let locked = [PermissionOverwrite(id: guild, type: .role, deny: [.viewChannel, .connect]),
                      PermissionOverwrite(id: bot, type: .member, allow: [.viewChannel, .manageChannels])]
        let voice = inChannel(locked, type: .guildVoice)
        #expect(voice.contains(.viewChannel))
        #expect(!voice.contains(.manageChannels))
        #expect(!voice.contains(.manageRoles))
        #expect(!voice.contains(.speak))
        // Same overwrites in a stage channel; and not in a text channel.
        #expect(!inChannel(locked, type: .guildStageVoice).contains(.manageChannels))
        #expect(inChannel(locked, type: .guildText).contains(.manageChannels))
        // With CONNECT back, the bot can manage (and delete) the channel again.
        var fixed = locked
        fixed[1].allow.insert(.connect)
        #expect(inChannel(fixed, type: .guildVoice).isSuperset(of: [.manageChannels, .manageRoles, .connect]))
    }

    @Test func administratorsAndOwnersIgnoreOverwrites() {
        let base = EffectivePermissions.base(everyone: [], roles: [.administrator])
        #expect(base == .all)
        #expect(inChannel([PermissionOverwrite(id: guild, type: .role, deny: .viewChannel)], base: base) == .all)
        #expect(EffectivePermissions.base(everyone: [], roles: [], isOwner: true) == .all)
        #expect(EffectivePermissions.base(everyone: [.viewChannel], roles: [[.sendMessages]]) == [.viewChannel, .sendMessages])
    }

    @Test func postingInAThreadNeedsSendMessagesInThreads() {
        let parent: Permissions = [.viewChannel, .sendMessages, .embedLinks, .readMessageHistory]
        #expect(!EffectivePermissions.inThread(parent: parent).contains(.sendMessages))
        #expect(!EffectivePermissions.inThread(parent: parent).contains(.embedLinks))
        let withThreads = parent.union(.sendMessagesInThreads)
        #expect(EffectivePermissions.inThread(parent: withThreads).isSuperset(of: [.sendMessages, .embedLinks]))
    }
}
