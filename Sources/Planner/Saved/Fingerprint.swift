import DiscordTypes
import Spec

/// Deterministic fingerprints of the planner's inputs and of desired resources. Only what
/// the planner reads goes in (not volatile fields such as `last_message_id`), so a busy
/// channel does not make every saved plan stale.
public enum Fingerprint {
    /// The snapshot: channels, roles, threads, thread members, members' roles, messages.
    public static func of(_ snapshot: GuildSnapshot) -> String {
        var h = StableHasher()
        h.combine(snapshot.guildID.rawValue)
        h.combine(snapshot.ownerID?.rawValue.description)
        h.combine(snapshot.botUserID.rawValue)
        for channel in (snapshot.channels + snapshot.threads).sorted(by: { $0.id < $1.id }) {
            combine(channel, into: &h)
        }
        for role in snapshot.roles.sorted(by: { $0.id < $1.id }) {
            h.combine(role.id.rawValue)
            h.combine(role.name)
            h.combine(role.colors?.primaryColor ?? role.color)
            h.combine(role.hoist)
            h.combine(role.position)
            h.combine(role.permissions.rawValue)
            h.combine(role.managed)
            h.combine(role.mentionable)
        }
        for (thread, users) in snapshot.threadMembers.sorted(by: { $0.key < $1.key }) {
            h.combine(thread.rawValue)
            for user in users.sorted() { h.combine(user.rawValue) }
        }
        h.combine("members")
        for member in snapshot.members.sorted(by: { ($0.user?.id ?? 0) < ($1.user?.id ?? 0) }) {
            h.combine(member.user?.id.rawValue ?? 0)
            for role in member.roles.sorted() { h.combine(role.rawValue) }
            h.combine("/")
        }
        for (id, message) in snapshot.messages.sorted(by: { $0.key < $1.key }) {
            h.combine(id.rawValue)
            h.combine(message.channelID.rawValue)
            h.combine(message.content)
            h.combine(message.pinned)
            for embed in message.embeds { combine(embed, into: &h) }
        }
        // Only when there are any, so fingerprints of guilds without events stay as they were.
        if !snapshot.scheduledEvents.isEmpty { h.combine("scheduled-events") }
        for event in snapshot.scheduledEvents.sorted(by: { $0.id < $1.id }) {
            h.combine(event.id.rawValue)
            h.combine(event.name)
            h.combine(event.description)
            h.combine(event.location)
            h.combine(ScheduledEvent.text(event.scheduledStartTime))
            h.combine(event.scheduledEndTime.map(ScheduledEvent.text))
            h.combine(event.status.rawValue)
        }
        return h.hex
    }

    /// The ownership map: keys, ids, kinds and applied hashes.
    public static func of(_ ownership: Ownership) -> String {
        var h = StableHasher()
        for (key, entry) in ownership.entries.sorted(by: { $0.key < $1.key }) {
            h.combine(key.rawValue)
            h.combine(entry.id.rawValue)
            h.combine(entry.kind.rawValue)
            h.combine(entry.appliedHash)
        }
        return h.hex
    }

    static func combine(_ channel: Channel, into h: inout StableHasher) {
        h.combine(channel.id.rawValue)
        h.combine(channel.type.rawValue)
        h.combine(channel.name)
        h.combine(channel.topic)
        h.combine(channel.position)
        h.combine(channel.parentID?.description)
        h.combine(channel.userLimit)
        for o in (channel.permissionOverwrites ?? []).sorted(by: { $0.id < $1.id }) {
            h.combine(o.id.rawValue)
            h.combine(o.type.rawValue)
            h.combine(o.allow.rawValue)
            h.combine(o.deny.rawValue)
        }
        if let meta = channel.threadMetadata {
            h.combine(meta.archived)
            h.combine(meta.locked)
            h.combine(meta.autoArchiveDuration)
        }
        h.combine("/")
    }

    static func combine(_ embed: Embed, into h: inout StableHasher) {
        h.combine(embed.title)
        h.combine(embed.description)
        h.combine(embed.url)
        h.combine(embed.color)
        h.combine(embed.timestamp)
        for field in embed.fields ?? [] {
            h.combine(field.name)
            h.combine(field.value)
            h.combine(field.inline.map { $0 ? 1 : 0 })
        }
        h.combine(embed.footer?.text)
    }
}
