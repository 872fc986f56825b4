import DiscordTypes

/// A Discord error answer: HTTP status plus Discord's JSON body `{code, message, errors?}`.
/// Handlers throw it; the engine renders it. Messages match Discord's wording.
struct APIError: Error, Sendable {
    var status: Int
    var code: Int
    var message: String
    var errors: JSONValue?

    var response: EmulatorResponse {
        var body: [String: JSONValue] = ["code": .int(code), "message": .string(message)]
        if let errors { body["errors"] = errors }
        return .json(status, .object(body))
    }

    static let unauthorized = APIError(status: 401, code: 0, message: "401: Unauthorized")
    static let notFound = APIError(status: 404, code: 0, message: "404: Not Found")
    static let methodNotAllowed = APIError(status: 405, code: 0, message: "405: Method Not Allowed")
    static let unknownChannel = APIError(status: 404, code: 10003, message: "Unknown Channel")
    static let unknownGuild = APIError(status: 404, code: 10004, message: "Unknown Guild")
    static let unknownMember = APIError(status: 404, code: 10007, message: "Unknown Member")
    static let unknownMessage = APIError(status: 404, code: 10008, message: "Unknown Message")
    static let unknownOverwrite = APIError(status: 404, code: 10009, message: "Unknown Overwrite")
    static let unknownRole = APIError(status: 404, code: 10011, message: "Unknown Role")
    static let unknownUser = APIError(status: 404, code: 10013, message: "Unknown User")
    static let unknownApplication = APIError(status: 404, code: 10002, message: "Unknown Application")
    static let unknownScheduledEvent = APIError(status: 404, code: 10070, message: "Unknown Guild Scheduled Event")
    static let maxScheduledEvents = APIError(
        status: 400, code: 30038, message: "Maximum number of uncompleted guild scheduled events reached (100)")
    static let finishedScheduledEvent = APIError(status: 400, code: 180000, message: "Cannot update a finished event")
    static let unknownWebhook = APIError(status: 404, code: 10015, message: "Unknown Webhook")
    static let unknownInteraction = APIError(status: 404, code: 10062, message: "Unknown interaction")
    static let interactionAcknowledged = APIError(
        status: 400, code: 40060, message: "Interaction has already been acknowledged.")
    static let maxPins = APIError(status: 400, code: 30003, message: "Maximum number of pins reached (50)")
    static let maxRoles = APIError(status: 400, code: 30005, message: "Maximum number of server roles reached (250)")
    static let maxDailyCommandCreates = APIError(
        status: 400, code: 30034, message: "Max number of daily application command creates has been reached (200)")
    static let bitrateTooHigh = APIError(status: 400, code: 30052, message: "Bitrate is too high for channel of this type")
    static let maxChannels = APIError(status: 400, code: 30013, message: "Maximum number of guild channels reached (500)")
    static let maxThreadMembers = APIError(status: 400, code: 30033, message: "Maximum number of thread participants reached (1000)")
    static let oneParentChange = APIError(
        status: 400, code: 40009, message: "Only one channel can have its parent_id modified at a time")
    static let missingAccess = APIError(status: 403, code: 50001, message: "Missing Access")
    static let notAuthor = APIError(status: 403, code: 50005, message: "Cannot edit a message authored by another user")
    static let cannotMessageUser = APIError(status: 403, code: 50007, message: "Cannot send messages to this user")
    static let emptyMessage = APIError(status: 400, code: 50006, message: "Cannot send an empty message")
    static let nonTextChannel = APIError(status: 400, code: 50008, message: "Cannot send messages in a non-text channel")
    static let missingPermissions = APIError(status: 403, code: 50013, message: "Missing Permissions")
    static let wrongChannelType = APIError(status: 400, code: 50024, message: "Cannot execute action on this channel type")
    static let invalidRole = APIError(status: 400, code: 50028, message: "Invalid Role")
    static let archivedThread = APIError(status: 400, code: 50083, message: "Thread is archived")
    static let invalidJSON = APIError(status: 400, code: 50109, message: "The request body contains invalid JSON.")
    static let lockedThread = APIError(status: 403, code: 160005, message: "Thread is locked")

    /// `50035 Invalid Form Body` with the given errors tree.
    static func invalidForm(_ errors: FormErrors) -> APIError {
        APIError(status: 400, code: 50035, message: "Invalid Form Body", errors: errors.tree)
    }

    /// `50035` for a single field.
    static func invalidField(_ path: [String], _ code: String, _ message: String) -> APIError {
        var errors = FormErrors()
        errors.add(path, code, message)
        return .invalidForm(errors)
    }

    /// `50035` for a body sent without `Content-Type: application/json`.
    static let invalidContentType: APIError = {
        var errors = FormErrors()
        errors.add([], "CONTENT_TYPE_INVALID",
                   "Expected \"Content-Type\" header to be one of {'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'}.")
        return .invalidForm(errors)
    }()
}
