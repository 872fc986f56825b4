import ArgumentParser
import DiscordTypes
import Foundation
import Spec

/// `invite-url`: the OAuth2 URL that adds the bot to the club's guild with exactly the
/// permissions the enabled features need, each bit listed with its reason
/// (docs/permissions.md). Reads the settings only; needs no token.
struct InviteURLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite-url",
        abstract: "Print the URL that invites the bot to the club's guild with the permissions it needs.")

    @OptionGroup var config: ConfigOption

    @Flag(name: .long, help: "Print the URL and the permission list as JSON.")
    var json = false

    func run() throws {
        let club = try SpecCLI.load(config.config)
        let settings = club.settings
        let needs = BotPermissionNeeds(settings: settings)
        let url = BotInviteURL(applicationID: settings.discord.applicationID, guildID: settings.discord.guildID,
                               permissions: needs.permissions).string
        if json {
            struct Output: Encodable {
                var url: String
                var permissions: String
                var needs: [BotPermissionNeeds.Need]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Output(url: url, permissions: String(needs.permissions.rawValue), needs: needs.needs))
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print(url)
        print("")
        print("Permissions (\(needs.permissions.rawValue)), for the features \(settings.club.name) enables:")
        let width = needs.needs.map(\.name.count).max() ?? 0
        for need in needs.needs {
            print("  \(need.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(need.purpose) [\(need.feature)]")
        }
        print("")
        print("Open the URL as a server admin, confirm, then run: simlane-reconcile doctor --config \(config.config)")
    }
}
