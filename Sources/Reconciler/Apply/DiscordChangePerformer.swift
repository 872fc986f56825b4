import Discord
import DiscordTypes
import Foundation
import Planner
import Spec

/// Sends each change as exactly one typed `DiscordClient` request, with an audit-log reason
/// naming the change. Creates pass the client a `verify` closure, so that a create whose
/// answer is lost to a 5xx or timeout is looked up (by type, name, parent and creation
/// time) instead of being sent twice.
public struct DiscordChangePerformer: ChangePerformer {
    public let client: DiscordClient
    /// Tolerated clock skew when matching a resource's creation time during verification.
    public var skew: TimeInterval = 120

    public init(client: DiscordClient) { self.client = client }

    public func perform(_ operation: DiscordCall, change: Change, guildID: Snowflake) async throws -> PerformedChange {
        let reason = "simlane: \(change.action.rawValue) \(change.key)"
        let client = self.client
        let since = Date().addingTimeInterval(-skew)
        switch operation {
        case .createRole(let new):
            let body = RoleRequest(name: new.name, permissions: new.permissions, color: new.color,
                                   hoist: new.hoist, mentionable: new.mentionable)
            let role = try await client.createRole(in: guildID, body, reason: reason, verify: {
                try await client.roles(in: guildID).last { $0.name == new.name && $0.id.timestamp >= since }
            })
            return PerformedChange(createdID: role.id, httpStatus: 200)
        case .modifyRole(let id, let update):
            _ = try await client.modifyRole(in: guildID, roleID: id, RoleRequest(
                name: update.name, permissions: update.permissions, color: update.color,
                hoist: update.hoist, mentionable: update.mentionable), reason: reason)
            return PerformedChange(httpStatus: 200)
        case .deleteRole(let id):
            try await client.deleteRole(in: guildID, roleID: id, reason: reason)
            return PerformedChange(httpStatus: 204)
        case .createChannel(let new):
            let parent = new.parent?.existingID
            let body = CreateChannelRequest(
                name: new.name, type: new.type, topic: new.topic, parentID: parent,
                permissionOverwrites: try Self.overwrites(new.overwrites), userLimit: new.userLimit)
            let channel = try await client.createChannel(in: guildID, body, reason: reason, verify: {
                try await client.channels(in: guildID).last {
                    $0.type == new.type && $0.parentID == parent && $0.id.timestamp >= since
                        && ($0.name ?? "").lowercased() == new.name.lowercased()
                }
            })
            return PerformedChange(createdID: channel.id, httpStatus: 201)
        case .modifyChannel(let id, let update):
            var body = ModifyChannelRequest(name: update.name, userLimit: update.userLimit)
            if let topic = update.topic { body.topic = topic.isEmpty ? .null : .value(topic) }
            switch update.parent {
            case .topLevel?: body.parentID = .null
            case .category(let ref)?: body.parentID = .value(try Self.id(ref))
            case nil: break
            }
            if let overwrites = update.overwrites { body.permissionOverwrites = try Self.overwrites(overwrites) }
            _ = try await client.modifyChannel(id, body, reason: reason)
            return PerformedChange(httpStatus: 200)
        case .deleteChannel(let id):
            try await client.deleteChannel(id, reason: reason)
            return PerformedChange(httpStatus: 200)
        case .channelPositions(let entries):
            try await client.modifyChannelPositions(
                in: guildID, try entries.map { ChannelPositionEntry(id: try Self.id($0.channel), position: $0.position) },
                reason: reason)
            return PerformedChange(httpStatus: 204)
        case .createThread(let parentRef, let name, let isPrivate, let minutes):
            let parent = try Self.id(parentRef)
            let type: ChannelType = isPrivate ? .privateThread : .publicThread
            let thread = try await client.startThread(
                in: parent,
                StartThreadRequest(name: name, type: type, autoArchiveDuration: minutes,
                                   invitable: isPrivate ? false : nil),
                reason: reason, verify: {
                    try await client.activeThreads(in: guildID).threads.last {
                        $0.parentID == parent && $0.name == name && $0.id.timestamp >= since
                    }
                })
            return PerformedChange(createdID: thread.id, httpStatus: 201)
        case .modifyThread(let ref, let update):
            _ = try await client.modifyThread(try Self.id(ref), ModifyThreadRequest(
                name: update.name, archived: update.archived, locked: update.locked,
                autoArchiveDuration: update.autoArchiveMinutes), reason: reason)
            return PerformedChange(httpStatus: 200)
        case .addThreadMember(let ref, let user):
            try await client.addThreadMember(threadID: try Self.id(ref), userID: user, reason: reason)
            return PerformedChange(httpStatus: 204)
        case .removeThreadMember(let thread, let user):
            try await client.removeThreadMember(threadID: thread, userID: user, reason: reason)
            return PerformedChange(httpStatus: 204)
        case .grantRole(let user, let role):
            try await client.addMemberRole(guildID: guildID, userID: user, roleID: try Self.id(role), reason: reason)
            return PerformedChange(httpStatus: 204)
        case .revokeRole(let user, let role):
            try await client.removeMemberRole(guildID: guildID, userID: user, roleID: role, reason: reason)
            return PerformedChange(httpStatus: 204)
        case .setMemberRoles(let user, let add, let remove):
            // The list is written whole, so start from Discord's answer of now, not the
            // snapshot's: a role granted meanwhile by someone else is kept.
            let fresh = try await client.member(in: guildID, userID: user).roles
            var roles = fresh.filter { !remove.contains($0) }
            for ref in add {
                let id = try Self.id(ref)
                if !roles.contains(id) { roles.append(id) }
            }
            guard roles != fresh else { return PerformedChange(httpStatus: 200) }
            _ = try await client.modifyMemberRoles(guildID: guildID, userID: user, roles: roles, reason: reason)
            return PerformedChange(httpStatus: 200)
        case .postMessage(let ref, let content, let embeds, let components):
            let channel = try Self.id(ref)
            let message = try await client.createMessage(
                in: channel,
                CreateMessageRequest(content: content, embeds: embeds.isEmpty ? nil : embeds,
                                     allowedMentions: .noPings, components: components.isEmpty ? nil : components),
                reason: reason, verify: {
                    try await client.messages(in: channel, limit: 50, after: Snowflake(at: since)).first {
                        $0.content == content && $0.id.timestamp >= since
                    }
                })
            return PerformedChange(createdID: message.id, httpStatus: 200)
        case .postAnnouncement(let ref, let content, let pings):
            let channel = try Self.id(ref)
            let message = try await client.createMessage(
                in: channel,
                CreateMessageRequest(content: content, allowedMentions: .only(users: pings)),
                reason: reason, verify: {
                    try await client.messages(in: channel, limit: 50, after: Snowflake(at: since)).first {
                        $0.content == content && $0.id.timestamp >= since
                    }
                })
            return PerformedChange(createdID: message.id, httpStatus: 200)
        case .editMessage(let channel, let message, let content, let embeds, let components):
            _ = try await client.editMessage(channelID: channel, messageID: message, EditMessageRequest(
                content: content, embeds: embeds, allowedMentions: .noPings, components: components), reason: reason)
            return PerformedChange(httpStatus: 200)
        case .deleteMessage(let channel, let message):
            try await client.deleteMessage(channelID: channel, messageID: message, reason: reason)
            return PerformedChange(httpStatus: 204)
        case .pinMessage(let channel, let message):
            try await client.pinMessage(channelID: try Self.id(channel), messageID: try Self.id(message), reason: reason)
            return PerformedChange(httpStatus: 204)
        case .unpinMessage(let channel, let message):
            try await client.unpinMessage(channelID: channel, messageID: message, reason: reason)
            return PerformedChange(httpStatus: 204)
        case .createScheduledEvent(let new):
            let event = try await client.createScheduledEvent(
                in: guildID,
                CreateScheduledEventRequest(name: new.name, description: new.description.isEmpty ? nil : new.description,
                                            scheduledStartTime: new.start, scheduledEndTime: new.end, location: new.location),
                reason: reason, verify: {
                    try await client.scheduledEvents(in: guildID).last {
                        $0.name == new.name && $0.scheduledStartTime == new.start && $0.id.timestamp >= since
                    }
                })
            return PerformedChange(createdID: event.id, httpStatus: 200)
        case .modifyScheduledEvent(let id, let update):
            try await client.modifyScheduledEvent(in: guildID, eventID: id, ModifyScheduledEventRequest(
                name: update.name, description: update.description.map { $0.isEmpty ? .null : .value($0) },
                scheduledStartTime: update.start, scheduledEndTime: update.end, location: update.location,
                status: update.status), reason: reason)
            return PerformedChange(httpStatus: 200)
        case .deleteScheduledEvent(let id):
            try await client.deleteScheduledEvent(in: guildID, eventID: id, reason: reason)
            return PerformedChange(httpStatus: 204)
        case .adopt(_, let id, _, _):
            return PerformedChange(createdID: id)
        }
    }

    static func id(_ ref: Ref) throws -> Snowflake {
        guard let id = ref.existingID else { throw UnresolvedRef(key: ref.createdKey ?? "?") }
        return id
    }

    static func overwrites(_ list: [RefOverwrite]) throws -> [PermissionOverwriteRequest] {
        try list.map { PermissionOverwriteRequest(id: try id($0.target), type: $0.type, allow: $0.allow, deny: $0.deny) }
    }
}

extension DiscordError: ApplyFailureDescribing {
    var failureHTTPStatus: Int? { status }
    var failureDiscordCode: Int? { code }
    var failureSentence: String { description.replacingOccurrences(of: "\n", with: "; ") }
    var failureOutcomeUnknown: Bool { kind == .outcomeUnknown }
    var failureStopsApply: Bool { kind == .unauthorized || kind == .clientStopped }
}
