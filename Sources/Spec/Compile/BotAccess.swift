import DiscordTypes

/// Keeps the bot able to do its work in every channel it manages, by Discord's own rules.
///
/// For each desired channel this derives what the bot does there (edit or delete it, write
/// its overwrites, post, pin, run threads, join voice), evaluates the bot's effective
/// permissions with `EffectivePermissions` (its guild permissions `Permissions.reconcilerBot`,
/// the channel's overwrites, the implicit rules: a race voice channel that denies
/// `@everyone` CONNECT also takes MANAGE_CHANNELS from the bot), and adds the minimal member
/// overwrite for the bot allowing back what is missing. Pure; part of `compile`, so `render`
/// shows the layout `plan` diffs. The bot's user id is the application's id
/// (`discord.application_id`), as for every Discord bot.
///
/// MANAGE_ROLES is never put in the overwrite (only administrators may, DISCORD.md §3); if a
/// layout took it from the bot, the planner's check (`Planner`'s bot-access refusal) says so.
public enum BotAccess {
    /// Needed in every managed channel: see it and edit or delete it.
    public static let manage: Permissions = [.viewChannel, .manageChannels]

    /// What the bot needs in `channel` for what `guild` does there. Only bits the bot is
    /// invited with (`Permissions.reconcilerBot`).
    public static func needs(_ channel: DesiredChannel, in guild: DesiredGuild) -> Permissions {
        var needs = manage
        if !overwrites(of: channel, in: guild).isEmpty { needs.insert(.manageRoles) }
        if channel.kind == .voice { needs.insert(.connect) }
        let threads = guild.threads.filter { $0.parent == channel.key }
        let threadKeys = Set(threads.map(\.key))
        for message in guild.messages where message.channel == channel.key {
            needs.formUnion([.sendMessages, .readMessageHistory])
            if !message.embeds.isEmpty { needs.insert(.embedLinks) }
            if message.pinned { needs.insert(.pinMessages) }
        }
        for thread in threads {
            needs.formUnion([.readMessageHistory, .sendMessagesInThreads, .manageThreads])
            needs.insert(thread.isPrivate ? .createPrivateThreads : .createPublicThreads)
        }
        for message in guild.messages where threadKeys.contains(message.channel) {
            if !message.embeds.isEmpty { needs.formUnion([.sendMessages, .embedLinks]) }
            if message.pinned { needs.insert(.pinMessages) }
        }
        return needs.intersection(.reconcilerBot)
    }

    /// The overwrites Discord will hold for `channel`: its own, or its category's while it
    /// has none (a synced child, as the planner writes it).
    public static func overwrites(of channel: DesiredChannel, in guild: DesiredGuild) -> [DesiredOverwrite] {
        if channel.overwrites.isEmpty, channel.kind != .category, let parent = channel.parent,
           let category = guild.channels.first(where: { $0.key == parent }) {
            return category.overwrites
        }
        return channel.overwrites
    }

    /// The bot's permissions in `channel` with guild permissions `base`, holding no role
    /// that the layout names in an overwrite.
    public static func effective(
        _ channel: DesiredChannel, in guild: DesiredGuild, bot: Snowflake,
        base: Permissions = .reconcilerBot
    ) -> Permissions {
        let wire = overwrites(of: channel, in: guild).compactMap { overwrite -> PermissionOverwrite? in
            switch overwrite.target {
            case .everyone: PermissionOverwrite(id: guild.guildID, type: .role, allow: overwrite.allow, deny: overwrite.deny)
            case .member(let id): PermissionOverwrite(id: id, type: .member, allow: overwrite.allow, deny: overwrite.deny)
            case .role, .managedRole: nil
            }
        }
        return EffectivePermissions.inChannel(
            base: base, guildID: guild.guildID, memberID: bot, memberRoles: [], overwrites: wire,
            type: channel.kind.channelType)
    }

    /// `guild` with a bot overwrite added wherever the bot would lack what it needs.
    public static func ensure(_ guild: DesiredGuild, bot: Snowflake) -> DesiredGuild {
        var result = guild
        for index in result.channels.indices {
            let channel = result.channels[index]
            let missing = needs(channel, in: result).subtracting(effective(channel, in: result, bot: bot))
            let grant = missing.subtracting(.manageRoles)
            guard !grant.isEmpty else { continue }
            var list = overwrites(of: channel, in: result)
            for own in list.indices where list[own].target == .member(bot) { list[own].deny.subtract(grant) }
            if let own = list.firstIndex(where: { $0.target == .member(bot) }) {
                list[own].allow.formUnion(grant)
            } else {
                list.append(DesiredOverwrite(target: .member(bot), allow: grant))
            }
            result.channels[index].overwrites = list
        }
        return result
    }
}
