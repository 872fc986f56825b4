import Discord
import DiscordTypes
import Foundation
import Gateway
import Logging
import Spec

/// Answers text commands (`TextCommand`) from the gateway's MESSAGE_CREATE events in the
/// channel they were sent in: only in configured guilds, never to bots (itself included),
/// at most `TextCommandLimiter` answers per user; mentions nobody.
public actor TextCommandResponder {
    let client: DiscordClient
    let clubs: [ClubSource]
    let reconcilers: ClubReconcilers
    let logger: Logger
    let now: @Sendable () -> Date
    let startedAt: Date
    var limiter: TextCommandLimiter
    weak var feed: GatewayFeed?
    /// Answers sent and commands refused by the per-user limit.
    public private(set) var answered = 0
    public private(set) var limited = 0

    public init(client: DiscordClient, clubs: [ClubSource], reconcilers: ClubReconcilers, logger: Logger,
                limiter: TextCommandLimiter = TextCommandLimiter(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.clubs = clubs
        self.reconcilers = reconcilers
        self.logger = logger
        self.limiter = limiter
        self.now = now
        self.startedAt = now()
    }

    /// The feed whose latency and cache `!ping` and `!info` report.
    public func attach(feed: GatewayFeed) { self.feed = feed }

    /// Handles one MESSAGE_CREATE.
    public func handle(guild: Snowflake?, message: Message) async {
        guard let guild, message.author?.bot != true, let user = message.author?.id,
              let command = TextCommand.parse(message.content) else { return }
        let clubIDs = await reconcilers.clubs(in: guild)
        guard !clubIDs.isEmpty else { return }
        guard limiter.admit(user, at: now()) else {
            limited += 1
            return
        }
        let reply = await answer(command, guild: guild, clubIDs: clubIDs)
        do {
            _ = try await client.createMessage(
                in: message.channelID, CreateMessageRequest(content: reply, allowedMentions: AllowedMentions(parse: [])))
            answered += 1
        } catch {
            logger.warning("could not answer a text command", metadata: [
                "command": "\(command.rawValue)", "channel": "\(message.channelID)", "error": "\(error)",
            ])
        }
    }

    func answer(_ command: TextCommand, guild: Snowflake, clubIDs: [String]) async -> String {
        switch command {
        case .help:
            return "Commands:\n" + TextCommand.allCases.map { "- \($0.summary)" }.joined(separator: "\n")
        case .link:
            return TextCommand.linkInstructions
        case .ping:
            let clock = ContinuousClock()
            let start = clock.now
            let rest: String
            do {
                _ = try await client.gatewayBot()
                rest = "\(Self.milliseconds(start.duration(to: clock.now))) ms"
            } catch {
                rest = "unavailable"
            }
            let gateway = await feed?.sessionStats().latency.map { "\(Int(($0 * 1000).rounded())) ms" } ?? "unknown"
            return "Pong! REST \(rest), gateway \(gateway)."
        case .info:
            let live = await feed?.cache.guild(guild)
            let uptime = Int(now().timeIntervalSince(startedAt))
            var lines = ["Simlane reconciler: \(clubs.count) club(s), up \(uptime / 3600) h \(uptime % 3600 / 60) min."]
            if let live {
                lines.append("This server: \(live.members.count) members known, \(live.channels.count) channels, "
                             + "\(live.threads.count) threads, \(live.roles.count) roles.")
            }
            return lines.joined(separator: "\n")
        case .club:
            var lines: [String] = []
            for id in clubIDs {
                guard let source = clubs.first(where: { $0.id == id }),
                      let config = try? ConfigLoader.load(path: source.path) else { continue }
                let names = config.club.series.map(\.name).joined(separator: ", ")
                lines.append("\(config.settings.club.name): \(config.club.series.count) series (\(names)), "
                             + "\(config.club.events.count) events, \(config.club.members.count) members.")
            }
            return lines.isEmpty ? "No club information available." : lines.joined(separator: "\n")
        }
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let c = duration.components
        return Int(c.seconds * 1000 + c.attoseconds / 1_000_000_000_000_000)
    }
}
