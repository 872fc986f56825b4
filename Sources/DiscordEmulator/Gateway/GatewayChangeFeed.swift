import DiscordTypes
import Foundation

/// Turns two emulator states into the gateway events Discord would have sent between
/// them: every change made through REST, out-of-band hooks or seeding becomes an event,
/// whatever code made it. Pure; rendered with the emulator's own `Render`.
enum GatewayChangeFeed {
    static func dispatches(from old: EmulatorState, to new: EmulatorState) -> [GatewayDispatch] {
        var out: [GatewayDispatch] = []
        for id in Set(old.guilds.keys).union(new.guilds.keys).sorted() {
            let before = old.guilds[id]
            let after = new.guilds[id]
            guard before != after else { continue }
            let audience = bots(before, old).union(bots(after, new))
            if let after, before == nil {
                out.append(GatewayDispatch("GUILD_CREATE", guild: id, data: guildCreate(after, state: new),
                                           intent: GatewayDispatch.guilds, audience: bots(after, new)))
                continue
            }
            guard let before, let after else {
                out.append(GatewayDispatch("GUILD_DELETE", guild: id, data: .object(["id": .id(id), "unavailable": .bool(false)]),
                                           intent: GatewayDispatch.guilds, audience: audience))
                continue
            }
            out += changes(before, after, old: old, new: new, audience: audience)
        }
        return out
    }

    /// Bots that are members of `guild`.
    static func bots(_ guild: EmulatedGuild?, _ state: EmulatorState) -> Set<Snowflake> {
        guard let guild else { return [] }
        return Set(state.tokens.values.filter { guild.members[$0] != nil })
    }

    static func changes(_ before: EmulatedGuild, _ after: EmulatedGuild, old: EmulatorState, new: EmulatorState,
                        audience: Set<Snowflake>) -> [GatewayDispatch] {
        let g = after.id
        var out: [GatewayDispatch] = []
        func emit(_ name: String, _ data: JSONValue, _ intent: Int = GatewayDispatch.guilds) {
            out.append(GatewayDispatch(name, guild: g, data: data, intent: intent, audience: audience))
        }
        // A bot that joined sees the whole guild.
        for bot in bots(after, new).subtracting(bots(before, old)) {
            out.append(GatewayDispatch("GUILD_CREATE", guild: g, data: guildCreate(after, state: new),
                                       intent: GatewayDispatch.guilds, audience: [bot]))
        }
        for id in Set(before.roles.keys).union(after.roles.keys).sorted() where before.roles[id] != after.roles[id] {
            if let role = after.roles[id] {
                emit(before.roles[id] == nil ? "GUILD_ROLE_CREATE" : "GUILD_ROLE_UPDATE",
                     .object(["guild_id": .id(g), "role": Render.role(role)]))
            } else {
                emit("GUILD_ROLE_DELETE", .object(["guild_id": .id(g), "role_id": .id(id)]))
            }
        }
        for id in Set(before.channels.keys).union(after.channels.keys).sorted() {
            let was = before.channels[id]
            let now = after.channels[id]
            guard was != now, let channel = now ?? was else { continue }
            let prefix = channel.isThread ? "THREAD" : "CHANNEL"
            if let now, let was {
                var comparableWas = was
                comparableWas.threadMembers = now.threadMembers
                comparableWas.lastMessageID = now.lastMessageID
                comparableWas.messageCount = now.messageCount
                if comparableWas != now {
                    emit("\(prefix)_UPDATE", Render.channel(now))
                }
                if channel.isThread, was.threadMembers != now.threadMembers {
                    emit("THREAD_MEMBERS_UPDATE", threadMembers(now, was.threadMembers, now.threadMembers))
                }
            } else if let now {
                emit("\(prefix)_CREATE", Render.channel(now))
                if now.isThread, !now.threadMembers.isEmpty {
                    emit("THREAD_MEMBERS_UPDATE", threadMembers(now, [:], now.threadMembers))
                }
            } else if channel.isThread {
                emit("THREAD_DELETE", .object([
                    "id": .id(id), "guild_id": .id(g), "parent_id": .id(channel.parentID), "type": .int(channel.type.rawValue),
                ]))
            } else {
                emit("CHANNEL_DELETE", Render.channel(channel))
            }
        }
        for id in Set(before.members.keys).union(after.members.keys).sorted() where before.members[id] != after.members[id] {
            if let member = after.members[id] {
                var data = Render.member(member, user: new.users[id]).objectValue ?? [:]
                data["guild_id"] = .id(g)
                emit(before.members[id] == nil ? "GUILD_MEMBER_ADD" : "GUILD_MEMBER_UPDATE", .object(data), GatewayDispatch.guildMembers)
            } else {
                let user = new.users[id] ?? old.users[id]
                emit("GUILD_MEMBER_REMOVE", .object([
                    "guild_id": .id(g), "user": user.map(Render.user) ?? .object(["id": .id(id)]),
                ]), GatewayDispatch.guildMembers)
            }
        }
        for id in Set(before.messages.keys).union(after.messages.keys).sorted() where before.messages[id] != after.messages[id] {
            if let message = after.messages[id] {
                emit(before.messages[id] == nil ? "MESSAGE_CREATE" : "MESSAGE_UPDATE",
                     Render.message(message, author: new.users[message.authorID], guildID: g), GatewayDispatch.guildMessages)
            } else if let message = before.messages[id] {
                emit("MESSAGE_DELETE", .object([
                    "id": .id(id), "channel_id": .id(message.channelID), "guild_id": .id(g),
                ]), GatewayDispatch.guildMessages)
            }
        }
        return out
    }

    static func threadMembers(_ thread: EmulatedChannel, _ before: [Snowflake: Date], _ after: [Snowflake: Date]) -> JSONValue {
        let added = after.keys.filter { before[$0] == nil }.sorted().map {
            Render.threadMember(threadID: thread.id, userID: $0, joined: after[$0]!)
        }
        let removed = before.keys.filter { after[$0] == nil }.sorted().map { JSONValue.id($0) }
        return .object([
            "id": .id(thread.id), "guild_id": .id(thread.guildID), "member_count": .int(min(after.count, 50)),
            "added_members": .array(added), "removed_member_ids": .array(removed),
        ])
    }

    /// GUILD_CREATE: the guild with its channels, active threads and roles; `members` holds
    /// only the bots (Discord sends the bot and voice users without GUILD_PRESENCES).
    static func guildCreate(_ guild: EmulatedGuild, state: EmulatorState) -> JSONValue {
        var object = Render.guild(guild).objectValue ?? [:]
        object["channels"] = .array(guild.guildChannels.map(Render.channel))
        object["threads"] = .array(guild.threads.filter { !$0.archived }.map(Render.channel))
        object["members"] = .array(guild.members.values.filter { state.users[$0.userID]?.bot == true }
            .sorted { $0.userID < $1.userID }.map { Render.member($0, user: state.users[$0.userID]) })
        object["member_count"] = .int(guild.members.count)
        object["large"] = .bool(guild.members.count > 250)
        object["unavailable"] = .bool(false)
        return .object(object)
    }
}
