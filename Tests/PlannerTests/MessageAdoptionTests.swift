import DiscordTypes
import Planner
import Spec
import Testing

/// With a lost state store, the bot's own messages are adopted by their marker (DiffRun+Messages),
/// not posted again; anything else in the channel is never taken.
@Suite struct MessageAdoptionTests {
    typealias F = ClubFixture
    static let footer = "simlane · \(F.signupMessage.rawValue)"

    /// The fixture's signup card carrying its marker.
    var desired: DesiredGuild {
        var desired = F.desired
        let i = desired.messages.firstIndex { $0.key == F.signupMessage }!
        desired.messages[i].embeds[0].footer = Embed.Footer(text: Self.footer)
        desired.messages[i].marker = .embedFooter(text: Self.footer)
        return desired
    }

    /// The converged guild seen with an empty state store; the card written by `author`.
    func lostState(author: Snowflake = F.bot, _ edit: (inout Message) -> Void = { _ in }) throws -> (GuildSnapshot, Message) {
        var (snapshot, ownership) = try F.converged(desired)
        let id = try #require(ownership[F.signupMessage]?.id)
        snapshot.messages[id]?.author = User(id: author, username: "someone")
        edit(&snapshot.messages[id]!)
        return (snapshot, snapshot.messages[id]!)
    }

    func messageChanges(_ plan: Plan) -> [Change] { plan.changes.filter { $0.kind == .message } }

    @Test func theBotsMarkedMessageIsAdoptedNotPosted() throws {
        let (snapshot, card) = try lostState()
        let plan = try F.diff(desired, snapshot)
        #expect(messageChanges(plan).map(\.action) == [.adopt])
        #expect(messageChanges(plan).first?.operation
            == .adopt(key: F.signupMessage, id: card.id, kind: .message, channel: card.channelID))
        #expect(!plan.changes.contains { if case .postMessage = $0.operation { true } else { false } })
    }

    @Test func anAdoptedMessageThatDiffersIsEditedAfterTheAdopt() throws {
        let (snapshot, card) = try lostState { $0.content = "Signups are closed." }
        let plan = try F.diff(desired, snapshot)
        let changes = messageChanges(plan)
        #expect(changes.map(\.action) == [.adopt, .edit])
        guard changes.count == 2, case .editMessage(_, let id, _, _, _) = changes[1].operation else { return }
        #expect(id == card.id)
        #expect(changes[1].dependencies.contains(changes[0].index))
    }

    @Test func aMarkedMessageSomeoneElseWroteIsNotAdopted() throws {
        let (snapshot, _) = try lostState(author: F.alice)
        let plan = try F.diff(desired, snapshot)
        #expect(messageChanges(plan).map(\.action) == [.post, .pin])
    }

    @Test func theBotsMessageWithoutTheMarkerIsNotAdopted() throws {
        let (snapshot, _) = try lostState { $0.embeds[0].footer = Embed.Footer(text: "simlane · another/key") }
        let plan = try F.diff(desired, snapshot)
        #expect(messageChanges(plan).map(\.action) == [.post, .pin])
    }

    @Test func aContentPrefixMarksAContentOnlyMessage() {
        let marker = MessageMarker.contentPrefix(prefix: "Stint 1 for ")
        #expect(marker.matches(Message(id: 1, channelID: 2, content: "Stint 1 for Red: Ann drives")))
        #expect(!marker.matches(Message(id: 1, channelID: 2, content: "Stint 11 for Red: Ann drives")))
    }
}
