/// Every endpoint of `serve` (docs/api.yaml), matched from a method and a path. The
/// `template` names the route without its parameters, for logs and metrics.
enum APIRoute: Equatable {
    case health
    case metrics
    case inviteURL
    case interactions
    case startSync(club: String)
    case syncRun(club: String, run: String)
    case settings(club: String)
    case channels(club: String)
    case plan(club: String)
    case guildLinkCallback

    /// Who may call it.
    enum Guard { case open, bearerToken, discordSignature, signedState }

    var guardedBy: Guard {
        switch self {
        case .health, .metrics: .open
        case .interactions: .discordSignature
        case .guildLinkCallback: .signedState
        default: .bearerToken
        }
    }

    var template: String {
        switch self {
        case .health: "/healthz"
        case .metrics: "/metrics"
        case .inviteURL: "/api/discord/bot-invite-url"
        case .interactions: "/api/discord/webhooks/interactions"
        case .startSync: "/api/clubs/{club}/discord/sync-members"
        case .syncRun: "/api/clubs/{club}/discord/sync-members/{run}"
        case .settings: "/api/clubs/{club}/discord/settings"
        case .channels: "/api/clubs/{club}/discord/channels"
        case .plan: "/api/clubs/{club}/plan"
        case .guildLinkCallback: "/oauth/discord/callback"
        }
    }

    /// The route for `path`, and the methods it answers; nil when no route has this path.
    static func match(path: String) -> (route: APIRoute, methods: [String])? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch parts.count {
        case 1 where parts[0] == "healthz": return (.health, ["GET"])
        case 1 where parts[0] == "metrics": return (.metrics, ["GET"])
        default: break
        }
        if parts == ["oauth", "discord", "callback"] { return (.guildLinkCallback, ["GET"]) }
        if parts == ["api", "discord", "bot-invite-url"] { return (.inviteURL, ["POST"]) }
        if parts == ["api", "discord", "webhooks", "interactions"] { return (.interactions, ["POST"]) }
        guard parts.count >= 4, parts[0] == "api", parts[1] == "clubs" else { return nil }
        let club = parts[2]
        let rest = Array(parts[3...])
        switch rest.count {
        case 1 where rest[0] == "plan": return (.plan(club: club), ["GET"])
        case 2 where rest[0] == "discord":
            switch rest[1] {
            case "sync-members": return (.startSync(club: club), ["POST"])
            case "settings": return (.settings(club: club), ["GET", "PUT"])
            case "channels": return (.channels(club: club), ["GET"])
            default: return nil
            }
        case 3 where rest[0] == "discord" && rest[1] == "sync-members":
            return (.syncRun(club: club, run: rest[2]), ["GET"])
        default: return nil
        }
    }
}
