import DiscordTypes

extension DiscordError {
    /// The actionable sentence for a failure, from its kind, status, Discord code and route.
    static func advice(kind: Kind, status: Int?, code: Int?, route: String,
                       fieldErrors: [DiscordErrorBody.FieldError]) -> String {
        switch kind {
        case .unauthorized, .clientStopped:
            return "The bot token is invalid or was reset: put a fresh token from the Developer Portal into DISCORD_BOT_TOKEN; the client made no further requests."
        case .circuitOpen:
            return "Too many rejected requests (401/403/429) in 10 minutes; the client stopped well before Discord's 10,000 ban threshold. Fix the cause (run `simlane-reconcile doctor`) and retry later."
        case .rateLimitRetriesExhausted:
            return "Discord kept rate-limiting this route; the work is safe to retry later."
        case .outcomeUnknown:
            return "Discord may or may not have applied this create; the next plan re-reads the guild so it is not duplicated."
        case .unavailable:
            return "Discord (or the network) did not answer after several retries; try again later."
        case .decoding:
            return "Discord's answer had an unexpected shape; report this with the route."
        case .http:
            break
        }
        switch code {
        case 50013:
            return "The bot lacks a permission here: likely \(likelyMissingPermission(route: route)); `simlane-reconcile doctor` explains what is missing and how to grant it."
        case 50001:
            return "The bot cannot see this channel or resource (VIEW_CHANNEL missing or the bot is not in the guild); `simlane-reconcile doctor` explains."
        case 10003:
            return "The channel was deleted outside the reconciler; the next plan will recreate it if it is still desired."
        case 10011:
            return "The role was deleted outside the reconciler; the next plan will recreate it if it is still desired."
        case 10007:
            return "The member has left the guild; the reconciler skips them."
        case 10008:
            return "The message was deleted outside the reconciler; the next plan reposts it."
        case 10004:
            return "The guild is unknown: check the guild id in the settings and that the bot is in the guild."
        case 30013:
            return "The guild is at Discord's limit of 500 channels; delete or archive channels (retention settings) before adding more."
        case 30005:
            return "The guild is at Discord's limit of 250 roles; delete unused roles before adding more."
        case 40009:
            return "Discord allows only one channel to change category per positions call; the reconciler splits such moves."
        case 50035:
            let fields = fieldErrors.map(\.description).joined(separator: "; ")
            return fields.isEmpty
                ? "Discord rejected the request body."
                : "Discord rejected these fields: \(fields)."
        case 50083:
            return "The thread is archived; unarchive it before changing it."
        case 160005:
            return "The thread is locked; only members with MANAGE_THREADS can change it."
        case 160006:
            return "The guild reached Discord's maximum of active threads; archive some first."
        default:
            break
        }
        switch status {
        case 403: return "The bot is not allowed to do this; `simlane-reconcile doctor` explains which permission or role position is missing."
        case 404: return "The resource no longer exists on Discord; the next plan re-reads the guild."
        case 429: return "Rate-limited; the work is safe to retry later."
        default: return ""
        }
    }

    /// The permission a 50013 on `route` most likely lacks, in Discord's names.
    public static func likelyMissingPermission(route: String) -> String {
        let parts = route.split(separator: " ", maxSplits: 1)
        let method = parts.first.map(String.init) ?? ""
        let path = parts.count > 1 ? String(parts[1]) : ""
        if path.contains("/permissions/") { return "MANAGE_ROLES (or a bit in the overwrite the bot does not hold itself)" }
        if path.contains("/roles") { return "MANAGE_ROLES, or the role is above the bot's highest role" }
        if path.contains("/thread-members") { return "SEND_MESSAGES_IN_THREADS or MANAGE_THREADS" }
        if path.contains("/threads") {
            return method == "POST" ? "CREATE_PUBLIC_THREADS or CREATE_PRIVATE_THREADS" : "MANAGE_THREADS"
        }
        if path.contains("/pins") { return "PIN_MESSAGES" }
        if path.contains("/messages") { return method == "POST" ? "SEND_MESSAGES (SEND_MESSAGES_IN_THREADS in threads)" : "MANAGE_MESSAGES" }
        if path.contains("/commands") { return "the applications.commands scope" }
        if path.hasPrefix("/channels/") && method == "PATCH" { return "MANAGE_CHANNELS (MANAGE_ROLES to change overwrites, MANAGE_THREADS for threads)" }
        if path.contains("/channels") || path.hasPrefix("/channels/") { return "MANAGE_CHANNELS" }
        return "a permission the bot was not granted"
    }
}
