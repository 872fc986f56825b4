import DiscordTypes

/// The fields of a role create or modify body, validated the way Discord does (invalid form
/// body 50035 with every field error at once). Absent fields are nil.
struct RoleBody {
    var name: String?
    var permissions: Permissions?
    /// `colors.primary_color` when sent, else the deprecated `color`.
    var color: Int?
    var hoist: Bool?
    var mentionable: Bool?

    init(_ body: JSONValue) throws(APIError) {
        var r = BodyReader(body)
        // 1–100 code points after trimming; stored trimmed (guild.mdx: Create Guild Role).
        name = r.string("name", min: 1, max: 100, trimmed: true).map(EmulatorNormalization.roleName)
        permissions = r.permissions("permissions")
        let legacyColor = r.int("color", min: 0, max: 0xFFFFFF)
        var primary: Int?
        if let colors = r.body["colors"], colors != .null {
            var c = BodyReader(colors, prefix: ["colors"])
            primary = c.int("primary_color", min: 0, max: 0xFFFFFF)
            for leaf in c.errors.leaves { r.errors.add(leaf.path, leaf.code, leaf.message) }
        }
        color = primary ?? legacyColor
        hoist = r.bool("hoist")
        mentionable = r.bool("mentionable")
        try r.errors.throwIfAny()
    }
}
