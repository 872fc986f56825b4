import DiscordTypes
import Spec

extension DiffRun {
    /// Categories, or text and voice channels, in desired order. Overwrites travel inside
    /// the create or the one modify of each channel.
    mutating func planChannels(categories: Bool) {
        for channel in desired.channels where (channel.kind == .category) == categories {
            planChannel(channel)
        }
    }

    private mutating func planChannel(_ channel: DesiredChannel) {
        let key = channel.key
        let type = channel.kind.channelType
        let kind = channel.kind.resourceKind
        var parent: Ref?
        if let parentKey = channel.parent {
            guard let ref = refs[parentKey] else {
                warn(key, "parent \(parentKey) is not a desired category; channel skipped")
                return
            }
            parent = ref
        }
        var current: Channel?
        var reason: String?
        if let entry = ownership[key] {
            if let found = live.channels[entry.id] {
                if found.type == type {
                    current = found
                } else {
                    warn(key, "live channel \(found.id) is a \(found.type), not \(type); a new one is "
                         + "created and the old one left as it is")
                    reason = "type changed"
                }
            } else {
                reason = "deleted out of band"
            }
        }
        var adoptIndex: Int?
        if current == nil, options.adopt, parent?.createdKey == nil {
            let match = LiveIndex.ChannelMatch(
                type: type, name: DiscordName.channel(channel.name, type: type), parent: parent?.existingID)
            if let candidate = live.channelCandidates[match]?.first(where: { !claimed.contains($0.id) }) {
                claimed.insert(candidate.id)
                current = candidate
                adoptIndex = changes.count
                // The adopt records a hash only when nothing is left to update (set below).
                add(.adopt, kind, key: key, name: channel.name, group: channel.group,
                    operation: .adopt(key: key, id: candidate.id, kind: kind),
                    ownership: .record(key: key, kind: kind, id: candidate.id, appliedHash: nil),
                    reason: "matches existing \(type) \"\(candidate.name ?? "")\" (\(candidate.id))")
            }
        }
        let overwrites = resolvedOverwrites(channel)
        guard let current else {
            refs[key] = .created(key)
            createChannel(channel, type: type, parent: parent, overwrites: overwrites, reason: reason)
            return
        }
        refs[key] = .existing(current.id)
        var update = ChannelUpdate()
        var fields: [FieldChange] = []
        let liveName = current.name ?? ""
        if DiscordName.channel(liveName, type: type) != DiscordName.channel(channel.name, type: type) {
            update.name = channel.name
            fields.append(FieldChange(name: "name", old: liveName, new: channel.name, isText: true))
        }
        if channel.kind == .text, (current.topic ?? "") != (channel.topic ?? "") {
            update.topic = channel.topic ?? ""
            fields.append(FieldChange(name: "topic", old: current.topic, new: channel.topic, isText: true))
        }
        var archiving = false
        if channel.kind != .category, let parentChange = parentChange(parent, current.parentID) {
            update.parent = parentChange
            fields.append(FieldChange(name: "parent", old: categoryLabel(current.parentID.map(Ref.existing)),
                                      new: categoryLabel(parent), isText: true))
            archiving = channel.kind == .text && isArchiveCategory(channel.parent)
        }
        if channel.kind == .voice, (current.userLimit ?? 0) != (channel.userLimit ?? 0) {
            update.userLimit = channel.userLimit ?? 0
            fields.append(FieldChange(name: "user_limit", old: Display.userLimit(current.userLimit ?? 0),
                                      new: Display.userLimit(channel.userLimit ?? 0)))
        }
        if !overwritesEqual(overwrites, current.permissionOverwrites) {
            update.overwrites = overwrites
            fields += overwriteFields(overwrites, current.permissionOverwrites)
        }
        if update.isEmpty {
            if let adoptIndex { setAdoptHash(adoptIndex, AppliedHash.of(channel)) }
            return
        }
        if isProtectedChannel(id: current.id, name: current.name) {
            protectedKeys.insert(key)
            warn(key, "\(type) \"\(liveName)\" is protected; not changing " + fields.map(\.name).joined(separator: ", "))
            return
        }
        add(archiving ? .archive : .update, kind, key: key, name: channel.name, group: channel.group,
            fields: fields, operation: .modifyChannel(id: current.id, update),
            ownership: .record(key: key, kind: kind, id: current.id, appliedHash: AppliedHash.of(channel)),
            reason: archiving ? "moved to the archive, read-only" : nil,
            after: adoptIndex.map { [$0] } ?? [])
    }

    private mutating func createChannel(
        _ channel: DesiredChannel, type: ChannelType, parent: Ref?, overwrites: [RefOverwrite], reason: String?
    ) {
        var fields = [FieldChange(name: "name", old: nil, new: channel.name, isText: true)]
        let topic = channel.kind == .text && !(channel.topic ?? "").isEmpty ? channel.topic : nil
        if let topic { fields.append(FieldChange(name: "topic", old: nil, new: topic, isText: true)) }
        if parent != nil { fields.append(FieldChange(name: "parent", old: nil, new: categoryLabel(parent), isText: true)) }
        let userLimit = channel.kind == .voice && (channel.userLimit ?? 0) > 0 ? channel.userLimit : nil
        if let userLimit { fields.append(FieldChange(name: "user_limit", old: nil, new: Display.userLimit(userLimit))) }
        fields += overwriteFields(overwrites, nil)
        add(.create, channel.kind.resourceKind, key: channel.key, name: channel.name, group: channel.group,
            fields: fields,
            operation: .createChannel(NewChannel(
                type: type, name: channel.name, topic: topic, parent: parent, overwrites: overwrites,
                userLimit: userLimit)),
            ownership: .record(key: channel.key, kind: channel.kind.resourceKind, id: nil,
                               appliedHash: AppliedHash.of(channel)),
            reason: reason)
    }

    /// Completes an adopt with the applied hash once nothing is left to update.
    mutating func setAdoptHash(_ index: Int, _ hash: String) {
        guard case .record(let key, let kind, let id, _) = changes[index].ownership else { return }
        changes[index].ownership = .record(key: key, kind: kind, id: id, appliedHash: hash)
    }

    /// The parent change needed, if the live parent is not the desired one.
    private func parentChange(_ desired: Ref?, _ live: Snowflake?) -> ParentUpdate? {
        switch desired {
        case nil: live == nil ? nil : .topLevel
        case .existing(let id)?: live == id ? nil : .category(.existing(id))
        case .created(let key)?: .category(.created(key))
        }
    }

    /// A category's name for display; nil at the top level.
    func categoryLabel(_ ref: Ref?) -> String? {
        switch ref {
        case nil: return nil
        case .created(let key)?: return desiredChannels[key]?.name ?? key.rawValue
        case .existing(let id)?:
            if let key = live.keyByID[id], let channel = desiredChannels[key] { return channel.name }
            return live.channels[id].map { $0.name ?? "" } ?? "category \(id)"
        }
    }

    /// Whether a category is the archive (its key or name says so).
    private func isArchiveCategory(_ key: ResourceKey?) -> Bool {
        guard let key else { return false }
        if key.rawValue.split(separator: "/").contains(where: { $0.lowercased().contains("archive") }) { return true }
        return desiredChannels[key]?.name.lowercased().contains("archive") ?? false
    }
}

extension DesiredChannelKind {
    /// The ownership kind of this channel kind.
    var resourceKind: ResourceKind {
        switch self {
        case .category: .category
        case .text: .text
        case .voice: .voice
        }
    }
}
