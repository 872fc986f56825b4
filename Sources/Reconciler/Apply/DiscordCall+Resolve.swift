import DiscordTypes
import Planner
import Spec

/// A `.created(key)` ref whose create did not (yet) produce an id.
struct UnresolvedRef: Error, CustomStringConvertible {
    var key: ResourceKey
    var description: String { "needs the id of \(key), which was not created" }
}

extension Ref {
    func resolve(_ ids: [ResourceKey: Snowflake]) throws -> Snowflake {
        switch self {
        case .existing(let id): return id
        case .created(let key):
            guard let id = ids[key] else { throw UnresolvedRef(key: key) }
            return id
        }
    }
}

extension DiscordCall {
    /// This operation with every `.created(key)` replaced by the id its create returned.
    func resolved(_ ids: [ResourceKey: Snowflake]) throws -> DiscordCall {
        func r(_ ref: Ref) throws -> Ref { .existing(try ref.resolve(ids)) }
        func overwrites(_ list: [RefOverwrite]) throws -> [RefOverwrite] {
            try list.map { var o = $0; o.target = try r($0.target); return o }
        }
        switch self {
        case .createChannel(var new):
            new.parent = try new.parent.map(r)
            new.overwrites = try overwrites(new.overwrites)
            return .createChannel(new)
        case .modifyChannel(let id, var update):
            if case .category(let parent)? = update.parent { update.parent = .category(try r(parent)) }
            update.overwrites = try update.overwrites.map(overwrites)
            return .modifyChannel(id: id, update)
        case .channelPositions(let entries):
            return .channelPositions(try entries.map { ChannelPosition(channel: try r($0.channel), position: $0.position) })
        case .createThread(let parent, let name, let isPrivate, let minutes):
            return .createThread(parent: try r(parent), name: name, isPrivate: isPrivate, autoArchiveMinutes: minutes)
        case .modifyThread(let thread, let update):
            return .modifyThread(thread: try r(thread), update)
        case .addThreadMember(let thread, let user):
            return .addThreadMember(thread: try r(thread), user: user)
        case .grantRole(let user, let role):
            return .grantRole(user: user, role: try r(role))
        case .setMemberRoles(let user, let add, let remove):
            return .setMemberRoles(user: user, add: try add.map(r), remove: remove)
        case .postMessage(let channel, let content, let embeds, let components):
            return .postMessage(channel: try r(channel), content: content, embeds: embeds, components: components)
        case .postAnnouncement(let channel, let content, let pings):
            return .postAnnouncement(channel: try r(channel), content: content, pings: pings)
        case .pinMessage(let channel, let message):
            return .pinMessage(channel: try r(channel), message: try r(message))
        default:
            return self
        }
    }

    /// For creates: the name, parent and Discord type to look for after a lost answer.
    var createIdentity: (name: String, parent: Snowflake?, channelType: Int?)? {
        switch self {
        case .createRole(let new): return (new.name, nil, nil)
        case .createChannel(let new): return (new.name, new.parent?.existingID, new.type.rawValue)
        case .createThread(let parent, let name, let isPrivate, _):
            return (name, parent.existingID, isPrivate ? ChannelType.privateThread.rawValue : ChannelType.publicThread.rawValue)
        case .postMessage(let channel, let content, _, _), .postAnnouncement(let channel, let content, _):
            return (content, channel.existingID, nil)
        case .createScheduledEvent(let new): return (new.name, nil, nil)
        default: return nil
        }
    }

    /// Whether this operation makes a new resource whose id later changes may need.
    var isCreate: Bool {
        switch self {
        case .createRole, .createChannel, .createThread, .postMessage, .postAnnouncement, .createScheduledEvent: true
        default: false
        }
    }
}

extension Change {
    /// One line for people: `+ text channel spa-6h-signup`.
    public var summaryLine: String {
        let noun: String = switch kind {
        case .role: "role"
        case .category: "category"
        case .text: "text channel"
        case .voice: "voice channel"
        case .thread: "thread"
        case .message: "message"
        case .guild: "guild"
        case .member: "member"
        case .scheduledEvent: "scheduled event"
        case .announcement: "announcement"
        }
        var line = "\(action.symbol) \(noun) \(name)"
        switch operation {
        case .grantRole(let user, _): line = "\(action.symbol) role \(name) to user \(user)"
        case .revokeRole(let user, _): line = "\(action.symbol) role \(name) from user \(user)"
        case .setMemberRoles(let user, let add, let remove):
            line = "\(action.symbol) roles of user \(user) (\(add.count) granted, \(remove.count) revoked)"
        case .addThreadMember(_, let user): line = "\(action.symbol) user \(user) to thread \(name)"
        case .removeThreadMember(_, let user): line = "\(action.symbol) user \(user) from thread \(name)"
        case .channelPositions(let entries): line = "\(action.symbol) channel order (\(entries.count) channels)"
        default: break
        }
        return line
    }
}
