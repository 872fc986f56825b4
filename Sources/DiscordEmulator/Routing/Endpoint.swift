/// Every Discord route the emulator implements, with its rate-limit bucket.
///
/// Templates use Discord's documentation style (`/guilds/{guild_id}/channels`); a route's
/// key (`POST /guilds/{guild_id}/channels`) names it in the request log and in fault rules.
enum Endpoint: String, CaseIterable, Sendable {
    case getCurrentUser, getGuild
    case listChannels, createChannel, modifyChannelPositions
    case getChannel, modifyChannel, deleteChannel
    case editOverwrite, deleteOverwrite
    case listRoles, createRole, modifyRolePositions, modifyRole, deleteRole
    case listMembers, getMember, modifyMember, addMemberRole, removeMemberRole
    case startThread, addThreadMember, removeThreadMember, getThreadMember, listThreadMembers
    case listActiveThreads, listPublicArchivedThreads, listPrivateArchivedThreads
    case createMessage, listMessages, getMessage, editMessage, deleteMessage, listPins, pinMessage, unpinMessage
    case overwriteGuildCommands, listGuildCommands
    case listScheduledEvents, createScheduledEvent, getScheduledEvent, modifyScheduledEvent, deleteScheduledEvent
    case interactionCallback, editOriginalInteractionResponse, createFollowupMessage
    case getGatewayBot
    case createDM

    var method: String {
        switch self {
        case .getCurrentUser, .getGuild, .listChannels, .getChannel, .listRoles, .listMembers, .getMember,
             .getThreadMember, .listThreadMembers, .listActiveThreads, .listPublicArchivedThreads,
             .listPrivateArchivedThreads, .listMessages, .getMessage, .listPins, .listScheduledEvents, .getScheduledEvent,
             .listGuildCommands, .getGatewayBot:
            "GET"
        case .createChannel, .createRole, .startThread, .createMessage, .createScheduledEvent, .interactionCallback,
             .createFollowupMessage, .createDM: "POST"
        case .modifyChannelPositions, .modifyChannel, .modifyRolePositions, .modifyRole, .modifyMember, .editMessage,
             .modifyScheduledEvent, .editOriginalInteractionResponse:
            "PATCH"
        case .editOverwrite, .addMemberRole, .addThreadMember, .pinMessage, .overwriteGuildCommands: "PUT"
        case .deleteChannel, .deleteOverwrite, .deleteRole, .removeMemberRole, .removeThreadMember,
             .deleteMessage, .unpinMessage, .deleteScheduledEvent:
            "DELETE"
        }
    }

    var template: String {
        switch self {
        case .getCurrentUser: "/users/@me"
        case .getGuild: "/guilds/{guild_id}"
        case .listChannels, .createChannel, .modifyChannelPositions: "/guilds/{guild_id}/channels"
        case .getChannel, .modifyChannel, .deleteChannel: "/channels/{channel_id}"
        case .editOverwrite, .deleteOverwrite: "/channels/{channel_id}/permissions/{overwrite_id}"
        case .listRoles, .createRole, .modifyRolePositions: "/guilds/{guild_id}/roles"
        case .modifyRole, .deleteRole: "/guilds/{guild_id}/roles/{role_id}"
        case .listMembers: "/guilds/{guild_id}/members"
        case .getMember, .modifyMember: "/guilds/{guild_id}/members/{user_id}"
        case .addMemberRole, .removeMemberRole: "/guilds/{guild_id}/members/{user_id}/roles/{role_id}"
        case .startThread: "/channels/{channel_id}/threads"
        case .addThreadMember, .removeThreadMember, .getThreadMember: "/channels/{channel_id}/thread-members/{user_id}"
        case .listThreadMembers: "/channels/{channel_id}/thread-members"
        case .listActiveThreads: "/guilds/{guild_id}/threads/active"
        case .listPublicArchivedThreads: "/channels/{channel_id}/threads/archived/public"
        case .listPrivateArchivedThreads: "/channels/{channel_id}/threads/archived/private"
        case .createMessage, .listMessages: "/channels/{channel_id}/messages"
        case .listPins: "/channels/{channel_id}/messages/pins"
        case .pinMessage, .unpinMessage: "/channels/{channel_id}/messages/pins/{message_id}"
        case .getMessage, .editMessage, .deleteMessage: "/channels/{channel_id}/messages/{message_id}"
        case .overwriteGuildCommands, .listGuildCommands: "/applications/{application_id}/guilds/{guild_id}/commands"
        case .listScheduledEvents, .createScheduledEvent: "/guilds/{guild_id}/scheduled-events"
        case .getScheduledEvent, .modifyScheduledEvent, .deleteScheduledEvent:
            "/guilds/{guild_id}/scheduled-events/{event_id}"
        case .interactionCallback: "/interactions/{interaction_id}/{interaction_token}/callback"
        case .editOriginalInteractionResponse: "/webhooks/{application_id}/{interaction_token}/messages/@original"
        case .createFollowupMessage: "/webhooks/{application_id}/{interaction_token}"
        case .overwriteGuildCommands: "/applications/{application_id}/guilds/{guild_id}/commands"
        case .getGatewayBot: "/gateway/bot"
        case .createDM: "/users/@me/channels"
        }
    }

    /// `METHOD /template`, the route's name in logs and fault rules.
    var key: String { "\(method) \(template)" }

    /// The rate-limit bucket this route counts against (routes may share one).
    var bucket: String {
        switch self {
        case .getCurrentUser: RateLimitBucket.currentUser
        case .getGuild: RateLimitBucket.guild
        case .listChannels: RateLimitBucket.listChannels
        case .createChannel: RateLimitBucket.createChannel
        case .modifyChannelPositions: RateLimitBucket.channelPositions
        case .getChannel: RateLimitBucket.getChannel
        case .modifyChannel: RateLimitBucket.modifyChannel
        case .deleteChannel: RateLimitBucket.deleteChannel
        case .editOverwrite, .deleteOverwrite: RateLimitBucket.overwrites
        case .listRoles: RateLimitBucket.listRoles
        case .createRole: RateLimitBucket.createRole
        case .modifyRolePositions: RateLimitBucket.rolePositions
        case .modifyRole: RateLimitBucket.modifyRole
        case .deleteRole: RateLimitBucket.deleteRole
        case .listMembers: RateLimitBucket.listMembers
        case .getMember: RateLimitBucket.getMember
        case .modifyMember: RateLimitBucket.modifyMember
        case .addMemberRole, .removeMemberRole: RateLimitBucket.memberRoles
        case .startThread: RateLimitBucket.startThread
        case .addThreadMember, .removeThreadMember, .getThreadMember, .listThreadMembers: RateLimitBucket.threadMembers
        case .listActiveThreads: RateLimitBucket.activeThreads
        case .listPublicArchivedThreads, .listPrivateArchivedThreads: RateLimitBucket.archivedThreads
        case .createMessage: RateLimitBucket.createMessage
        case .getMessage: RateLimitBucket.getMessage
        case .listMessages: RateLimitBucket.listMessages
        case .editMessage: RateLimitBucket.editMessage
        case .deleteMessage: RateLimitBucket.deleteMessage
        case .listPins, .pinMessage, .unpinMessage: RateLimitBucket.pins
        case .overwriteGuildCommands: RateLimitBucket.commands
        case .listScheduledEvents, .createScheduledEvent, .getScheduledEvent, .modifyScheduledEvent,
             .deleteScheduledEvent:
            RateLimitBucket.scheduledEvents
        case .listGuildCommands: RateLimitBucket.listCommands
        case .interactionCallback, .editOriginalInteractionResponse, .createFollowupMessage: RateLimitBucket.interactions
        case .getGatewayBot: RateLimitBucket.gatewayBot
        case .createDM: RateLimitBucket.createDM
        }
    }

    var isMutation: Bool { method != "GET" }

    /// Interaction callbacks and webhooks: authorised by the interaction's token in the path,
    /// not the bot token, and outside the global limit (rate-limits.mdx).
    var isInteractionRoute: Bool {
        self == .interactionCallback || self == .editOriginalInteractionResponse || self == .createFollowupMessage
    }

    /// Whether the route reads a JSON body.
    var takesBody: Bool {
        switch self {
        case .createChannel, .modifyChannelPositions, .modifyChannel, .editOverwrite, .createRole,
             .modifyRolePositions, .modifyRole, .modifyMember, .startThread, .createMessage, .editMessage, .overwriteGuildCommands,
             .createScheduledEvent, .modifyScheduledEvent,
             .interactionCallback, .editOriginalInteractionResponse, .createFollowupMessage, .createDM:
            true
        default: false
        }
    }

    /// Whether the route's JSON body is an array (bulk positions, command overwrite);
    /// every other body is an object.
    var takesArrayBody: Bool {
        self == .modifyChannelPositions || self == .modifyRolePositions || self == .overwriteGuildCommands
    }

    private var segments: [String] { template.split(separator: "/").map(String.init) }

    /// Matches `path` (without prefix or query) against every route; the parameters are
    /// keyed by placeholder name. `methodMismatch` is true when only the method differs.
    static func match(method: String, path: String) -> (Endpoint, [String: String])? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for endpoint in allCases where endpoint.method == method {
            if let params = endpoint.bind(parts) { return (endpoint, params) }
        }
        return nil
    }

    /// Whether some route serves `path` with another method.
    static func pathExists(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return allCases.contains { $0.bind(parts) != nil }
    }

    private func bind(_ parts: [String]) -> [String: String]? {
        let pattern = segments
        guard pattern.count == parts.count else { return nil }
        var params: [String: String] = [:]
        for (expected, actual) in zip(pattern, parts) {
            if expected.hasPrefix("{") {
                // A literal segment of another route (e.g. `pins`) is not an id.
                if expected == "{message_id}", actual == "pins" { return nil }
                params[String(expected.dropFirst().dropLast())] = actual
            } else if expected != actual {
                return nil
            }
        }
        return params
    }

    /// The top-level resource the bucket is counted for: a channel or guild id (guild
    /// commands count per guild too), or `global`.
    static func majorParameter(_ params: [String: String], endpoint: Endpoint) -> String {
        if endpoint.template.hasPrefix("/channels/"), let c = params["channel_id"] { return "channel:\(c)" }
        if endpoint.isInteractionRoute, let token = params["interaction_token"] { return "webhook:\(token.suffix(12))" }
        if let g = params["guild_id"] { return "guild:\(g)" }
        return "global"
    }
}
