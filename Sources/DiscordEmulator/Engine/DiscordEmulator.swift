import DiscordTypes
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An in-memory Discord REST API with Discord's semantics: authentication, permissions,
/// role hierarchy, limits, error codes and rate limits with real headers.
///
/// The engine is pure request-in, response-out (`handle(_:)`); `EmulatorServer` puts it on
/// a loopback port. Tests seed guilds, inject faults, change guilds out of band as a human
/// admin would, and read the request log, counters and guild state.
///
/// ```swift
/// let emulator = DiscordEmulator()
/// let seeded = await emulator.seedGuild(GuildSeed(memberIDs: [1, 2, 3]))
/// let server = try await EmulatorServer.start(emulator: emulator)
/// // point the client at server.baseURL with token seeded.bot.token
/// ```
///
/// What it enforces (docs/emulator-fidelity.md lists each rule with its source and test):
/// - `Authorization: Bot <token>` (401 `{"message":"401: Unauthorized","code":0}`); the bot
///   must be a member of the guild (50001) and see the channel (VIEW_CHANNEL, else 50001).
/// - Effective permissions: owner/ADMINISTRATOR = all; `@everyone` | roles; channel
///   overwrites in Discord's order; threads use their parent's; the implicit rules (no
///   VIEW_CHANNEL voids all, no SEND_MESSAGES voids EMBED_LINKS & co., no CONNECT in a
///   voice/stage channel voids MANAGE_CHANNELS, MANAGE_ROLES and the voice bits), applied
///   to every channel check. MANAGE_CHANNELS for channel writes, MANAGE_ROLES for role
///   writes, member roles and overwrites, MANAGE_THREADS for lock/delete/removing others
///   from threads, PIN_MESSAGES for pins, EMBED_LINKS for embeds.
/// - Hierarchy: roles at or above the bot's highest role cannot be edited, deleted, assigned
///   or moved; role permissions and overwrite bits the bot lacks cannot be granted (only
///   changed bits count; administrators are exempt; MANAGE_ROLES in an overwrite is
///   administrator-only); managed roles are untouchable.
/// - Limits (code points): 500 channels (threads excluded, 30013), 50 per category, 250
///   roles (30005), names 1–100 after trimming, topic ≤ 1024 (4096 forum/media), content
///   ≤ 2000, embed limits on trimmed text, 50 pins (30003), members page 1–1000 (default 1),
///   1000 thread members, 200 command creates a day (30034), audit-log reason ≤ 512, voice
///   bitrate by boost level (30052), announcement/stage channels need NEWS/COMMUNITY.
/// - Shapes: ids and permissions as strings, 201 for channel and thread creation, 204 for
///   empty answers, the errors tree of 50035, JSON Content-Type required for bodies, an
///   object body where an object is expected.
/// - Behaviour: names and embeds are stored the way Discord stores them
///   (`EmulatorNormalization`); a channel created in a category without overwrites copies
///   the category's; deleting a category keeps its children with `parent_id` null and
///   deletes its threads; new roles start at position 1; private threads only under text
///   channels (50024); archived threads refuse everything but unarchiving (50083); locked
///   threads need MANAGE_THREADS (160005); a message posted in an archived, unlocked thread
///   unarchives it; quiet threads auto-archive on the emulator's clock
///   (`setThreadAutoArchive`); `enforce_nonce` returns the message already sent with that
///   nonce (5 minutes); member listing needs the GUILD_MEMBERS intent
///   (`GuildSeed.membersIntent`, else 50001); deleting a missing overwrite is 10009.
/// - Rate limits: see `RateLimitConfiguration`. A 429 is never executed.
public actor DiscordEmulator {
    /// Every change is published to the gateway (`DiscordEmulator+Gateway.swift`).
    var state: EmulatorState { didSet { stateDidChange() } }
    /// The gateway side: sessions, their event buffers and gateway faults.
    public nonisolated let gateway = EmulatorGateway()
    /// The state last published to the gateway (nil until a session identifies).
    var published: EmulatorState?
    var publishScheduled = false
    /// `ws://127.0.0.1:PORT/gateway` once `EmulatorServer` serves the gateway.
    var gatewayURL: String?
    let clock: EmulatorClock
    var limiter: RateLimiter
    var faults: [Fault] = []
    var log: [LoggedRequest] = []
    var counters = EmulatorCounters()
    var invalidTimes: [Date] = []
    /// Interactions opened by tests, by token (not persisted: tokens live 15 minutes).
    var interactions: [String: EmulatedInteraction] = [:]
    /// DM channels by id (`DirectMessageHandlers`); not persisted.
    var directChannels: [Snowflake: EmulatedDirectChannel] = [:]
    /// Users who refuse DMs from the bot (`closeDirectMessages(of:)`).
    var closedDirectMessages: Set<Snowflake> = []
    /// OAuth2 client secrets by application, and the codes issued by approved installs.
    var oauthSecrets: [Snowflake: String] = [:]
    var authorizationCodes: [String: AuthorizationCode] = [:]
    let persistenceURL: URL?
    /// Where JSON request bodies are appended (`bodies-<pid>.jsonl`); nil = off.
    let bodyLogDirectory: URL?
    /// Whether quiet threads auto-archive on the emulator's clock (default on).
    var autoArchiveThreads = true
    /// Keep at most this many log entries (oldest dropped).
    public var logCapacity = 100_000

    /// Creates an emulator. With `persistenceURL`, state is loaded from that JSON file when
    /// it exists and saved (atomically: temp file + rename) after every successful mutation.
    /// Request bodies go to `bodyLogDirectory` (default `$SIMLANE_BODY_LOG_DIR`).
    public init(
        clock: EmulatorClock = .system, rateLimits: RateLimitConfiguration = .discordLike,
        persistenceURL: URL?, bodyLogDirectory: URL? = BodyLog.environmentDirectory
    ) throws {
        self.clock = clock
        self.bodyLogDirectory = bodyLogDirectory
        self.limiter = RateLimiter(configuration: rateLimits)
        self.persistenceURL = persistenceURL
        if let persistenceURL, FileManager.default.fileExists(atPath: persistenceURL.path) {
            do {
                state = try DiscordJSON.decoder().decode(EmulatorState.self, from: Data(contentsOf: persistenceURL))
            } catch {
                throw EmulatorError.corruptStateFile(path: persistenceURL.path, reason: "\(error)")
            }
        } else {
            state = EmulatorState()
        }
    }

    /// An in-memory emulator (no file), the common case in tests.
    public init(
        clock: EmulatorClock = .system, rateLimits: RateLimitConfiguration = .discordLike,
        bodyLogDirectory: URL? = BodyLog.environmentDirectory
    ) {
        self.clock = clock
        self.bodyLogDirectory = bodyLogDirectory
        self.limiter = RateLimiter(configuration: rateLimits)
        self.persistenceURL = nil
        self.state = EmulatorState()
    }

    var now: Date { clock.now() }

    /// State as of `now`: applies what Discord does by itself with time (thread
    /// auto-archive) before any request or inspection reads it.
    func catchUp() { archiveQuietThreads(now: now) }

    /// Replaces the rate-limit configuration (counters already running keep their windows).
    public func setRateLimits(_ configuration: RateLimitConfiguration) {
        limiter.configuration = configuration
    }

    /// Writes the state file now (no-op without a persistence URL): a temporary file with
    /// mode 0600 beside it, then a rename, so readers never see half a file. It holds bot
    /// tokens, hence the mode. Costs about 1 ms per 30 members in debug builds.
    public func save() throws {
        guard let persistenceURL else { return }
        let data = try DiscordJSON.encoder().encode(state)
        let directory = persistenceURL.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(persistenceURL.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        guard rename(temporary.path, persistenceURL.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: persistenceURL.path])
        }
    }

    func saveQuietly() {
        try? save()
    }
}

/// Errors of the emulator's own API (seeding, hooks, persistence), not Discord answers.
public enum EmulatorError: Error, Sendable, Hashable, CustomStringConvertible {
    case corruptStateFile(path: String, reason: String)
    case unknownGuild(Snowflake)
    case unknownChannel(Snowflake)
    case unknownRole(Snowflake)
    case unknownMember(Snowflake)

    public var description: String {
        switch self {
        case .corruptStateFile(let path, let reason): "emulator state file \(path) is not readable: \(reason)"
        case .unknownGuild(let id): "the emulator has no guild \(id)"
        case .unknownChannel(let id): "the emulator has no channel \(id)"
        case .unknownRole(let id): "the emulator has no role \(id)"
        case .unknownMember(let id): "the emulator has no member \(id)"
        }
    }
}
