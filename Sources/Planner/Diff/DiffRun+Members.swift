import DiscordTypes
import Spec

extension DiffRun {
    /// Member-role grants and revokes: exactly the differences between who should hold each
    /// managed role and who does. Users not in the guild are reported, not granted.
    mutating func planMemberRoles() {
        guard options.manageMembers else { return }
        var relevant = Set<Snowflake>()
        for role in desired.roles { if let id = existingID(role.key) { relevant.insert(id) } }
        var holders: [Snowflake: [Snowflake]] = [:]
        if !relevant.isEmpty {
            for member in snapshot.members {
                guard let user = member.user?.id else { continue }
                for role in member.roles where relevant.contains(role) { holders[role, default: []].append(user) }
            }
        }
        for role in desired.roles {
            guard let ref = refs[role.key] else { continue }
            if let id = ref.existingID, let current = live.roles[id], isProtectedRole(id: id, name: current.name) {
                continue
            }
            let have = Set(ref.existingID.flatMap { holders[$0] } ?? [])
            let wanted = Set(role.members)
            var missing: [Snowflake] = []
            for user in wanted.subtracting(have).sorted() {
                guard live.members[user] != nil else { missing.append(user); continue }
                add(.grant, .role, key: role.key, name: role.name, group: role.group,
                    fields: [FieldChange(name: "member", old: nil, new: memberLabel(user))],
                    operation: .grantRole(user: user, role: ref))
            }
            if let id = ref.existingID {
                for user in have.subtracting(wanted).sorted() {
                    add(.revoke, .role, key: role.key, name: role.name, group: role.group,
                        fields: [FieldChange(name: "member", old: memberLabel(user), new: nil)],
                        operation: .revokeRole(user: user, role: id))
                }
            }
            if !missing.isEmpty { warnNotInGuild(role.key, missing, what: "role \"\(role.name)\"") }
        }
    }
}
