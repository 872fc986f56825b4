import DiscordTypes
import Spec

extension DiscordCall {
    /// The endpoint this call sends to; nil for `adopt` (no request).
    public var endpoint: DiscordEndpoint? {
        switch self {
        case .createRole: .createRole
        case .modifyRole: .modifyRole
        case .deleteRole: .deleteRole
        case .createChannel: .createChannel
        case .modifyChannel, .modifyThread: .modifyChannel
        case .deleteChannel: .deleteChannel
        case .channelPositions: .channelPositions
        case .createThread: .startThread
        case .addThreadMember: .addThreadMember
        case .removeThreadMember: .removeThreadMember
        case .grantRole: .addMemberRole
        case .revokeRole: .removeMemberRole
        case .setMemberRoles: .modifyMember
        case .postMessage, .postAnnouncement: .createMessage
        case .editMessage: .editMessage
        case .deleteMessage: .deleteMessage
        case .pinMessage: .pinMessage
        case .unpinMessage: .unpinMessage
        case .createScheduledEvent: .createScheduledEvent
        case .modifyScheduledEvent: .modifyScheduledEvent
        case .deleteScheduledEvent: .deleteScheduledEvent
        case .adopt: nil
        }
    }

    /// The route template, without ids or secrets (`PATCH /channels/{channel_id}`); nil for
    /// adopt. Used for the request budget, logs and audit reasons.
    public var route: String? { endpoint?.key }

    /// The values of the endpoint's placeholders in order; a ref not created yet shows as
    /// `{key}`.
    public func pathValues(guild: Snowflake) -> [String] {
        func id(_ ref: Ref) -> String { ref.existingID?.description ?? "{\(ref.createdKey?.rawValue ?? "?")}" }
        let g = guild.description
        switch self {
        case .createRole, .createChannel, .channelPositions, .createScheduledEvent: return [g]
        case .modifyScheduledEvent(let event, _), .deleteScheduledEvent(let event): return [g, event.description]
        case .modifyRole(let role, _), .deleteRole(let role): return [g, role.description]
        case .modifyChannel(let c, _), .deleteChannel(let c): return [c.description]
        case .createThread(let parent, _, _, _): return [id(parent)]
        case .modifyThread(let t, _): return [id(t)]
        case .addThreadMember(let t, let u): return [id(t), u.description]
        case .removeThreadMember(let t, let u): return [t.description, u.description]
        case .grantRole(let u, let r): return [g, u.description, id(r)]
        case .revokeRole(let u, let r): return [g, u.description, r.description]
        case .setMemberRoles(let u, _, _): return [g, u.description]
        case .postMessage(let c, _, _, _), .postAnnouncement(let c, _, _): return [id(c)]
        case .editMessage(let c, let m, _, _, _), .deleteMessage(let c, let m), .unpinMessage(let c, let m):
            return [c.description, m.description]
        case .pinMessage(let c, let m): return [id(c), id(m)]
        case .adopt: return []
        }
    }

    /// `METHOD /path` with ids filled in (no query, no secrets), for the journal and audit;
    /// `("-", "-")` for adopt.
    public func requestLine(guild: Snowflake) -> (method: String, path: String) {
        guard let endpoint else { return ("-", "-") }
        return (endpoint.method.rawValue, endpoint.path(pathValues(guild: guild)))
    }

    /// The rate-limit bucket this call's request falls in: the endpoint's family and its
    /// major parameter (`guild.members.roles guilds/1`); nil for adopt.
    public func bucketKey(guild: Snowflake) -> String? {
        guard let endpoint else { return nil }
        return "\(endpoint.family) \(endpoint.majorValue(path: requestLine(guild: guild).path))"
    }

    /// Whether Discord answering `code` means the call's goal already holds (deleting
    /// something already gone, revoking a role from someone who left).
    public func isAlreadyDone(code: Int) -> Bool {
        endpoint?.alreadyDoneCodes.contains(code) ?? false
    }
}
