import DiscordTypes
import Foundation

/// The files `simlane-reconcile init` writes for a new club: a commented `simlane.yaml` with
/// every setting at its default, and a starter club-data document (one series, one event a
/// fortnight after `now`) that validates, so the first plan shows something real. Pure.
public struct ClubTemplate: Hashable, Sendable {
    public var clubID: String
    public var clubName: String
    public var guildID: Snowflake
    public var applicationID: Snowflake
    public var adminRoles: [Snowflake]

    public init(clubID: String, clubName: String, guildID: Snowflake, applicationID: Snowflake,
                adminRoles: [Snowflake] = []) {
        self.clubID = clubID
        self.clubName = clubName
        self.guildID = guildID
        self.applicationID = applicationID
        self.adminRoles = adminRoles
    }

    /// `simlane.yaml`.
    public var settingsYAML: String {
        let admins = adminRoles.isEmpty
            ? "  admin_roles: []          # ids of existing roles that see every managed channel"
            : "  admin_roles:             # existing roles that see every managed channel\n"
                + adminRoles.map { "    - \"\($0)\"" }.joined(separator: "\n")
        return """
        # \(clubName): the club's Discord configuration. Keep it in git.
        # Field reference: docs/config.md. Editor support: docs/simlane.schema.json.
        kind: settings
        version: 1

        club:
          id: \(clubID)
          name: \(Self.quoted(clubName))

        discord:
          guild_id: "\(guildID)"          # Server Settings › Widget, or right-click the server › Copy ID
          application_id: "\(applicationID)"  # Developer Portal › your application › General Information
        \(admins)

        auto_create_channels: true       # categories, signup channels, team threads and voice
        channel_name_pattern: "{event} {team} {kind}"
        voice_channels: true             # practice and race voice per team
        stint_alerts: true               # a ping in the team thread before each driver change
        scheduled_events: false          # each race in the server's Events list (adds CREATE_EVENTS, MANAGE_EVENTS)

        notifications:
          signup_update_frequency: 1h    # at most one signup-card edit per hour
          stint_alert_lead: 15m
          race_voice_lead: 24h           # race voice opens a day before the start
          race_grace_period: 2h          # and closes two hours after the finish

        retention:
          archive_delay: 3d              # a finished series moves to the Archive after three days
          delete_archived_after: 90d     # and is deleted 90 days later (`keep` keeps it)

        protect:                         # never touched, even when managed
          channels: []
          roles: []

        orphans:                         # what we once managed and no longer want
          text_channels: keep
          voice_channels: remove
          categories: remove
          roles: remove
          threads: keep
          messages: keep

        max_destroy_fraction: 0.5        # refuse plans deleting more than half of what we manage

        """
    }

    /// A starter `club.yaml`: one series with one event starting 14 days after `now` (at
    /// 19:00 UTC), signup open from `now`'s day. Replace it with the platform's export.
    public func starterClubYAML(now: Date) -> String {
        let day = 86_400.0
        let today = (now.timeIntervalSince1970 / day).rounded(.down) * day
        let opens = Date(timeIntervalSince1970: today)
        let start = Date(timeIntervalSince1970: today + 14 * day + 19 * 3600)
        let closes = start.addingTimeInterval(-2 * day)
        func text(_ date: Date) -> String { ValueParsers.timestampText(date) }
        return """
        # Starter club data for \(clubName). The Simlane platform exports this; edit or replace it.
        # Format: docs/config.md (Club data).
        kind: club
        members:
          - id: first-member
            display_name: First Member
            # discord_user_id: "123456789012345678"   # when the member has linked Discord

        series:
          - id: club-series
            name: Club Series

        events:
          - id: first-race
            series: club-series
            name: First Race
            track: Circuit de Spa-Francorchamps
            signup:
              url: https://simlane.app/clubs/\(clubID)/signups/first-race
              opens: \(text(opens))
              closes: \(text(closes))
            start: \(text(start))
            duration: 1h

        """
    }

    private static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "." }
            && !text.isEmpty && text.first != " " && text.last != " "
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
