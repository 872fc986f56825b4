import DiscordTypes
import Spec

extension DiffRun {
    /// Roles first: everything after may name them (overwrites, grants).
    mutating func planRoles() {
        for role in desired.roles { planRole(role) }
    }

    private mutating func planRole(_ role: DesiredRole) {
        let key = role.key
        var current: Role?
        var reason: String?
        if let entry = ownership[key] {
            if let found = live.roles[entry.id] { current = found } else { reason = "deleted out of band" }
        }
        var adoptIndex: Int?
        if current == nil, options.adopt,
           let candidate = live.roleCandidates[role.name]?.first(where: { !claimed.contains($0.id) }) {
            claimed.insert(candidate.id)
            current = candidate
            let needsUpdate = !roleFields(role, candidate).isEmpty
            adoptIndex = add(
                .adopt, .role, key: key, name: role.name, group: role.group,
                operation: .adopt(key: key, id: candidate.id, kind: .role),
                ownership: .record(key: key, kind: .role, id: candidate.id,
                                   appliedHash: needsUpdate ? nil : AppliedHash.of(role)),
                reason: "matches existing role \"\(candidate.name)\" (\(candidate.id))")
        }
        guard let current else {
            refs[key] = .created(key)
            add(.create, .role, key: key, name: role.name, group: role.group,
                fields: roleFields(role, nil),
                operation: .createRole(NewRole(
                    name: role.name, permissions: role.permissions, color: role.color,
                    hoist: role.hoist, mentionable: role.mentionable)),
                ownership: .record(key: key, kind: .role, id: nil, appliedHash: AppliedHash.of(role)),
                reason: reason)
            return
        }
        refs[key] = .existing(current.id)
        let fields = roleFields(role, current)
        guard !fields.isEmpty else { return }
        if isProtectedRole(id: current.id, name: current.name) {
            protectedKeys.insert(key)
            warn(key, "role \"\(current.name)\" is protected; not changing " + fields.map(\.name).joined(separator: ", "))
            return
        }
        var update = RoleUpdate()
        if current.name != role.name { update.name = role.name }
        if current.permissions != role.permissions { update.permissions = role.permissions }
        if liveColor(current) != role.color { update.color = role.color }
        if current.hoist != role.hoist { update.hoist = role.hoist }
        if current.mentionable != role.mentionable { update.mentionable = role.mentionable }
        add(.update, .role, key: key, name: role.name, group: role.group, fields: fields,
            operation: .modifyRole(id: current.id, update),
            ownership: .record(key: key, kind: .role, id: current.id, appliedHash: AppliedHash.of(role)),
            after: adoptIndex.map { [$0] } ?? [])
    }

    private func liveColor(_ role: Role) -> Int { role.colors?.primaryColor ?? role.color }

    /// The fields that differ (all of them for a create).
    private func roleFields(_ role: DesiredRole, _ current: Role?) -> [FieldChange] {
        var fields: [FieldChange] = []
        if current?.name != role.name {
            fields.append(FieldChange(name: "name", old: current?.name, new: role.name, isText: true))
        }
        if current.map(liveColor) != role.color && !(current == nil && role.color == 0) {
            fields.append(FieldChange(name: "color", old: current.map { Display.color(liveColor($0)) },
                                      new: Display.color(role.color)))
        }
        if current?.hoist != role.hoist && !(current == nil && !role.hoist) {
            fields.append(FieldChange(name: "hoist", old: current.map { Display.flag($0.hoist) },
                                      new: Display.flag(role.hoist)))
        }
        if current?.mentionable != role.mentionable && !(current == nil && !role.mentionable) {
            fields.append(FieldChange(name: "mentionable", old: current.map { Display.flag($0.mentionable) },
                                      new: Display.flag(role.mentionable)))
        }
        if current?.permissions != role.permissions && !(current == nil && role.permissions.isEmpty) {
            fields.append(FieldChange(name: "permissions", old: current.map { Display.permissions($0.permissions) },
                                      new: Display.permissions(role.permissions)))
        }
        return fields
    }
}
