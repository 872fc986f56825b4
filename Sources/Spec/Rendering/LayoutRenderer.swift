import DiscordTypes
import Foundation

/// Renders a compiled layout for people (a tree) or machines (JSON).
public enum LayoutRenderer {
    /// The layout as a text tree: categories > channels > threads and messages, then roles,
    /// with who may see or join what. `names` maps Discord user ids to display names.
    public static func text(_ compiled: CompiledGuild, at: Date, title: String = "",
                            names: [Snowflake: String] = [:]) -> String {
        TextTree(compiled: compiled, names: names).render(at: at, title: title)
    }

    /// The text tree of a loaded club, naming members by their display names.
    public static func text(_ compiled: CompiledGuild, config: ClubConfig, at: Date) -> String {
        var names: [Snowflake: String] = [config.settings.discord.applicationID: "the bot"]
        for member in config.club.members {
            if let id = member.discordUserID { names[id] = member.displayName }
        }
        return text(compiled, at: at, title: config.settings.club.name, names: names)
    }

    /// The layout as pretty-printed JSON with sorted keys (stable for golden files):
    /// `{"at": …, "desired": {…}, "nextTransition": …, "nextTransitionReason": …}`.
    public static func json(_ compiled: CompiledGuild, at: Date) -> String {
        struct Document: Encodable {
            var at: Date
            var compiled: CompiledGuild
            enum CodingKeys: String, CodingKey { case at, desired, nextTransition, nextTransitionReason }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(at, forKey: .at)
                try container.encode(compiled.desired, forKey: .desired)
                try container.encodeIfPresent(compiled.nextTransition, forKey: .nextTransition)
                try container.encodeIfPresent(compiled.nextTransitionReason, forKey: .nextTransitionReason)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(Document(at: at, compiled: compiled)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
