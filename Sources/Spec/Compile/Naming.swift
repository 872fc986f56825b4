/// Discord-safe names: the naming pattern, text channel rules (lowercase, dashes, ≤100)
/// and length limits for voice channels, categories, roles and threads.
enum Naming {
    static let maxLength = 100

    /// What `{kind}` stands for in the naming pattern.
    enum Kind: String {
        case signup, practice, race
    }

    /// The pattern with its placeholders filled (empty ones vanish with their separators).
    static func apply(_ pattern: String, series: String, event: String, team: String?, kind: Kind) -> String {
        pattern
            .replacingOccurrences(of: "{series}", with: series)
            .replacingOccurrences(of: "{event}", with: event)
            .replacingOccurrences(of: "{team}", with: team ?? "")
            .replacingOccurrences(of: "{kind}", with: kind.rawValue)
    }

    /// A text channel name as Discord stores it: lowercase letters and digits, runs of
    /// anything else as one dash, no leading or trailing dash, at most 100 characters.
    static func textName(_ raw: String) -> String {
        var result = ""
        var pendingDash = false
        for character in raw.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        result = String(result.prefix(maxLength))
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "channel" : result
    }

    /// A voice channel, category, role or thread name: single spaces, no dangling
    /// separators, at most 100 characters.
    static func displayName(_ raw: String) -> String {
        if isClean(raw) { return raw }
        let words = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let separators: Set<Character> = [" ", "-", "·", "_", "|", "/"]
        var result = Substring(words)
        while let first = result.first, separators.contains(first) { result = result.dropFirst() }
        while let last = result.last, separators.contains(last) { result = result.dropLast() }
        var collapsed = ""
        for character in result {
            if character == " ", collapsed.hasSuffix(" ") { continue }
            collapsed.append(character)
        }
        collapsed = collapsed.replacingOccurrences(of: "- -", with: "-")
        let trimmed = String(collapsed.prefix(maxLength))
        return trimmed.isEmpty ? "channel" : trimmed
    }

    /// Already a valid display name: common, so checked cheaply on UTF-8 before normalising.
    private static func isClean(_ raw: String) -> Bool {
        let bytes = raw.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= maxLength else { return false }
        let edges: Set<UInt8> = [0x20, 0x2D, 0x5F, 0x7C, 0x2F, 0xB7, 0xC2]
        if edges.contains(first) || edges.contains(last) { return false }
        var previousSpace = false
        for byte in bytes {
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                if byte < 0x20 || byte == 0x7F { return false }
                previousSpace = false
            }
        }
        return !raw.contains("- -") && !raw.contains("· ·")
    }
}
