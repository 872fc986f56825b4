import DiscordTypes
import Spec

extension DiffRun {
    /// Member-role grants and revokes: exactly the differences between who should hold each
    /// managed role and who does. Users not in the guild are reported, not granted. A member
    /// with at least `options.batchRoleChangesFrom` changes gets one `setMemberRoles` change
    /// instead (after the single grants and revokes, by user id): a fresh read plus one
    /// `PATCH`, so fewer requests from three changes on. See docs/architecture.md, "Role grants".
    mutating func planMemberRoles() {
        guard options.manageMembers else { return }
        var pending: [RoleChange] = []
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
                pending.append(RoleChange(user: user, role: role, ref: ref, grant: true))
            }
            if ref.existingID != nil {
                for user in have.subtracting(wanted).sorted() {
                    pending.append(RoleChange(user: user, role: role, ref: ref, grant: false))
                }
            }
            if !missing.isEmpty { warnNotInGuild(role.key, missing, what: "role \"\(role.name)\"") }
        }
        var perUser: [Snowflake: Int] = [:]
        for change in pending { perUser[change.user, default: 0] += 1 }
        var batched: [Snowflake: [RoleChange]] = [:]
        for change in pending {
            if let from = options.batchRoleChangesFrom, perUser[change.user]! >= max(from, 2) {
                batched[change.user, default: []].append(change)
            } else if change.grant {
                add(.grant, .role, key: change.role.key, name: change.role.name, group: change.role.group,
                    fields: [FieldChange(name: "member", old: nil, new: memberLabel(change.user))],
                    operation: .grantRole(user: change.user, role: change.ref))
            } else {
                add(.revoke, .role, key: change.role.key, name: change.role.name, group: change.role.group,
                    fields: [FieldChange(name: "member", old: memberLabel(change.user), new: nil)],
                    operation: .revokeRole(user: change.user, role: change.ref.existingID!))
            }
        }
        for (user, changes) in batched.sorted(by: { $0.key < $1.key }) {
            let grants = changes.filter(\.grant)
            let revokes = changes.filter { !$0.grant }
            let action: Action = revokes.isEmpty ? .grant : grants.isEmpty ? .revoke : .update
            let fields = grants.map { FieldChange(name: "role", old: nil, new: "@" + $0.role.name) }
                + revokes.map { FieldChange(name: "role", old: "@" + $0.role.name, new: nil) }
            add(action, .member, key: .member(user), name: memberLabel(user), group: "",
                fields: fields,
                operation: .setMemberRoles(user: user, add: grants.map(\.ref),
                                           remove: revokes.compactMap(\.ref.existingID)))
        }
    }
}

/// One grant or revoke before it is decided whether it goes alone or in its member's batch.
private struct RoleChange {
    var user: Snowflake
    var role: DesiredRole
    var ref: Ref
    var grant: Bool
}

extension ResourceKey {
    /// `member/{user id}`: the key a batched role change of one member shows (never owned).
    public static func member(_ user: Snowflake) -> ResourceKey { ResourceKey("member/\(user)") }
}
