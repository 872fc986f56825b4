import DiscordTypes
import Foundation

/// Proves that every name the layout uses is distinct within its scope, at every instant:
/// channels within their category (categories among the top level) as Discord stores them,
/// threads within their channel, roles within the guild. Two resources with one name cannot
/// be told apart by people, and adoption could take the wrong one. A clash is an error at
/// the YAML of the later resource that names both.
struct NameClashCheck {
    /// Two desired resources that would carry one name in one scope.
    struct Clash: Equatable {
        var scope: String
        var name: String
        var first: ResourceKey
        var second: ResourceKey
    }

    private var seen: Set<[ResourceKey]> = []
    private(set) var clashes: [Clash] = []

    /// Records the clashes of one instant's layout (each pair once).
    mutating func scan(_ layout: DesiredGuild) {
        let categoryNames = Dictionary(layout.channels.filter { $0.kind == .category }.map { ($0.key, $0.name) },
                                       uniquingKeysWith: { a, _ in a })
        var channels: [String: ResourceKey] = [:]
        for channel in layout.channels {
            let stored = DiscordName.channel(channel.name, type: channel.kind.channelType)
            let scope = channel.parent.map { "category \"\(categoryNames[$0] ?? $0.rawValue)\"" } ?? "the top level"
            note(&channels, scope: scope, name: stored, key: channel.key)
        }
        var threads: [String: ResourceKey] = [:]
        for thread in layout.threads {
            note(&threads, scope: "channel \(thread.parent)", name: DiscordName.trimmed(thread.name), key: thread.key)
        }
        var roles: [String: ResourceKey] = [:]
        for role in layout.roles { note(&roles, scope: "the guild's roles", name: role.name, key: role.key) }
    }

    private mutating func note(_ names: inout [String: ResourceKey], scope: String, name: String, key: ResourceKey) {
        let slot = scope + "\u{0}" + name
        guard let other = names[slot] else {
            names[slot] = key
            return
        }
        guard other != key, seen.insert([other, key].sorted()).inserted else { return }
        clashes.append(Clash(scope: scope, name: name, first: other, second: key))
    }

    /// The YAML path behind a key: the team, the event or the series it is built from.
    static func path(of key: ResourceKey, in club: ClubData) -> String {
        let parts = key.rawValue.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts[0] == "series" else { return "series" }
        guard parts.count >= 4, parts[2] == "event",
              let event = club.events.firstIndex(where: { $0.series == parts[1] && $0.id == parts[3] }) else {
            return club.series.firstIndex { $0.id == parts[1] }.map { "series[\($0)].name" } ?? "series"
        }
        if parts.count >= 6, parts[4] == "team",
           let team = club.events[event].teams.firstIndex(where: { $0.id == parts[5] }) {
            return "events[\(event)].teams[\(team)].name"
        }
        return "events[\(event)].name"
    }
}
