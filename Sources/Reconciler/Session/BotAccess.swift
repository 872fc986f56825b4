import DiscordTypes
import Spec

/// Keeps the bot able to work in the channels it manages.
///
/// A channel whose `@everyone` overwrite denies viewing or sending (an archived, read-only
/// signup channel; a team-only race voice channel) would lock the bot out too: Discord
/// applies the `@everyone` overwrite to the bot unless an overwrite for the bot itself
/// allows it, and the bot then cannot post or pin the signup card, or edit the channel
/// (50013/50001). This adds a member overwrite for the bot allowing back exactly the denied
/// bits it needs. Pure; applied by `Reconciler.plan` with the bot's user id from the snapshot.
public enum BotAccess {
    /// What the bot needs in a channel it manages.
    public static let needed: Permissions = [.viewChannel, .sendMessages, .readMessageHistory, .sendMessagesInThreads]

    public static func ensure(_ desired: DesiredGuild, botUserID: Snowflake) -> DesiredGuild {
        var result = desired
        for index in result.channels.indices {
            let channel = result.channels[index]
            let denied = channel.overwrites.filter { $0.target == .everyone }
                .reduce(Permissions()) { $0.union($1.deny) }
            let missing = denied.intersection(needed)
            guard !missing.isEmpty else { continue }
            if let existing = channel.overwrites.firstIndex(where: { $0.target == .member(botUserID) }) {
                result.channels[index].overwrites[existing].allow.formUnion(missing)
                result.channels[index].overwrites[existing].deny.subtract(missing)
            } else {
                result.channels[index].overwrites.append(DesiredOverwrite(target: .member(botUserID), allow: missing))
            }
        }
        return result
    }
}
