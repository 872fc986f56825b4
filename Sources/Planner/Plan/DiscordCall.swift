import DiscordTypes
import Spec

/// Exactly one Discord request (or, for `adopt`, none), fully decided by the planner: the
/// executor resolves `Ref`s and sends it, without re-reading desired state or re-deriving
/// anything. Permission bits are carried as `Permissions`; request bodies send them as
/// integers. Which endpoint each case calls: `DiscordCall+Endpoint.swift`. (Named for what
/// it is, and so that it does not clash with Foundation's `Operation`.)
public enum DiscordCall: Hashable, Sendable, Codable {
    /// `POST /guilds/{g}/roles`.
    case createRole(NewRole)
    /// `PATCH /guilds/{g}/roles/{id}` with only the non-nil fields.
    case modifyRole(id: Snowflake, RoleUpdate)
    /// `DELETE /guilds/{g}/roles/{id}`.
    case deleteRole(id: Snowflake)
    /// `POST /guilds/{g}/channels` (category, text or voice), overwrites included, so a
    /// private channel is never briefly public.
    case createChannel(NewChannel)
    /// `PATCH /channels/{id}` with only the non-nil fields. `overwrites`, when present, is
    /// the complete authoritative list (one write, never remove-then-add).
    case modifyChannel(id: Snowflake, ChannelUpdate)
    /// `DELETE /channels/{id}` (channels, categories and threads).
    case deleteChannel(id: Snowflake)
    /// `PATCH /guilds/{g}/channels`: one bulk call; never changes a parent (see 40009).
    case channelPositions([ChannelPosition])
    /// `POST /channels/{parent}/threads` with `type` 12 (private) or 11 (public).
    case createThread(parent: Ref, name: String, isPrivate: Bool, autoArchiveMinutes: Int)
    /// `PATCH /channels/{thread}` with only the non-nil fields.
    case modifyThread(thread: Ref, ThreadUpdate)
    /// `PUT /channels/{thread}/thread-members/{user}`.
    case addThreadMember(thread: Ref, user: Snowflake)
    /// `DELETE /channels/{thread}/thread-members/{user}`.
    case removeThreadMember(thread: Snowflake, user: Snowflake)
    /// `PUT /guilds/{g}/members/{user}/roles/{role}`.
    case grantRole(user: Snowflake, role: Ref)
    /// `DELETE /guilds/{g}/members/{user}/roles/{role}`.
    case revokeRole(user: Snowflake, role: Snowflake)
    /// Several role changes of one member in one write: a fresh `GET /guilds/{g}/members/{user}`,
    /// then `PATCH /guilds/{g}/members/{user}` with that fresh role list plus `add` minus
    /// `remove`, so roles we do not own and roles granted since the snapshot are kept. Two
    /// requests; the planner uses it only where it replaces at least three PUT/DELETEs.
    case setMemberRoles(user: Snowflake, add: [Ref], remove: [Snowflake])
    /// `POST /channels/{channel}/messages`.
    case postMessage(channel: Ref, content: String, embeds: [Embed], components: [ActionRow])
    /// `POST /channels/{channel}/messages` for an announcement: content only, with
    /// `allowed_mentions.users` exactly `pings` (nothing else can ping). Recorded as sent,
    /// never owned: an announcement is not edited, re-posted or deleted.
    case postAnnouncement(channel: Ref, content: String, pings: [Snowflake])
    /// `PATCH /channels/{channel}/messages/{message}`.
    case editMessage(channel: Snowflake, message: Snowflake, content: String, embeds: [Embed], components: [ActionRow])
    /// `DELETE /channels/{channel}/messages/{message}`.
    case deleteMessage(channel: Snowflake, message: Snowflake)
    /// `PUT /channels/{channel}/messages/pins/{message}`.
    case pinMessage(channel: Ref, message: Ref)
    /// `DELETE /channels/{channel}/messages/pins/{message}`.
    case unpinMessage(channel: Snowflake, message: Snowflake)
    /// `POST /guilds/{g}/scheduled-events` (EXTERNAL, GUILD_ONLY).
    case createScheduledEvent(NewScheduledEvent)
    /// `PATCH /guilds/{g}/scheduled-events/{id}` with only the non-nil fields; a status
    /// change is its own call (one documented transition per request).
    case modifyScheduledEvent(id: Snowflake, ScheduledEventUpdate)
    /// `DELETE /guilds/{g}/scheduled-events/{id}`.
    case deleteScheduledEvent(id: Snowflake)
    /// No request: record `key -> id` in the state store; for a message, also the channel
    /// it is in (the snapshot reads managed messages per channel).
    case adopt(key: ResourceKey, id: Snowflake, kind: ResourceKind, channel: Snowflake? = nil)

    /// Discord requests this operation costs (adopt is free).
    public var requestCount: Int {
        switch self {
        case .adopt: return 0
        case .setMemberRoles: return 2
        default: return 1
        }
    }

    /// Every `.created(key)` this operation needs resolved before it can be sent.
    public var createdRefs: [ResourceKey] {
        var refs: [Ref] = []
        switch self {
        case .createChannel(let new):
            refs = [new.parent].compactMap { $0 } + new.overwrites.map(\.target)
        case .modifyChannel(_, let update):
            if case .category(let parent)? = update.parent { refs.append(parent) }
            refs += (update.overwrites ?? []).map(\.target)
        case .channelPositions(let entries): refs = entries.map(\.channel)
        case .createThread(let parent, _, _, _): refs = [parent]
        case .modifyThread(let thread, _): refs = [thread]
        case .addThreadMember(let thread, _): refs = [thread]
        case .grantRole(_, let role): refs = [role]
        case .setMemberRoles(_, let add, _): refs = add
        case .postMessage(let channel, _, _, _), .postAnnouncement(let channel, _, _): refs = [channel]
        case .pinMessage(let channel, let message): refs = [channel, message]
        default: break
        }
        var seen = Set<ResourceKey>()
        return refs.compactMap(\.createdKey).filter { seen.insert($0).inserted }
    }
}
