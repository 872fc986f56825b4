import DiscordTypes
import Foundation

/// Discord's response shapes for the emulator's records: snowflakes and permissions as
/// strings, nulls where Discord sends nulls.
enum Render {
    static func user(_ user: EmulatedUser) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .id(user.id), "username": .string(user.username), "discriminator": .string("0"),
            "global_name": .text(user.globalName), "avatar": .null, "public_flags": .int(0), "flags": .int(0),
        ]
        if user.bot { object["bot"] = .bool(true) }
        return .object(object)
    }

    static func role(_ role: EmulatedRole) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .id(role.id), "name": .string(role.name), "color": .int(role.color),
            "colors": .object(["primary_color": .int(role.color), "secondary_color": .null, "tertiary_color": .null]),
            "hoist": .bool(role.hoist), "icon": .null, "unicode_emoji": .null,
            "position": .int(role.position), "permissions": .string(String(role.permissions.rawValue)),
            "managed": .bool(role.managed), "mentionable": .bool(role.mentionable), "flags": .int(0),
        ]
        if let bot = role.botID {
            object["tags"] = .object(["bot_id": .id(bot)])
        } else if role.managed {
            object["tags"] = .object(["integration_id": .id(role.id)])
        }
        return .object(object)
    }

    static func overwrite(_ overwrite: PermissionOverwrite) -> JSONValue {
        .object([
            "id": .id(overwrite.id), "type": .int(overwrite.type.rawValue),
            "allow": .string(String(overwrite.allow.rawValue)), "deny": .string(String(overwrite.deny.rawValue)),
        ])
    }

    static func channel(_ channel: EmulatedChannel) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .id(channel.id), "type": .int(channel.type.rawValue), "guild_id": .id(channel.guildID),
            "name": .string(channel.name), "flags": .int(0),
        ]
        if channel.isThread {
            object["parent_id"] = .id(channel.parentID)
            object["owner_id"] = .id(channel.ownerID)
            object["last_message_id"] = .id(channel.lastMessageID)
            object["rate_limit_per_user"] = .int(channel.rateLimitPerUser)
            object["member_count"] = .int(min(channel.threadMembers.count, 50))
            object["message_count"] = .int(channel.messageCount)
            object["total_message_sent"] = .int(channel.messageCount)
            var metadata: [String: JSONValue] = [
                "archived": .bool(channel.archived), "locked": .bool(channel.locked),
                "auto_archive_duration": .int(channel.autoArchiveDuration),
                "archive_timestamp": .time(channel.archiveTimestamp ?? channel.createTimestamp),
                "create_timestamp": .time(channel.createTimestamp),
            ]
            if channel.type == .privateThread { metadata["invitable"] = .bool(channel.invitable ?? true) }
            object["thread_metadata"] = .object(metadata)
            return .object(object)
        }
        object["position"] = .int(channel.position)
        object["parent_id"] = .id(channel.parentID)
        object["permission_overwrites"] = .array(channel.overwrites.map(overwrite))
        object["nsfw"] = .bool(channel.nsfw)
        if channel.type == .guildCategory { return .object(object) }
        object["rate_limit_per_user"] = .int(channel.rateLimitPerUser)
        object["last_message_id"] = .id(channel.lastMessageID)
        if channel.type.isVoice {
            object["bitrate"] = .int(channel.bitrate ?? 64000)
            object["user_limit"] = .int(channel.userLimit ?? 0)
            object["rtc_region"] = .null
        } else {
            object["topic"] = .text(channel.topic)
            if let duration = channel.defaultAutoArchiveDuration {
                object["default_auto_archive_duration"] = .int(duration)
            }
        }
        return .object(object)
    }

    static func member(_ member: EmulatedMember, user: EmulatedUser?) -> JSONValue {
        .object([
            "user": user.map(Render.user) ?? .object(["id": .id(member.userID), "username": .string("user\(member.userID)")]),
            "nick": .text(member.nick), "avatar": .null, "banner": .null,
            "roles": .array(member.roles.map { .id($0) }),
            "joined_at": .time(member.joinedAt), "premium_since": .null,
            "deaf": .bool(false), "mute": .bool(false), "pending": .bool(false), "flags": .int(0),
            "communication_disabled_until": .null,
        ])
    }

    static func threadMember(threadID: Snowflake, userID: Snowflake, joined: Date) -> JSONValue {
        .object([
            "id": .id(threadID), "user_id": .id(userID), "join_timestamp": .time(joined), "flags": .int(0),
        ])
    }

    static func message(_ message: EmulatedMessage, author: EmulatedUser?, guildID: Snowflake) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .id(message.id), "channel_id": .id(message.channelID), "guild_id": .id(guildID),
            "author": author.map(Render.user) ?? .object(["id": .id(message.authorID)]),
            "content": .string(message.content), "embeds": .array(message.embeds.map(EmulatorNormalization.embed)),
            "pinned": .bool(message.pinned), "timestamp": .time(message.timestamp),
            "edited_timestamp": .time(message.editedTimestamp), "type": .int(0), "tts": .bool(false),
            "mention_everyone": .bool(false), "mentions": .array([]), "mention_roles": .array([]),
            "attachments": .array([]), "components": .array(message.components ?? []), "flags": .int(message.flags),
        ]
        if let nonce = message.nonce { object["nonce"] = .string(nonce) }
        return .object(object)
    }

    static func guild(_ guild: EmulatedGuild) -> JSONValue {
        .object([
            "id": .id(guild.id), "name": .string(guild.name), "owner_id": .id(guild.ownerID),
            "icon": .null, "splash": .null, "discovery_splash": .null, "banner": .null,
            "description": .null, "afk_channel_id": .null, "afk_timeout": .int(300),
            "verification_level": .int(0), "default_message_notifications": .int(0),
            "explicit_content_filter": .int(0), "mfa_level": .int(0), "premium_tier": .int(guild.premiumTier ?? 0),
            "system_channel_id": .null, "system_channel_flags": .int(0), "rules_channel_id": .null,
            "public_updates_channel_id": .null, "preferred_locale": .string("en-US"), "nsfw_level": .int(0),
            "features": .array((guild.features ?? []).map { .string($0) }), "emojis": .array([]), "stickers": .array([]),
            "roles": .array(guild.sortedRoles.map(role)),
            "max_members": .int(25_000_000), "premium_subscription_count": .int(0),
        ])
    }

    static func scheduledEvent(_ event: EmulatedScheduledEvent, guildID: Snowflake) -> JSONValue {
        .object([
            "id": .id(event.id), "guild_id": .id(guildID), "channel_id": .id(event.channelID),
            "creator_id": .id(event.creatorID), "name": .string(event.name), "description": .text(event.description),
            "scheduled_start_time": .time(event.start), "scheduled_end_time": .time(event.end),
            "privacy_level": .int(event.privacyLevel), "status": .int(event.status),
            "entity_type": .int(event.entityType), "entity_id": .null,
            "entity_metadata": event.location.map { .object(["location": .string($0)]) } ?? .null,
            "recurrence_rule": .null, "image": .null,
        ])
    }
}
