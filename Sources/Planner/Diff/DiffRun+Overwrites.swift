import DiscordTypes
import Spec

/// A resolved overwrite's bits, for set comparison per target.
struct OverwriteBits: Hashable {
    var type: OverwriteType
    var allow: Permissions
    var deny: Permissions
}

extension DiffRun {
    /// The desired overwrites with targets resolved to ids or creates, merged per target,
    /// empty (0/0) entries dropped: the authoritative list sent in one write.
    ///
    /// A channel in a category with no overwrites of its own is *synced*: it gets the
    /// category's overwrites, as Discord does when a channel is created in a category, so a
    /// private category never has public children by accident and the planner does not
    /// fight Discord's copy of the category's permissions.
    mutating func resolvedOverwrites(_ channel: DesiredChannel) -> [RefOverwrite] {
        var result: [RefOverwrite] = []
        var positions: [Ref: Int] = [:]
        var wanted = channel.overwrites
        if wanted.isEmpty, channel.kind != .category, let parent = channel.parent {
            wanted = desiredChannels[parent]?.overwrites ?? []
        }
        for overwrite in wanted {
            let target: Ref
            let type: OverwriteType
            switch overwrite.target {
            case .everyone:
                target = .existing(snapshot.guildID)
                type = .role
            case .managedRole(let key):
                guard let ref = refs[key] else {
                    missingOverwriteTargets["role \(key), which is not a desired role", default: []].append(channel.key)
                    continue
                }
                target = ref
                type = .role
            case .role(let id):
                guard live.roles[id] != nil else {
                    missingOverwriteTargets["role \(id), which is not in the guild", default: []].append(channel.key)
                    continue
                }
                target = .existing(id)
                type = .role
            case .member(let id):
                guard live.members[id] != nil else {
                    missingOverwriteTargets["user \(id), who is not in the guild", default: []].append(channel.key)
                    continue
                }
                target = .existing(id)
                type = .member
            }
            if let position = positions[target] {
                result[position].allow.formUnion(overwrite.allow)
                result[position].deny.formUnion(overwrite.deny)
            } else {
                positions[target] = result.count
                result.append(RefOverwrite(target: target, type: type, allow: overwrite.allow, deny: overwrite.deny))
            }
        }
        return result.filter { !$0.allow.isEmpty || !$0.deny.isEmpty }
    }

    /// One warning per overwrite target that cannot be resolved, naming the channels.
    mutating func reportMissingOverwriteTargets() {
        for (target, channels) in missingOverwriteTargets.sorted(by: { $0.key < $1.key }) {
            let shown = channels.prefix(3).map(\.rawValue).joined(separator: ", ")
            let more = channels.count > 3 ? " and \(channels.count - 3) more" : ""
            warn(nil, "overwrites naming \(target) are left out (\(channels.count) channel(s): \(shown)\(more))")
        }
        missingOverwriteTargets = [:]
    }

    /// Whether the live overwrites already equal `desired` as sets of bits per target.
    func overwritesEqual(_ desired: [RefOverwrite], _ live: [PermissionOverwrite]?) -> Bool {
        var wanted: [Snowflake: OverwriteBits] = [:]
        for overwrite in desired {
            guard let id = overwrite.target.existingID else { return false }
            wanted[id] = OverwriteBits(type: overwrite.type, allow: overwrite.allow, deny: overwrite.deny)
        }
        return wanted == liveBits(live)
    }

    func liveBits(_ live: [PermissionOverwrite]?) -> [Snowflake: OverwriteBits] {
        var have: [Snowflake: OverwriteBits] = [:]
        for overwrite in live ?? [] where !overwrite.allow.isEmpty || !overwrite.deny.isEmpty {
            have[overwrite.id] = OverwriteBits(type: overwrite.type, allow: overwrite.allow, deny: overwrite.deny)
        }
        return have
    }

    /// One field per target whose bits differ: `overwrite @everyone: deny VIEW_CHANNEL -> …`.
    func overwriteFields(_ desired: [RefOverwrite], _ live: [PermissionOverwrite]?) -> [FieldChange] {
        let have = liveBits(live)
        var fields: [FieldChange] = []
        var seen = Set<Snowflake>()
        for overwrite in desired {
            let new = Display.overwrite(allow: overwrite.allow, deny: overwrite.deny)
            var old: String?
            if let id = overwrite.target.existingID {
                seen.insert(id)
                if let bits = have[id] {
                    if bits.allow == overwrite.allow && bits.deny == overwrite.deny { continue }
                    old = Display.overwrite(allow: bits.allow, deny: bits.deny)
                }
            }
            fields.append(FieldChange(name: "overwrite " + targetLabel(overwrite.target, type: overwrite.type),
                                      old: old, new: new))
        }
        for (id, bits) in have.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
            fields.append(FieldChange(name: "overwrite " + targetLabel(.existing(id), type: bits.type),
                                      old: Display.overwrite(allow: bits.allow, deny: bits.deny), new: nil))
        }
        return fields
    }

    func targetLabel(_ target: Ref, type: OverwriteType) -> String {
        switch target {
        case .existing(let id): type == .member ? memberLabel(id) : roleLabel(id)
        case .created(let key): "@" + (desiredRoles[key]?.name ?? key.rawValue)
        }
    }
}
