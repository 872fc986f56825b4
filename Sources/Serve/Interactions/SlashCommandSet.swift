import Discord
import DiscordTypes

/// The slash commands `serve` answers, as registered by bulk overwrite per guild
/// (`commands sync`). `/sync` is hidden from members without Manage Server by
/// `default_member_permissions`, and refused by `serve` unless the member holds one of the
/// club's `discord.admin_roles` (Discord's gate can be changed by guild admins; ours cannot).
public enum SlashCommandSet {
    /// Command names, as Discord sends them in `data.name`.
    public enum Name: String, CaseIterable, Sendable {
        case sync, events, teams, schedule, availability
    }

    /// Discord's option type for a string option.
    static let stringOption = 3

    /// The definitions, in the order Discord lists them.
    public static let definitions: [ApplicationCommandRequest] = [
        ApplicationCommandRequest(
            name: Name.sync.rawValue, description: "Sync guild members with linked Simlane accounts (club admins only)",
            defaultMemberPermissions: .manageGuild),
        ApplicationCommandRequest(name: Name.events.rawValue, description: "Upcoming events, in your local time"),
        ApplicationCommandRequest(
            name: Name.teams.rawValue, description: "Team assignments of an event",
            options: [eventOption]),
        ApplicationCommandRequest(
            name: Name.schedule.rawValue, description: "The stint plan of an event, in your local time",
            options: [eventOption]),
        ApplicationCommandRequest(name: Name.availability.rawValue, description: "Where to tell the club when you can race"),
    ]

    static let eventOption = ApplicationCommand.Option(
        type: stringOption, name: "event", description: "Event id or name (default: the next event)", required: false)
}
