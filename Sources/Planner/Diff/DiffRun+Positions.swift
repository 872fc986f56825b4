import DiscordTypes
import Spec

extension DiffRun {
    /// One bulk position change for the whole guild, only when the relative order of our
    /// channels within a parent (and type group) differs from the desired order after the
    /// creates and moves planned so far. Absolute numbers are never compared: Discord
    /// renumbers them, and comparing them gives perpetual false diffs.
    mutating func planPositions() {
        // Predict the guild after the channel changes so far, exactly as the simulator does.
        var predicted = SimulatedGuild(snapshot: snapshot, ownership: ownership)
        for change in changes { predicted.apply(change) }
        var byID: [Snowflake: Channel] = [:]
        for channel in predicted.snapshot.channels { byID[channel.id] = channel }

        var groups: [ChannelOrder.Group: [(key: ResourceKey, channel: Channel)]] = [:]
        var groupOrder: [ChannelOrder.Group] = []
        for desiredChannel in desired.channels {
            guard let ref = refs[desiredChannel.key], let id = predicted.resolve(ref),
                  let channel = byID[id] else { continue }
            if let existing = ref.existingID,
               isProtectedChannel(id: existing, name: live.channels[existing]?.name) { continue }
            let group = ChannelOrder.group(of: channel)
            if groups[group] == nil { groupOrder.append(group) }
            groups[group, default: []].append((desiredChannel.key, channel))
        }

        let createdKeys = Dictionary(predicted.created.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        var entries: [ChannelPosition] = []
        var fields: [FieldChange] = []
        var after: [Int] = []
        for group in groupOrder {
            let wanted = groups[group]!
            let current = wanted.sorted { ChannelOrder.precedes($0.channel, $1.channel) }
            guard current.map(\.key) != wanted.map(\.key) else { continue }
            let base = wanted.compactMap(\.channel.position).min() ?? 0
            for (offset, item) in wanted.enumerated() {
                entries.append(ChannelPosition(channel: refs[item.key]!, position: base + offset))
                if let index = latest[item.key] { after.append(index) }
            }
            fields += moveFields(current: current.map(\.key), wanted: wanted.map(\.key),
                                 names: Dictionary(current.map { ($0.key, $0.channel.name ?? "") },
                                                   uniquingKeysWith: { a, _ in a }),
                                 where: groupLabel(group, createdKeys: createdKeys))
        }
        guard !entries.isEmpty else { return }
        add(.move, .guild, key: ResourceKey("guild/channel-positions"), name: "channel order", group: "",
            fields: fields, operation: .channelPositions(entries), after: after)
    }

    /// One field per channel that moves: the channels outside the longest common
    /// subsequence of the current and the desired order, each placed "after" its new
    /// predecessor, so a reorder reads as the moves an admin would make by hand.
    private func moveFields(
        current: [ResourceKey], wanted: [ResourceKey], names: [ResourceKey: String], where place: String
    ) -> [FieldChange] {
        let n = current.count, m = wanted.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = current[i] == wanted[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var stay = Set<ResourceKey>()
        var i = 0, j = 0
        while i < n && j < m {
            if current[i] == wanted[j] {
                stay.insert(current[i]); i += 1; j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        func label(_ key: ResourceKey) -> String { desiredChannels[key]?.name ?? names[key] ?? key.rawValue }
        func slot(_ order: [ResourceKey], _ key: ResourceKey) -> String {
            guard let index = order.firstIndex(of: key), index > 0 else { return "first" }
            return "after \"\(label(order[index - 1]))\""
        }
        return wanted.filter { !stay.contains($0) }.map { key in
            FieldChange(name: "\"\(label(key))\" \(place)", old: slot(current, key), new: slot(wanted, key))
        }
    }

    private func groupLabel(_ group: ChannelOrder.Group, createdKeys: [Snowflake: ResourceKey]) -> String {
        let what = ["categories", "text channels", "voice channels"][group.sortClass]
        guard let parent = group.parent else { return "among top-level \(what)" }
        let ref: Ref = createdKeys[parent].map(Ref.created) ?? .existing(parent)
        return "in \"\(categoryLabel(ref) ?? "")\""
    }
}
