import DiscordTypes
import Foundation

/// Reads a `kind: settings` document into `ClubSettings`, reporting every problem.
enum SettingsDecoder {
    static let keys = [
        "kind", "version", "club", "discord", "auto_create_channels", "channel_name_pattern",
        "voice_channels", "stint_alerts", "notifications", "retention", "protect", "orphans",
        "max_destroy_fraction", "member_sync", "scheduled_events", "availability_form_url",
    ]
    static let placeholders = ["series", "event", "team", "kind"]

    /// The settings when they are complete and valid, and in any case a best-effort value
    /// (defaults where fields are broken) so the club's data can still be checked.
    static func decode(_ root: YAMLValue) -> (settings: ClubSettings?, bestEffort: ClubSettings) {
        let fallback = ClubSettings(club: ClubIdentity(id: "", name: ""), discord: DiscordSettings(guildID: 0, applicationID: 0))
        guard let map = root.mapping(allowed: keys, required: ["version", "club", "discord"],
                                     example: "version: 1") else { return (nil, fallback) }
        var version: Int?
        if let value = map["version"], let number = value.int(example: "1") {
            if number == 1 { version = 1 } else {
                value.error("unsupported version \(number)", hint: "this tool reads version: 1")
            }
        }
        var identity: ClubIdentity?
        if let club = map["club"]?.mapping(allowed: ["id", "name"], required: ["id", "name"],
                                           example: "{ id: apex, name: Apex Endurance }") {
            if let id = club["id"]?.identifier(), let name = club["name"]?.name() {
                identity = ClubIdentity(id: id, name: name)
            }
        }
        let discord = map["discord"].flatMap(decodeDiscord)
        var settings = ClubSettings(club: identity ?? ClubIdentity(id: "", name: ""),
                                    discord: discord ?? DiscordSettings(guildID: 0, applicationID: 0))
        if let value = map["auto_create_channels"]?.bool() { settings.autoCreateChannels = value }
        if let value = map["voice_channels"]?.bool() { settings.voiceChannels = value }
        if let value = map["stint_alerts"]?.bool() { settings.stintAlerts = value }
        if let value = map["scheduled_events"]?.bool() { settings.scheduledEvents = value }
        if let node = map["channel_name_pattern"], let pattern = node.string(example: "\"{event} {team} {kind}\"") {
            if checkPattern(pattern, at: node) { settings.channelNamePattern = completedPattern(pattern, at: node) }
        }
        if let node = map["notifications"] { decodeNotifications(node, into: &settings.notifications) }
        if let node = map["retention"] { decodeRetention(node, into: &settings.retention) }
        if let node = map["protect"] { settings.protect = decodeProtect(node) }
        if let node = map["orphans"] { decodeOrphans(node, into: &settings.orphans) }
        if let node = map["max_destroy_fraction"], let value = node.double() {
            if (0...1).contains(value) { settings.maxDestroyFraction = value } else {
                node.error("max_destroy_fraction \(value) is outside 0…1",
                           hint: "a share of managed resources, e.g. 0.5 for half")
            }
        }
        if let node = map["member_sync"] { decodeMemberSync(node, into: &settings.memberSync) }
        if let node = map["availability_form_url"], let url = node.string(example: "https://forms.example/availability") {
            if url.hasPrefix("https://") && url.count <= 512 && !url.contains(where: \.isWhitespace) {
                settings.availabilityFormURL = url
            } else {
                node.error("availability_form_url must be an https:// URL of at most 512 characters",
                           hint: "the link /availability shows members, e.g. https://forms.example/apex-availability")
            }
        }
        guard let version, identity != nil, discord != nil else { return (nil, settings) }
        settings.version = version
        return (settings, settings)
    }

    private static func decodeDiscord(_ node: YAMLValue) -> DiscordSettings? {
        guard let map = node.mapping(allowed: ["guild_id", "application_id", "admin_roles", "public_key"],
                                     required: ["guild_id", "application_id"],
                                     example: "guild_id: \"123456789012345678\"") else { return nil }
        let guild = map["guild_id"]?.snowflake()
        let application = map["application_id"]?.snowflake()
        var admins: [Snowflake] = []
        if let list = map["admin_roles"]?.sequence(example: "[\"123456789012345678\"]") {
            admins = list.compactMap { $0.snowflake() }
        }
        var publicKey: String?
        if let node = map["public_key"], let text = node.string(example: "\"<64 hex digits>\"") {
            let hex = text.lowercased()
            if hex.count == 64 && hex.allSatisfy(\.isHexDigit) { publicKey = hex } else {
                node.error("public_key must be 64 hexadecimal digits (an Ed25519 public key)",
                           hint: "copy PUBLIC KEY from the application's General Information page in Discord's developer portal")
            }
        }
        guard let guild, let application else { return nil }
        return DiscordSettings(guildID: guild, applicationID: application, adminRoles: admins, publicKey: publicKey)
    }

    /// Checks `{placeholder}` names; returns false (after reporting) when the pattern is unusable.
    private static func checkPattern(_ pattern: String, at node: YAMLValue) -> Bool {
        var ok = true
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                node.error("channel_name_pattern has an unclosed '{'", hint: "write placeholders like {event}")
                return false
            }
            let name = String(rest[rest.index(after: open)..<close])
            if !placeholders.contains(name) {
                let hint = Suggestion.didYouMean(name, in: placeholders)
                    ?? "placeholders are {series}, {event}, {team} and {kind}"
                node.error("unknown placeholder {\(name)} in channel_name_pattern", hint: hint)
                ok = false
            }
            rest = rest[rest.index(after: close)...]
        }
        if !pattern.contains("{event}") {
            node.error("channel_name_pattern must contain {event}",
                       hint: "channels of different events would share names, e.g. \"{event} {team} {kind}\"")
            ok = false
        }
        return ok
    }

    /// A pattern that cannot tell channels apart, completed: without `{team}` every team's
    /// voice channel of an event has one name, without `{kind}` a team's practice and race
    /// voice share one. The missing placeholder is appended, with a warning.
    private static func completedPattern(_ pattern: String, at node: YAMLValue) -> String {
        var result = pattern
        for (placeholder, clash) in [("{team}", "every team's voice channels"), ("{kind}", "a team's practice and race voice")]
        where !result.contains(placeholder) {
            result += " " + placeholder
            node.warning("channel_name_pattern has no \(placeholder): \(clash) would share one name; using \"\(result)\"",
                         hint: "add \(placeholder) to the pattern, e.g. \"\(ClubSettings.defaultChannelNamePattern)\"")
        }
        return result
    }

    private static func decodeNotifications(_ node: YAMLValue, into value: inout NotificationSettings) {
        guard let map = node.mapping(
            allowed: ["signup_update_frequency", "stint_alert_lead", "race_voice_lead", "race_grace_period",
                      "announcement_grace"],
            example: "stint_alert_lead: 15m") else { return }
        if let v = map["signup_update_frequency"]?.duration() { value.signupUpdateFrequency = v }
        if let v = map["stint_alert_lead"]?.duration() { value.stintAlertLead = v }
        if let v = map["race_voice_lead"]?.duration() { value.raceVoiceLead = v }
        if let v = map["race_grace_period"]?.duration() { value.raceGrace = v }
        if let node = map["announcement_grace"], let v = node.duration() {
            value.announcementGrace = v
            // The window is [instant, instant + grace): zero leaves no moment to send in.
            if v <= 0 { node.warning("announcement_grace 0s sends no announcement at all", hint: "use e.g. 5m") }
        }
    }

    private static func decodeRetention(_ node: YAMLValue, into value: inout RetentionSettings) {
        guard let map = node.mapping(allowed: ["archive_delay", "delete_archived_after"],
                                     example: "archive_delay: 3d") else { return }
        if let v = map["archive_delay"]?.duration() { value.archiveDelay = v }
        if let node = map["delete_archived_after"] {
            if node.node.string == "keep" {
                value.deleteArchivedAfter = nil
            } else if let text = node.string(example: "90d") {
                if let seconds = ValueParsers.duration(text) { value.deleteArchivedAfter = seconds } else {
                    node.error("'\(text)' is neither a duration nor keep",
                               hint: "write a duration such as 90d, or keep to never delete archived channels")
                }
            }
        }
    }

    /// `member_sync: 1h` (the interval alone) or a mapping with `interval`, `member_role`,
    /// `forget_left_after`, `dm_unlinked`; `off` turns scheduled syncs off.
    private static func decodeMemberSync(_ node: YAMLValue, into value: inout MemberSyncSettings) {
        func interval(_ node: YAMLValue) {
            if node.node.string == "off" { value.interval = nil; return }
            guard let seconds = node.duration() else { return }
            if seconds >= 60 { value.interval = seconds } else {
                node.error("member sync every \(ValueParsers.durationText(seconds)) is too often",
                           hint: "sync at most once a minute, e.g. 1h (each sync reads every member page)")
            }
        }
        if case .scalar = node.node {
            interval(node)
            return
        }
        guard let map = node.mapping(allowed: ["interval", "member_role", "forget_left_after", "dm_unlinked"],
                                     example: "interval: 1h") else { return }
        if let node = map["interval"] { interval(node) }
        if let node = map["member_role"], let name = node.string(example: "Club Member") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.unicodeScalars.count > 100 {
                node.error("member_role must be 1–100 characters", hint: "the name of the role every synced member gets, e.g. Club Member")
            } else {
                value.memberRole = trimmed
            }
        }
        if let seconds = map["forget_left_after"]?.duration() { value.forgetLeftAfter = seconds }
        if let flag = map["dm_unlinked"]?.bool() { value.dmUnlinked = flag }
    }

    private static func decodeProtect(_ node: YAMLValue) -> [ProtectRule] {
        guard let map = node.mapping(allowed: ["channels", "roles"], example: "channels: [\"general\"]")
        else { return [] }
        var rules: [ProtectRule] = []
        for (key, kind) in [("channels", ProtectRule.Kind.channel), ("roles", .role)] {
            guard let list = map[key]?.sequence(example: "[\"123456789012345678\", \"general\"]") else { continue }
            for item in list {
                guard let text = item.string(example: "\"general\"") else { continue }
                if let id = ValueParsers.snowflake(text) {
                    rules.append(ProtectRule(kind: kind, id: id))
                } else if text.allSatisfy(\.isNumber) {
                    item.error("'\(text)' looks like an id but is not a valid Discord id",
                               hint: "Discord ids have 17–20 digits; names are matched exactly")
                } else {
                    rules.append(ProtectRule(kind: kind, name: text))
                }
            }
        }
        return rules
    }

    private static func decodeOrphans(_ node: YAMLValue, into value: inout OrphanPolicy) {
        let fields: [(String, WritableKeyPath<OrphanPolicy, OrphanPolicy.Action>)] = [
            ("text_channels", \.textChannels), ("voice_channels", \.voiceChannels),
            ("categories", \.categories), ("roles", \.roles), ("threads", \.threads),
            ("messages", \.messages),
        ]
        guard let map = node.mapping(allowed: fields.map(\.0), example: "voice_channels: remove")
        else { return }
        for (key, path) in fields {
            guard let item = map[key], let text = item.string(example: "keep") else { continue }
            if let action = OrphanPolicy.Action(rawValue: text) { value[keyPath: path] = action } else {
                item.error("'\(text)' is not an orphan policy", hint: "write keep or remove")
            }
        }
    }
}
