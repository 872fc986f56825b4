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
            fields.append(FieldChange(
                name: "order " + groupLabel(group, createdKeys: createdKeys),
                old: current.map { $0.channel.name ?? "" }.joined(separator: ", "),
                new: wanted.map { desiredChannels[$0.key]?.name ?? "" }.joined(separator: ", ")))
        }
        guard !entries.isEmpty else { return }
        add(.move, .guild, key: ResourceKey("guild/channel-positions"), name: "channel order", group: "",
            fields: fields, operation: .channelPositions(entries), after: after)
    }

    private func groupLabel(_ group: ChannelOrder.Group, createdKeys: [Snowflake: ResourceKey]) -> String {
        let what = ["categories", "text channels", "voice channels"][group.sortClass]
        guard let parent = group.parent else { return "of top-level \(what)" }
        let ref: Ref = createdKeys[parent].map(Ref.created) ?? .existing(parent)
        return "of \(what) in \"\(categoryLabel(ref) ?? "")\""
    }
}
