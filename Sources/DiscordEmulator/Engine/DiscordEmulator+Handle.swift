import DiscordTypes
import Foundation

/// What a handler sees: the caller, route parameters, query and parsed body.
struct RequestContext: Sendable {
    var botID: Snowflake
    var endpoint: Endpoint
    var params: [String: String]
    var query: [String: String]
    var body: JSONValue
    var now: Date
    var auditReason: String?
}

extension DiscordEmulator {
    /// Answers one request as Discord would. Order: route, authentication, injected
    /// faults, global then route rate limit (a 429 is never executed), body parsing,
    /// the handler. Every answer for a known route carries the bucket headers.
    public func handle(_ request: EmulatorRequest) -> EmulatorResponse {
        let now = self.now
        archiveQuietThreads(now: now)
        advanceScheduledEvents(now: now)
        var (path, query) = Self.split(request.path)
        if path.hasPrefix("/api/v10") { path = String(path.dropFirst("/api/v10".count)) }
        else if path.hasPrefix("/api/v9") { path = String(path.dropFirst("/api/v9".count)) }
        if path.isEmpty { path = "/" }
        let fullPath = "/api/v10" + path

        let parsedBody = Self.parseBody(request)
        if case .success(let json?) = parsedBody { BodyLog.append(method: request.method, path: fullPath, body: json, directory: bodyLogDirectory) }

        var response: EmulatorResponse
        var routeKey: String?
        var scope: RateLimitScope?
        var executed = false
        defer {
            record(request: request, path: fullPath, route: routeKey, response: response, scope: scope,
                   body: try? parsedBody.get(), executed: executed, now: now)
        }

        if path == "/oauth2/token" {
            routeKey = "POST /oauth2/token"
            response = oauthToken(request)
            return response
        }
        guard let (endpoint, params) = Endpoint.match(method: request.method, path: path) else {
            response = (Endpoint.pathExists(path) ? APIError.methodNotAllowed : APIError.notFound).response
            return response
        }
        routeKey = endpoint.key
        let major = Endpoint.majorParameter(params, endpoint: endpoint)

        // Interaction routes are authorised by the token in their path (their handlers check
        // it); the application stands in for the bot.
        let interactionApp = endpoint.isInteractionRoute
            ? Snowflake(string: params["application_id"] ?? "")
                ?? interactions[params["interaction_token"] ?? ""]?.applicationID ?? 0
            : nil
        guard let botID = interactionApp ?? request.header("Authorization").flatMap({ auth in
            auth.hasPrefix("Bot ") ? state.tokens[String(auth.dropFirst(4))] : nil
        }) else {
            response = APIError.unauthorized.response
            return response
        }

        if let index = faults.firstIndex(where: { $0.matches(method: request.method, routeKey: endpoint.key, path: path) }) {
            let fault = faults[index]
            if let remaining = fault.remaining {
                if remaining <= 1 { faults.remove(at: index) } else { faults[index].remaining = remaining - 1 }
            }
            counters.faultsInjected += 1
            switch fault.kind {
            case .serverError(let status, let executes):
                if executes { _ = execute(endpoint, params: params, query: query, botID: botID, body: parsedBody, request: request, now: now, major: major) }
                executed = executes
                response = .json(status, .object(["message": .string("\(status): Emulated fault"), "code": .int(0)]))
                return response
            case .timeout(let seconds):
                response = EmulatorResponse(status: 504, delay: .milliseconds(Int64(seconds * 1000)))
                return response
            case .rateLimited(let retryAfter, let faultScope):
                scope = faultScope
                response = Self.rateLimited(retryAfter: retryAfter, scope: faultScope,
                                            headers: limiter.peekHeaders(bucket: endpoint.bucket, major: major, now: now))
                return response
            case .latency(let seconds):
                var answer = execute(endpoint, params: params, query: query, botID: botID, body: parsedBody, request: request, now: now, major: major)
                executed = answer.executed
                scope = answer.scope
                answer.response.delay = .milliseconds(Int64(seconds * 1000))
                response = answer.response
                return response
            }
        }

        let answer = execute(endpoint, params: params, query: query, botID: botID, body: parsedBody, request: request, now: now, major: major)
        executed = answer.executed
        scope = answer.scope
        response = answer.response
        return response
    }

    private func execute(
        _ endpoint: Endpoint, params: [String: String], query: [String: String], botID: Snowflake,
        body parsed: Result<JSONValue?, APIError>, request: EmulatorRequest, now: Date, major: String
    ) -> (response: EmulatorResponse, executed: Bool, scope: RateLimitScope?) {
        var extra: (String, RateLimitConfiguration.Limit)?
        if endpoint == .modifyChannel, let sublimit = limiter.configuration.channelNameTopicSublimit,
           case .success(let json?) = parsed, json["name"] != nil || json["topic"] != nil {
            extra = ("channel.name-topic", sublimit)
        }
        let headers: [String: String]
        let limiterKey = endpoint.isInteractionRoute ? major : botID.description
        switch limiter.admit(bot: limiterKey, bucket: endpoint.bucket, major: major, extra: extra, now: now) {
        case .limited(let scope, let retryAfter, let limitHeaders):
            return (Self.rateLimited(retryAfter: retryAfter, scope: scope, headers: limitHeaders), false, scope)
        case .allowed(let allowedHeaders):
            headers = allowedHeaders
        }
        var response: EmulatorResponse
        var executed = false
        do {
            let body = try parsed.get() ?? .object([:])
            try Self.checkBodyShape(body, endpoint: endpoint)
            try Self.checkAuditLogReason(request.header("X-Audit-Log-Reason"))
            let context = RequestContext(
                botID: botID, endpoint: endpoint, params: params, query: query, body: body, now: now,
                auditReason: request.header("X-Audit-Log-Reason"))
            response = try run(endpoint, context)
            executed = endpoint.isMutation
            if executed { saveQuietly() }
        } catch {
            response = error.response
        }
        response.headers.merge(headers) { _, new in new }
        return (response, executed, nil)
    }

    private func run(_ endpoint: Endpoint, _ c: RequestContext) throws(APIError) -> EmulatorResponse {
        switch endpoint {
        case .getCurrentUser: return try getCurrentUser(c)
        case .getGuild: return try getGuild(c)
        case .listChannels: return try listChannels(c)
        case .createChannel: return try createChannel(c)
        case .modifyChannelPositions: return try modifyChannelPositions(c)
        case .getChannel: return try getChannel(c)
        case .modifyChannel: return try modifyChannel(c)
        case .deleteChannel: return try deleteChannel(c)
        case .editOverwrite: return try editOverwrite(c)
        case .deleteOverwrite: return try deleteOverwrite(c)
        case .listRoles: return try listRoles(c)
        case .createRole: return try createRole(c)
        case .modifyRolePositions: return try modifyRolePositions(c)
        case .modifyRole: return try modifyRole(c)
        case .deleteRole: return try deleteRole(c)
        case .listMembers: return try listMembers(c)
        case .getMember: return try getMember(c)
        case .modifyMember: return try modifyMember(c)
        case .addMemberRole: return try changeMemberRole(c, add: true)
        case .removeMemberRole: return try changeMemberRole(c, add: false)
        case .startThread: return try startThread(c)
        case .addThreadMember: return try addThreadMember(c)
        case .removeThreadMember: return try removeThreadMember(c)
        case .getThreadMember: return try getThreadMember(c)
        case .listThreadMembers: return try listThreadMembers(c)
        case .listActiveThreads: return try listActiveThreads(c)
        case .listPublicArchivedThreads: return try listArchivedThreads(c, private: false)
        case .listPrivateArchivedThreads: return try listArchivedThreads(c, private: true)
        case .createMessage: return try createMessage(c)
        case .createDM: return try createDirectChannel(c)
        case .getMessage: return try getMessage(c)
        case .listMessages: return try listMessages(c)
        case .editMessage: return try editMessage(c)
        case .deleteMessage: return try deleteMessage(c)
        case .listPins: return try listPins(c)
        case .pinMessage: return try pinMessage(c, pin: true)
        case .unpinMessage: return try pinMessage(c, pin: false)
        case .overwriteGuildCommands: return try overwriteGuildCommands(c)
        case .listScheduledEvents: return try listScheduledEvents(c)
        case .createScheduledEvent: return try createScheduledEvent(c)
        case .getScheduledEvent: return try getScheduledEvent(c)
        case .modifyScheduledEvent: return try modifyScheduledEvent(c)
        case .deleteScheduledEvent: return try deleteScheduledEvent(c)
        case .listGuildCommands: return try listGuildCommands(c)
        case .interactionCallback: return try interactionCallback(c)
        case .editOriginalInteractionResponse: return try editOriginalInteractionResponse(c)
        case .createFollowupMessage: return try createFollowupMessage(c)
        case .getGatewayBot: return try getGatewayBot(c)
        }
    }

    static func rateLimited(retryAfter: TimeInterval, scope: RateLimitScope, headers: [String: String]) -> EmulatorResponse {
        let retry = (max(0.001, retryAfter) * 1000).rounded(.up) / 1000
        var response = EmulatorResponse.json(429, .object([
            "message": .string("You are being rate limited."), "retry_after": .number(retry),
            "global": .bool(scope == .global), "code": .int(0),
        ]))
        response.headers.merge(headers) { _, new in new }
        response.headers["Retry-After"] = String(Int(retry.rounded(.up)))
        response.headers["X-RateLimit-Scope"] = scope.rawValue
        if scope == .global { response.headers["X-RateLimit-Global"] = "true" }
        return response
    }

    /// A body whose top level is not what the route reads (an array where an object is
    /// expected, e.g. a role create sent `[...]`) is 400 50035 with a root error; the docs
    /// are silent on the exact code, the emulator answers Discord's form-body error with
    /// DICT_TYPE_CONVERT (docs/emulator-fidelity.md). Array routes check their own shape.
    static func checkBodyShape(_ body: JSONValue, endpoint: Endpoint) throws(APIError) {
        guard endpoint.takesBody, !endpoint.takesArrayBody, body.objectValue == nil else { return }
        throw APIError.invalidField([], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
    }

    /// `X-Audit-Log-Reason` is 1–512 characters once URL-decoded [audit-log.mdx: Audit Log
    /// Reason]. What Discord does with a longer one is undocumented; the emulator refuses
    /// it with 400 50035 naming the header (docs/emulator-fidelity.md).
    static func checkAuditLogReason(_ raw: String?) throws(APIError) {
        guard let raw else { return }
        let reason = raw.removingPercentEncoding ?? raw
        let length = EmulatorNormalization.length(reason)
        if length < 1 || length > 512 {
            throw APIError.invalidField(["X-Audit-Log-Reason"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 512 in length.")
        }
    }

    /// Parses a JSON body; `nil` for an empty body; 50035 for a body without a JSON
    /// Content-Type; 50109 for malformed JSON.
    static func parseBody(_ request: EmulatorRequest) -> Result<JSONValue?, APIError> {
        guard !request.body.isEmpty else { return .success(nil) }
        guard let type = request.header("Content-Type"), type.lowercased().hasPrefix("application/json") else {
            return .failure(.invalidContentType)
        }
        guard let json = try? DiscordJSON.decoder().decode(JSONValue.self, from: request.body) else {
            return .failure(.invalidJSON)
        }
        return .success(json)
    }

    static func split(_ raw: String) -> (path: String, query: [String: String]) {
        guard let mark = raw.firstIndex(of: "?") else { return (raw, [:]) }
        var query: [String: String] = [:]
        for pair in raw[raw.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            let key = parts[0].removingPercentEncoding ?? parts[0]
            query[key] = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
        }
        return (String(raw[..<mark]), query)
    }

    private func record(
        request: EmulatorRequest, path: String, route: String?, response: EmulatorResponse,
        scope: RateLimitScope?, body: JSONValue??, executed: Bool, now: Date
    ) {
        counters.requests += 1
        counters.byStatus[response.status, default: 0] += 1
        if executed { counters.executed += 1 }
        if response.status == 429, let scope { counters.rateLimited[scope, default: 0] += 1 }
        let invalid = response.status == 401 || response.status == 403 || (response.status == 429 && scope != .shared)
        if invalid {
            invalidTimes.append(now)
            counters.invalidTotal += 1
        }
        let window = limiter.configuration.invalidRequestWindow
        invalidTimes.removeAll { now.timeIntervalSince($0) >= window }
        counters.invalidInWindow = invalidTimes.count
        let errorCode = response.status >= 400 ? response.json?["code"].flatMap { $0.intValue } : nil
        log.append(LoggedRequest(
            method: request.method, path: path, route: route, status: response.status,
            body: body ?? nil, errorCode: errorCode, scope: scope, time: now,
            userAgent: request.header("User-Agent"),
            auditLogReason: request.header("X-Audit-Log-Reason").map { $0.removingPercentEncoding ?? $0 }))
        if log.count > logCapacity { log.removeFirst(log.count - logCapacity) }
    }
}
