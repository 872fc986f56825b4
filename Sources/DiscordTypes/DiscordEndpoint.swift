/// One Discord REST endpoint, described once for the whole product: method, path template,
/// major parameter, rate-limit family and the error codes that mean "already done".
///
/// The client builds its `Route`s from these, the planner's `DiscordCall` names the one it
/// sends (for the request budget, `requestLine`, audit and journal) and the executor keys
/// its ordering by `family` + major parameter. A change to Discord's API is one edit here.
/// (The emulator routes requests with its own table: it is the independent oracle.)
///
/// Templates use the OpenAPI spec's placeholder names (`{channel_id}`), so a template is
/// also the `route` a plan shows (`PATCH /channels/{channel_id}`).
public struct DiscordEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// An HTTP method Discord's REST API uses.
    public enum Method: String, Hashable, Sendable { case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE" }

    /// Who a request authenticates as: the bot (`Authorization: Bot <token>`, JSON bodies) or
    /// the application itself (OAuth2's HTTP Basic client id and secret, form bodies).
    public enum Credentials: String, Hashable, Sendable { case bot, application }

    /// The top-level resource Discord keys a route's bucket by (DISCORD.md §2).
    public enum MajorParameter: String, Hashable, Sendable { case guild, channel, webhook, none }

    public let method: Method
    /// `/channels/{channel_id}/messages/{message_id}`.
    public let template: String
    public let major: MajorParameter
    /// Endpoints in one family share a rate-limit bucket (per major parameter), e.g. adding
    /// and removing a member's role.
    public let family: String
    /// Discord codes that mean the request's goal already holds: deleting what is gone
    /// (10003 unknown channel, 10008 message, 10011 role, 10009 overwrite), changing the
    /// roles or thread membership of someone who left (10007 unknown member, 10013 user).
    public let alreadyDoneCodes: Set<Int>
    /// Who the request authenticates as; `.bot` for every route but OAuth2's.
    public let credentials: Credentials

    public init(_ method: Method, _ template: String, major: MajorParameter, family: String? = nil,
                alreadyDone: Set<Int> = [], credentials: Credentials = .bot) {
        self.method = method
        self.template = template
        self.major = major
        self.family = family ?? "\(method.rawValue) \(template)"
        self.alreadyDoneCodes = alreadyDone
        self.credentials = credentials
    }

    /// `METHOD template`, without ids or secrets: the route a plan, a log or a limiter shows.
    public var key: String { "\(method.rawValue) \(template)" }
    public var description: String { key }

    /// The template with `values` substituted for its placeholders in order (unencoded).
    public func path(_ values: [String]) -> String {
        var path = ""
        var remaining = values.makeIterator()
        var inPlaceholder = false
        for character in template {
            if character == "{" {
                inPlaceholder = true
            } else if character == "}" {
                inPlaceholder = false
                path += remaining.next() ?? ""
            } else if !inPlaceholder {
                path.append(character)
            }
        }
        return path
    }

    /// `channels/123`, `guilds/456`, or `global`: the bucket's top-level resource for a
    /// concrete `path` of this endpoint.
    public func majorValue(path: String) -> String {
        guard major != .none else { return "global" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.count >= 2 else { return "global" }
        return "\(segments[0])/\(segments[1])"
    }

    // MARK: Guild and user

    public static let currentUser = DiscordEndpoint(.get, "/users/@me", major: .none)
    public static let guild = DiscordEndpoint(.get, "/guilds/{guild_id}", major: .guild)
    /// The gateway's URL, recommended shard count and identify budget (`GatewayBotInfo`).
    public static let gatewayBot = DiscordEndpoint(.get, "/gateway/bot", major: .none)
    public static let guildCommands = DiscordEndpoint(
        .put, "/applications/{application_id}/guilds/{guild_id}/commands", major: .none)
    public static let listGuildCommands = DiscordEndpoint(
        .get, "/applications/{application_id}/guilds/{guild_id}/commands", major: .none)

    // MARK: OAuth2

    /// Exchanges an authorization code (a bot install's redirect) for a token and the guild:
    /// form-encoded, authenticated as the application, never with the bot token.
    public static let oauthToken = DiscordEndpoint(.post, "/oauth2/token", major: .none, credentials: .application)

    // MARK: Interactions (the token in these paths is a secret: routes show the template)

    /// Edits the first answer to an interaction (a deferred one's "thinking…" message).
    public static let editOriginalInteractionResponse = DiscordEndpoint(
        .patch, "/webhooks/{application_id}/{interaction_token}/messages/@original", major: .webhook)
    /// A further message after the first answer.
    public static let createFollowupMessage = DiscordEndpoint(
        .post, "/webhooks/{application_id}/{interaction_token}", major: .webhook)

    // MARK: Channels

    public static let listChannels = DiscordEndpoint(.get, "/guilds/{guild_id}/channels", major: .guild)
    public static let createChannel = DiscordEndpoint(.post, "/guilds/{guild_id}/channels", major: .guild)
    public static let channelPositions = DiscordEndpoint(.patch, "/guilds/{guild_id}/channels", major: .guild)
    public static let getChannel = DiscordEndpoint(.get, "/channels/{channel_id}", major: .channel)
    /// Channels and threads alike.
    public static let modifyChannel = DiscordEndpoint(.patch, "/channels/{channel_id}", major: .channel)
    public static let deleteChannel = DiscordEndpoint(
        .delete, "/channels/{channel_id}", major: .channel, alreadyDone: [10003])
    public static let setOverwrite = DiscordEndpoint(
        .put, "/channels/{channel_id}/permissions/{overwrite_id}", major: .channel, family: "channel.permissions")
    public static let deleteOverwrite = DiscordEndpoint(
        .delete, "/channels/{channel_id}/permissions/{overwrite_id}", major: .channel,
        family: "channel.permissions", alreadyDone: [10009])

    // MARK: Roles and members

    public static let listRoles = DiscordEndpoint(.get, "/guilds/{guild_id}/roles", major: .guild)
    public static let createRole = DiscordEndpoint(.post, "/guilds/{guild_id}/roles", major: .guild)
    public static let rolePositions = DiscordEndpoint(.patch, "/guilds/{guild_id}/roles", major: .guild)
    public static let modifyRole = DiscordEndpoint(.patch, "/guilds/{guild_id}/roles/{role_id}", major: .guild)
    public static let deleteRole = DiscordEndpoint(
        .delete, "/guilds/{guild_id}/roles/{role_id}", major: .guild, alreadyDone: [10011])
    public static let listMembers = DiscordEndpoint(.get, "/guilds/{guild_id}/members", major: .guild)
    public static let getMember = DiscordEndpoint(.get, "/guilds/{guild_id}/members/{user_id}", major: .guild)
    /// With `{roles: [...]}`: replaces the member's whole role list (MANAGE_ROLES). Its own
    /// bucket, apart from the per-role add/remove family.
    public static let modifyMember = DiscordEndpoint(
        .patch, "/guilds/{guild_id}/members/{user_id}", major: .guild, alreadyDone: [10007, 10013])
    public static let addMemberRole = DiscordEndpoint(
        .put, "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", major: .guild,
        family: "guild.members.roles", alreadyDone: [10007, 10013])
    /// Also done when the role is gone (10011): nobody holds it any more.
    public static let removeMemberRole = DiscordEndpoint(
        .delete, "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", major: .guild,
        family: "guild.members.roles", alreadyDone: [10007, 10011, 10013])

    // MARK: Threads

    public static let startThread = DiscordEndpoint(.post, "/channels/{channel_id}/threads", major: .channel)
    public static let activeThreads = DiscordEndpoint(.get, "/guilds/{guild_id}/threads/active", major: .guild)
    public static let publicArchivedThreads = DiscordEndpoint(
        .get, "/channels/{channel_id}/threads/archived/public", major: .channel)
    public static let privateArchivedThreads = DiscordEndpoint(
        .get, "/channels/{channel_id}/threads/archived/private", major: .channel)
    public static let listThreadMembers = DiscordEndpoint(
        .get, "/channels/{channel_id}/thread-members", major: .channel, family: "channel.thread-members")
    public static let addThreadMember = DiscordEndpoint(
        .put, "/channels/{channel_id}/thread-members/{user_id}", major: .channel,
        family: "channel.thread-members", alreadyDone: [10007, 10013])
    /// Also done when the thread is gone (10003).
    public static let removeThreadMember = DiscordEndpoint(
        .delete, "/channels/{channel_id}/thread-members/{user_id}", major: .channel,
        family: "channel.thread-members", alreadyDone: [10003, 10007, 10013])

    // MARK: Messages

    public static let listMessages = DiscordEndpoint(.get, "/channels/{channel_id}/messages", major: .channel)
    public static let getMessage = DiscordEndpoint(.get, "/channels/{channel_id}/messages/{message_id}", major: .channel)
    public static let createMessage = DiscordEndpoint(.post, "/channels/{channel_id}/messages", major: .channel)
    public static let editMessage = DiscordEndpoint(.patch, "/channels/{channel_id}/messages/{message_id}", major: .channel)
    public static let deleteMessage = DiscordEndpoint(
        .delete, "/channels/{channel_id}/messages/{message_id}", major: .channel, alreadyDone: [10008])
    public static let pinMessage = DiscordEndpoint(
        .put, "/channels/{channel_id}/messages/pins/{message_id}", major: .channel, family: "channel.pins")
    /// Also done when the message is gone (10008).
    public static let unpinMessage = DiscordEndpoint(
        .delete, "/channels/{channel_id}/messages/pins/{message_id}", major: .channel,
        family: "channel.pins", alreadyDone: [10008])

    // MARK: Scheduled events

    public static let listScheduledEvents = DiscordEndpoint(
        .get, "/guilds/{guild_id}/scheduled-events", major: .guild)
    public static let createScheduledEvent = DiscordEndpoint(
        .post, "/guilds/{guild_id}/scheduled-events", major: .guild)
    public static let modifyScheduledEvent = DiscordEndpoint(
        .patch, "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}", major: .guild)
    /// Also done when the event is gone (10070 unknown guild scheduled event).
    public static let deleteScheduledEvent = DiscordEndpoint(
        .delete, "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}", major: .guild,
        alreadyDone: [10070])
}

extension DiscordEndpoint {
    // MARK: Direct messages

    /// Opens (or returns) the DM channel with one user (`{recipient_id}`); messages go to it
    /// with `createMessage`. Sending answers 403 50007 when the user refuses DMs.
    public static let createDM = DiscordEndpoint(.post, "/users/@me/channels", major: .none)
    /// Discord's code for "Cannot send messages to this user" (DMs closed, no shared guild).
    public static let cannotMessageUserCode = 50007
}
