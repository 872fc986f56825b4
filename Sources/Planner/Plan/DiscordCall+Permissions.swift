import DiscordTypes

extension DiscordCall {
    /// The guild permissions Discord requires for this request (DISCORD.md §3 and §5):
    /// roles and member roles need MANAGE_ROLES; channels need MANAGE_CHANNELS, and
    /// overwrites in a create or modify need MANAGE_ROLES too; threads need the create,
    /// send-in-threads or manage bits; posting needs SEND_MESSAGES (and EMBED_LINKS for
    /// embeds); pins need PIN_MESSAGES; scheduled events need CREATE_EVENTS to create and (stricter than
    /// Discord for the bot's own events) MANAGE_EVENTS to change or delete. Editing or deleting the bot's own message needs none.
    public var requiredGuildPermissions: Permissions {
        switch self {
        case .createRole, .modifyRole, .deleteRole, .grantRole, .revokeRole, .setMemberRoles:
            return .manageRoles
        case .createChannel(let new):
            return new.overwrites.isEmpty ? .manageChannels : [.manageChannels, .manageRoles]
        case .modifyChannel(_, let update):
            return update.overwrites == nil ? .manageChannels : [.manageChannels, .manageRoles]
        case .deleteChannel, .channelPositions:
            return .manageChannels
        case .createThread(_, _, let isPrivate, _):
            return isPrivate ? .createPrivateThreads : .createPublicThreads
        case .modifyThread:
            return .manageThreads
        case .addThreadMember:
            return .sendMessagesInThreads
        case .removeThreadMember:
            return .manageThreads
        case .postMessage(_, _, let embeds, _):
            return embeds.isEmpty ? .sendMessages : [.sendMessages, .embedLinks]
        case .postAnnouncement:
            return .sendMessages
        case .pinMessage, .unpinMessage:
            return .pinMessages
        case .createScheduledEvent:
            return .createEvents
        case .modifyScheduledEvent, .deleteScheduledEvent:
            return .manageEvents
        case .editMessage, .deleteMessage, .adopt:
            return []
        }
    }
}
