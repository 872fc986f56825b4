import DiscordTypes
import Foundation

/// The texts of announcements (stint alerts, team notices, strategy-changed notices): the
/// one place their wording lives, apart from the cards in `SignupCard`.
enum AnnouncementText {
    /// The start of stint alert `number`: one per number in a team's thread, so it marks
    /// the alert as ours (`MessageMarker.contentPrefix`) without visible extra text.
    static func stintAlertPrefix(number: Int) -> String { "Stint \(number) for " }

    static func stintAlert(_ stint: Stint, number: Int, team: Team, members: [String: Member]) -> String {
        let member = members[stint.driver]
        let who = member?.discordUserID.map { "<@\($0)> (\(member?.displayName ?? stint.driver))" }
            ?? member?.displayName ?? stint.driver
        return "\(stintAlertPrefix(number: number))\(team.name): \(who) drives \(SignupCard.clock(stint.start))–\(SignupCard.clock(stint.end)) UTC, starting \(SignupCard.markup(stint.start, "R"))."
    }
}
