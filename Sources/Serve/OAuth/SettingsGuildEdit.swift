import DiscordTypes
import Foundation
import Yams

/// Sets `discord.guild_id` in a settings document's text, keeping everything else (comments,
/// order, quoting style) as the club wrote it: only the value's token on its line changes.
enum SettingsGuildEdit {
    /// The text with the guild id replaced, or nil when the document has no
    /// `discord.guild_id` to replace.
    static func setting(_ guild: Snowflake, in text: String) -> String? {
        guard var documents = try? Yams.compose_all(yaml: text) else { return nil }
        while let node = documents.next() {
            guard case .mapping(let root) = node, case .mapping(let discord)? = root["discord"],
                  let value = discord["guild_id"], let mark = value.mark else { continue }
            var lines = text.components(separatedBy: "\n")
            guard mark.line >= 1, mark.line <= lines.count else { return nil }
            let line = Array(lines[mark.line - 1].unicodeScalars)
            let start = mark.column - 1
            guard start >= 0, start < line.count else { return nil }
            var end = start
            if line[start] == "\"" || line[start] == "'" {
                let quote = line[start]
                end = start + 1
                while end < line.count, line[end] != quote { end += 1 }
                end = min(end + 1, line.count)
            } else {
                while end < line.count, !line[end].properties.isWhitespace, line[end] != "#" { end += 1 }
            }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: line[..<start])
            scalars.append(contentsOf: "\"\(guild)\"".unicodeScalars)
            scalars.append(contentsOf: line[end...])
            lines[mark.line - 1] = String(scalars)
            return lines.joined(separator: "\n")
        }
        return nil
    }
}
