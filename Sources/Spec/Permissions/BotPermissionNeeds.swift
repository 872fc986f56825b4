import DiscordTypes

/// The guild permissions the bot needs for the features a club's settings switch on, each
/// with the feature and the reason, so the invite URL asks for exactly those bits and
/// `doctor` can say why a missing one matters. Pure; the one place that ties features to
/// permission bits (docs/permissions.md explains every bit).
public struct BotPermissionNeeds: Hashable, Sendable {
    /// One permission the bot needs, why, and for which feature.
    public struct Need: Hashable, Sendable, Codable {
        public var permission: Permissions
        /// Discord's name for the bit (`MANAGE_CHANNELS`).
        public var name: String
        /// The setting that needs it (`always`, `auto_create_channels`, `voice_channels`, …).
        public var feature: String
        /// What the bot does with it, for people.
        public var purpose: String
    }

    public var needs: [Need]

    /// The union of every needed bit: the `permissions` integer of the invite URL.
    public var permissions: Permissions {
        needs.reduce(Permissions()) { $0.union($1.permission) }
    }

    /// What `settings` needs. Team roles are always managed; everything else follows the
    /// settings that create channels, voice, threads, cards and alerts.
    public init(settings: ClubSettings) {
        var needs: [Need] = []
        func need(_ permission: Permissions, _ feature: String, _ purpose: String) {
            let name = permission.names.joined(separator: "|")
            needs.append(Need(permission: permission, name: name, feature: feature, purpose: purpose))
        }
        need(.manageRoles, "always", "create the team roles, grant and revoke them, and write channel overwrites")
        need(.viewChannel, "always", "see the channels it manages")
        if settings.autoCreateChannels {
            need(.manageChannels, "auto_create_channels", "create, rename, move, archive and delete categories and channels")
            need(.sendMessages, "auto_create_channels", "post the cards in each event channel (signup card, entry list, results, series statistics)")
            need(.embedLinks, "auto_create_channels", "show the cards' embeds")
            need(.readMessageHistory, "auto_create_channels", "read back the messages it manages")
            need(.pinMessages, "auto_create_channels", "pin the signup card")
            need(.createPrivateThreads, "auto_create_channels", "open the private team threads")
            need(.sendMessagesInThreads, "auto_create_channels", "add team members to their thread and post its strategy card")
            need(.manageThreads, "auto_create_channels", "archive, lock and rename team threads and remove members who left a team")
            if settings.voiceChannels {
                need(.connect, "voice_channels", "manage voice channels (Discord voids MANAGE_CHANNELS in a voice channel the bot cannot connect to) and allow CONNECT to teams")
                need(.speak, "voice_channels", "allow SPEAK to teams in their voice channels")
            }
        }
        if settings.scheduledEvents {
            need(.createEvents, "scheduled_events", "list each race in the server's Events list")
            need(.manageEvents, "scheduled_events", "edit, start, end and cancel the races' scheduled events")
        }
        self.needs = needs
    }

    /// The needs the bot's `held` permissions do not cover (nothing for administrators).
    public func missing(from held: Permissions) -> [Need] {
        if held.contains(.administrator) { return [] }
        return needs.filter { !held.contains($0.permission) }
    }
}
