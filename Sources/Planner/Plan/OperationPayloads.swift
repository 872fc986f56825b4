import DiscordTypes
import Spec

/// The body of a role create: every field, as desired.
public struct NewRole: Hashable, Sendable, Codable {
    public var name: String
    public var permissions: Permissions
    public var color: Int
    public var hoist: Bool
    public var mentionable: Bool

    public init(name: String, permissions: Permissions, color: Int, hoist: Bool, mentionable: Bool) {
        self.name = name
        self.permissions = permissions
        self.color = color
        self.hoist = hoist
        self.mentionable = mentionable
    }
}

/// The fields of a role modify that change; nil means "leave as is" (not sent).
public struct RoleUpdate: Hashable, Sendable, Codable {
    public var name: String?
    public var permissions: Permissions?
    public var color: Int?
    public var hoist: Bool?
    public var mentionable: Bool?

    public init(
        name: String? = nil, permissions: Permissions? = nil, color: Int? = nil,
        hoist: Bool? = nil, mentionable: Bool? = nil
    ) {
        self.name = name
        self.permissions = permissions
        self.color = color
        self.hoist = hoist
        self.mentionable = mentionable
    }

    public var isEmpty: Bool {
        name == nil && permissions == nil && color == nil && hoist == nil && mentionable == nil
    }
}

/// A permission overwrite whose target may be a role created earlier in the plan.
public struct RefOverwrite: Hashable, Sendable, Codable {
    public var target: Ref
    public var type: OverwriteType
    public var allow: Permissions
    public var deny: Permissions

    public init(target: Ref, type: OverwriteType, allow: Permissions, deny: Permissions) {
        self.target = target
        self.type = type
        self.allow = allow
        self.deny = deny
    }
}

/// The body of a channel create (category, text or voice).
public struct NewChannel: Hashable, Sendable, Codable {
    public var type: ChannelType
    public var name: String
    /// Text channels only; nil is not sent.
    public var topic: String?
    public var parent: Ref?
    /// Complete list; sent in the create so the channel is never briefly public.
    public var overwrites: [RefOverwrite]
    /// Voice only; nil is not sent (unlimited).
    public var userLimit: Int?

    public init(
        type: ChannelType, name: String, topic: String? = nil, parent: Ref? = nil,
        overwrites: [RefOverwrite] = [], userLimit: Int? = nil
    ) {
        self.type = type
        self.name = name
        self.topic = topic
        self.parent = parent
        self.overwrites = overwrites
        self.userLimit = userLimit
    }
}

/// Where a channel should sit: at the top level or in a category.
public enum ParentUpdate: Hashable, Sendable, Codable {
    /// `parent_id: null`.
    case topLevel
    /// `parent_id` of this category.
    case category(Ref)
}

/// The fields of a channel modify that change; nil means "leave as is" (not sent).
public struct ChannelUpdate: Hashable, Sendable, Codable {
    public var name: String?
    /// `""` clears the topic.
    public var topic: String?
    public var parent: ParentUpdate?
    /// `0` means unlimited.
    public var userLimit: Int?
    /// When present, the complete authoritative overwrite list (`permission_overwrites`).
    public var overwrites: [RefOverwrite]?

    public init(
        name: String? = nil, topic: String? = nil, parent: ParentUpdate? = nil,
        userLimit: Int? = nil, overwrites: [RefOverwrite]? = nil
    ) {
        self.name = name
        self.topic = topic
        self.parent = parent
        self.userLimit = userLimit
        self.overwrites = overwrites
    }

    public var isEmpty: Bool {
        name == nil && topic == nil && parent == nil && userLimit == nil && overwrites == nil
    }
}

/// One entry of the bulk position call: `{id, position}`.
public struct ChannelPosition: Hashable, Sendable, Codable {
    public var channel: Ref
    public var position: Int

    public init(channel: Ref, position: Int) {
        self.channel = channel
        self.position = position
    }
}

/// The fields of a thread modify that change; nil means "leave as is" (not sent).
public struct ThreadUpdate: Hashable, Sendable, Codable {
    public var name: String?
    public var archived: Bool?
    public var locked: Bool?
    public var autoArchiveMinutes: Int?

    public init(name: String? = nil, archived: Bool? = nil, locked: Bool? = nil, autoArchiveMinutes: Int? = nil) {
        self.name = name
        self.archived = archived
        self.locked = locked
        self.autoArchiveMinutes = autoArchiveMinutes
    }

    public var isEmpty: Bool { name == nil && archived == nil && locked == nil && autoArchiveMinutes == nil }
}
