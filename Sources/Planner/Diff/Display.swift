import DiscordTypes

/// How values appear in `FieldChange`s.
enum Display {
    static func permissions(_ p: Permissions) -> String {
        p.isEmpty ? "none" : p.names.joined(separator: ", ")
    }

    static func color(_ value: Int) -> String {
        let hex = String(value, radix: 16)
        return "#" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex
    }

    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    /// `allow VIEW_CHANNEL, CONNECT; deny SEND_MESSAGES`.
    static func overwrite(allow: Permissions, deny: Permissions) -> String {
        var parts: [String] = []
        if !allow.isEmpty { parts.append("allow " + permissions(allow)) }
        if !deny.isEmpty { parts.append("deny " + permissions(deny)) }
        return parts.isEmpty ? "none" : parts.joined(separator: "; ")
    }

    static func userLimit(_ value: Int) -> String { value == 0 ? "unlimited" : String(value) }

    static func archiveMinutes(_ value: Int) -> String {
        switch value {
        case 60: "1 hour"
        case 1440: "1 day"
        case 4320: "3 days"
        case 10080: "1 week"
        default: "\(value) minutes"
        }
    }
}
