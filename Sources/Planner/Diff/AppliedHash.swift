import Spec

/// Stable hashes of desired resources, recorded with ownership as "what was last applied".
enum AppliedHash {
    static func of(_ role: DesiredRole) -> String {
        var h = StableHasher()
        h.combine("role")
        h.combine(role.name)
        h.combine(role.color)
        h.combine(role.hoist)
        h.combine(role.mentionable)
        h.combine(role.permissions.rawValue)
        return h.hex
    }

    static func of(_ channel: DesiredChannel) -> String {
        var h = StableHasher()
        h.combine(channel.kind.rawValue)
        h.combine(channel.name)
        h.combine(channel.topic)
        h.combine(channel.parent?.rawValue)
        h.combine(channel.userLimit)
        for overwrite in channel.overwrites {
            switch overwrite.target {
            case .everyone: h.combine("everyone")
            case .managedRole(let key): h.combine("managed:" + key.rawValue)
            case .role(let id): h.combine("role:\(id)")
            case .member(let id): h.combine("member:\(id)")
            }
            h.combine(overwrite.allow.rawValue)
            h.combine(overwrite.deny.rawValue)
        }
        return h.hex
    }

    static func of(_ thread: DesiredThread) -> String {
        var h = StableHasher()
        h.combine("thread")
        h.combine(thread.name)
        h.combine(thread.parent.rawValue)
        h.combine(thread.isPrivate)
        h.combine(thread.archived)
        h.combine(thread.locked)
        h.combine(thread.autoArchiveMinutes)
        return h.hex
    }

    static func of(_ message: DesiredMessage) -> String {
        var h = StableHasher()
        h.combine("message")
        h.combine(message.channel.rawValue)
        h.combine(message.content)
        h.combine(message.pinned)
        for embed in message.embeds { Fingerprint.combine(embed, into: &h) }
        // Only with buttons, so the hashes of messages without any stay as they were.
        for button in message.components.flatMap(\.components) {
            h.combine("button")
            h.combine(button.style.rawValue)
            h.combine(button.label ?? "")
            h.combine(button.url ?? "")
        }
        return h.hex
    }

    static func of(_ event: DesiredScheduledEvent) -> String {
        var h = StableHasher()
        h.combine("scheduled-event")
        h.combine(event.name)
        h.combine(event.description)
        h.combine(event.location)
        h.combine(Int(event.start.timeIntervalSince1970))
        h.combine(Int(event.end.timeIntervalSince1970))
        h.combine(event.status.rawValue)
        return h.hex
    }
}
