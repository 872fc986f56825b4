import DiscordTypes
import Spec

extension DiffRun {
    /// Member-role grants and revokes: exactly the differences between who should hold each
    /// managed role and who does. Users not in the guild are reported, not granted.
    mutating func planMemberRoles() {
        guard options.manageMembers else { return }
        for role in desired.roles {
            guard let ref = refs[role.key] else { continue }
            if let id = ref.existingID, let current = live.roles[id], isProtectedRole(id: id, name: current.name) {
                continue
            }
            let holders = ref.existingID.flatMap { live.holders[$0] } ?? []
            // Fast path: already exactly the desired holders (desired members are sorted).
            if holders.count == role.members.count, holders.sorted() == role.members { continue }
            let have = Set(holders)
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
