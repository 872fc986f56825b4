import DiscordTypes
import Foundation
import Reconciler
import Spec

extension ServeApp {
    /// `POST /api/discord/bot-invite-url` `{"club": "…"}` (optional when one club is served):
    /// the URL that adds the bot with exactly the permissions the club's features need, and
    /// each permission with its reason (the same as `invite-url --json`).
    func inviteURL(_ request: APIRequest) async throws(APIError) -> APIResponse {
        struct Body: Decodable { var club: String? }
        let body = request.body.isEmpty ? Body(club: nil) : try APIJSON.decode(Body.self, from: request.body)
        let source: ClubSource
        if let club = body.club {
            source = try await catalog.source(club)
        } else if let only = await catalog.onlySource() {
            source = only
        } else {
            throw .badRequest("this server serves several clubs: send {\"club\": \"<id>\"}")
        }
        let settings = try await catalog.config(source).settings
        let needs = BotPermissionNeeds(settings: settings)
        let url = BotInviteURL(applicationID: settings.discord.applicationID, guildID: settings.discord.guildID,
                               permissions: needs.permissions).string
        struct Answer: Encodable {
            var club: String
            var url: String
            var permissions: String
            var needs: [Need]
            /// With guild linking on: the invite that also links the chosen guild to the club.
            var linkUrl: String?
        }
        struct Need: Encodable {
            var name: String
            var feature: String
            var purpose: String
        }
        return .json(Answer(club: settings.club.id, url: url, permissions: String(needs.permissions.rawValue),
                            needs: needs.needs.map { Need(name: $0.name, feature: $0.feature, purpose: $0.purpose) },
                            linkUrl: linkURL(club: settings.club.id, settings: settings, permissions: needs.permissions)))
    }
}
