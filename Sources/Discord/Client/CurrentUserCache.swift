import DiscordTypes

/// Remembers the bot's own user. It cannot change while a client lives (one token), and
/// `GET /users/@me` is one bucket shared by every guild, so a daemon serving many guilds must
/// not ask for it on every snapshot: it is fetched once per client.
actor CurrentUserCache {
    private var user: User?
    private var inFlight: Task<User, any Error>?

    /// The cached user, or the result of `fetch` (shared by concurrent callers). A failed
    /// fetch is not cached.
    func value(_ fetch: @escaping @Sendable () async throws -> User) async throws -> User {
        if let user { return user }
        if let inFlight { return try await inFlight.value }
        let task = Task { try await fetch() }
        inFlight = task
        defer { inFlight = nil }
        let fetched = try await task.value
        user = fetched
        return fetched
    }
}
