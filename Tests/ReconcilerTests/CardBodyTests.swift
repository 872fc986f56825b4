import DiscordEmulator
import DiscordTypes
import Foundation
import Spec
import Testing
@testable import Reconciler

/// Every card as Discord receives it: the JSON bodies the client sends for the signup card,
/// entry list, strategy card, results and series statistics (golden files under
/// `Fixtures/cards/`), checked by the emulator, with hostile club text made inert; and a
/// 120-driver event whose cards all stay within Discord's limits.
@Suite("Card bodies", .serialized)
struct CardBodyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("cards")
    static let messageRoutes: Set<String> = [
        "POST /channels/{channel_id}/messages", "PATCH /channels/{channel_id}/messages/{message_id}",
    ]

    /// Applies `club` at each of its card instants against the emulator; the message
    /// requests sent, with the instant each was sent at.
    static func apply(_ club: CardsClub) async throws -> [(at: String, request: LoggedRequest)] {
        try await apply(CardsClub.instants.map { (club.yaml, $0) }, members: club.memberIDs)
    }

    /// Applies each club data text at its instant, in order, against one emulated guild.
    static func apply(_ steps: [(yaml: String, at: String)], members: [Snowflake]) async throws
        -> [(at: String, request: LoggedRequest)]
    {
        let harness = try await DaemonHarness(start: Date(iso: steps[0].at))
        defer { Task { await harness.shutdown() } }
        let guild: Snowflake = 1_300_000_000_000_000_009
        await harness.emulator.seedGuild(GuildSeed(
            id: guild, name: "Cards", bot: DaemonHarness.bot, botPermissions: .reconcilerBot, memberIDs: members))
        let source = try harness.writeClub("cards", guild: guild, data: steps[0].yaml)
        let store = try SQLiteStateStore(path: source.path + "/state.sqlite")
        let now = harness.now
        let reconciler = Reconciler(
            guildID: guild, store: store, reader: DiscordSnapshotReader(client: harness.client),
            performer: DiscordChangePerformer(client: harness.client), now: { now.date })
        var sent: [(String, LoggedRequest)] = []
        for (yaml, at) in steps {
            try harness.writeClub("cards", guild: guild, data: yaml)
            let config = try ConfigLoader.load(path: source.path)
            #expect(!config.warnings.contains { $0.severity == .error }, "\(config.warnings)")
            now.date = Date(iso: at)
            let before = await harness.emulator.requestLog.count
            let outcome = try await reconciler.reconcile(config: config, at: now.date)
            #expect(outcome.failed == 0, "\(at): \(outcome.errors)")
            let log = await harness.emulator.requestLog
            sent += log[before...].filter { Self.messageRoutes.contains($0.route ?? "") }.map { (at, $0) }
        }
        return sent
    }

    /// Corrected results and a changed strategy edit their cards in place: one PATCH each,
    /// nothing posted again, nothing else touched.
    @Test func correctedResultsAndAChangedStrategyAreEditedInPlace() async throws {
        let club = CardsClub(drivers: 6, teamSize: 3, reserves: 0)
        let after = CardsClub.instants[2]
        let corrected = club.yaml
            .replacingOccurrences(of: "team: t0, position: 1", with: "team: t0, position: 2")
            .replacingOccurrences(of: "team: t1, position: 2", with: "team: t1, position: 1")
        let retuned = corrected.replacingOccurrences(of: "pit_stops: 5", with: "pit_stops: 4")
        let sent = try await Self.apply([(club.yaml, after), (corrected, after), (retuned, after)], members: club.memberIDs)
        let kinds = sent.map { (method: $0.request.method, kind: Self.kind($0.request.body)) }
        #expect(kinds.filter { $0.method == "POST" && $0.kind == "results" }.count == 1)
        #expect(kinds.filter { $0.method == "POST" && $0.kind == "strategy" }.count == 2, "one card per team")
        // The first pass posts; the corrections are edits of those very cards, in order.
        let patches = kinds.filter { $0.method == "PATCH" }.map(\.kind)
        #expect(patches == ["results", "strategy", "strategy"], "\(patches)")
        let edit = try #require(sent.last { $0.request.method == "PATCH" && Self.kind($0.request.body) == "results" })
        let description = edit.request.body?["embeds"].map(Self.items)?.first?["description"]?.stringValue ?? ""
        #expect(description.hasPrefix("**P1** Team 1"), "\(description)")
    }

    /// The card a body belongs to, from its footer marker (`…/message/entry-list-2` → `entry-list`).
    static func kind(_ body: JSONValue?) -> String {
        let footer = body?["embeds"].flatMap { embeds -> String? in
            guard case .array(let items) = embeds else { return nil }
            return items.compactMap { $0["footer"]?["text"]?.stringValue }.first
        } ?? ""
        let name = footer.split(separator: "/").last.map(String.init) ?? "unknown"
        return name.replacing(/-\d+$/, with: "")
    }

    @Test func everyCardsBodyIsGoldenAndInert() async throws {
        let sent = try await Self.apply(CardsClub(drivers: 6, teamSize: 3, reserves: 2))
        #expect(sent.allSatisfy { $0.request.status == 200 }, "\(sent.filter { $0.request.status != 200 }.map { "\($0.request.route ?? "") \($0.request.status) \($0.request.errorCode ?? 0)" })")
        let byKind = Dictionary(grouping: sent) { Self.kind($0.request.body) }
        #expect(Set(byKind.keys) == ["signup", "entry-list", "strategy", "results", "statistics"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for (kind, requests) in byKind.sorted(by: { $0.key < $1.key }) {
            let document = JSONValue.array(requests.map { item in
                .object(["at": .string(item.at), "method": .string(item.request.method), "body": item.request.body ?? .null])
            })
            let text = String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
            try Self.checkGolden(text, file: "\(kind).json")
        }
        for item in sent {
            let body = try #require(item.request.body)
            // Cards ping nobody, and hostile names stay text: no bare mass mention or role mention.
            #expect(body["allowed_mentions"] == .object(["parse": .array([])]))
            // Markdown is parsed in content, descriptions and field values (titles, field names
            // and footers show raw text), so that is where club text must be escaped.
            var parsed = [body["content"]?.stringValue ?? ""]
            for embed in body["embeds"].map(Self.items) ?? [] {
                parsed.append(embed["description"]?.stringValue ?? "")
                parsed += embed["fields"].map(Self.items)?.compactMap { $0["value"]?.stringValue } ?? []
            }
            for text in parsed {
                #expect(!text.contains("@everyone") && !text.contains("@here"), "a mass mention is broken: \(text)")
                #expect(!text.contains("<@&"), "a role mention in club text is escaped: \(text)")
                #expect(!text.contains("**kerbs**") && !text.contains("\n#"), "markdown in notes is escaped: \(text)")
            }
        }
    }

    @Test func aHundredAndTwentyDriverEventStaysWithinEveryLimit() async throws {
        let club = CardsClub(drivers: 120, teamSize: 3, reserves: 30, longNames: true)
        let config = try ConfigLoader.load(sources: [
            SourceFile(path: "simlane.yaml", text: SeasonFixture.settings(club: "big", guild: 1_300_000_000_000_000_009)),
            SourceFile(path: "club.yaml", text: club.yaml)])
        for at in CardsClub.instants {
            for message in Compiler.compile(config, at: Date(iso: at)).desired.messages {
                #expect(message.content.count <= 2000)
                #expect(message.embeds.count <= 10)
                #expect(message.embeds.reduce(0) { $0 + $1.characterCount } <= Embed.Limit.total, "\(message.key) at \(at)")
                #expect(message.embeds.allSatisfy { $0 == $0.prepared }, "nothing is cut by Discord's limits: \(message.key)")
                #expect(message.components.count <= ActionRow.Limit.rows)
            }
        }
        let sent = try await Self.apply(club)
        #expect(sent.allSatisfy { $0.request.status == 200 }, "\(sent.filter { $0.request.status != 200 }.map { "\($0.request.route ?? "") \($0.request.errorCode ?? 0)" })")
        let kinds = sent.map { Self.kind($0.request.body) }
        #expect(kinds.filter { $0 == "entry-list" }.count >= 2, "150 names need more than one message")
        #expect(kinds.filter { $0 == "strategy" }.count == 40)
        #expect(kinds.contains("results") && kinds.contains("statistics"))
    }

    static func items(_ value: JSONValue) -> [JSONValue] {
        if case .array(let items) = value { return items }
        return []
    }

    static func checkGolden(_ actual: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = fixtures.appendingPathComponent(file)
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            if !record { Issue.record("golden cards/\(file) was missing; written, review and rerun", sourceLocation: sourceLocation) }
            return
        }
        #expect(expected == actual, "cards/\(file) differs (RECORD_GOLDEN=1 to re-record)", sourceLocation: sourceLocation)
    }
}
