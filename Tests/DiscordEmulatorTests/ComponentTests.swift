@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Message components: what Discord accepts on a classic message and how it returns them
/// [components/reference.mdx "Action Row", "Button"; OpenAPI `ButtonComponentForMessageRequest`].
@Suite("Components")
struct ComponentTests {
    static func row(_ buttons: [JSONValue]) -> JSONValue {
        .object(["type": .int(1), "components": .array(buttons)])
    }

    static func link(_ label: String = "Sign up", url: String = "https://simlane.example/signup") -> JSONValue {
        .object(["type": .int(2), "style": .int(5), "label": .string(label), "url": .string(url)])
    }

    func textChannel(_ h: Harness) async throws -> Snowflake { try #require(await h.channel("signups")) }

    @Test func aLinkButtonIsStoredWithIDsAndEditedInPlace() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let posted = await h.post(channel, .object(["content": .string("card"), "components": .array([Self.row([Self.link()])])]))
        #expect(posted.status == 200)
        let rows = try #require(posted.json?["components"]?.arrayValue)
        #expect(rows.first?["id"] == .int(1))
        #expect(rows.first?["components"]?.arrayValue?.first?["id"] == .int(2))
        #expect(rows.first?["components"]?.arrayValue?.first?["url"] == .string("https://simlane.example/signup"))
        let id = try #require(posted.id)
        let edited = await h.send("PATCH", "/channels/\(channel)/messages/\(id)",
                                  .object(["components": .array([Self.row([Self.link("Results", url: "https://r.example/x")])])]))
        #expect(edited.json?["components"]?.arrayValue?.first?["components"]?.arrayValue?.first?["label"] == .string("Results"))
        let cleared = await h.send("PATCH", "/channels/\(channel)/messages/\(id)", .object(["components": .array([])]))
        #expect(cleared.json?["components"] == .array([]))
        // The product's wire type reads what the emulator returns, Discord's `id`s aside.
        let decoded = try JSONDecoder().decode(Message.self, from: JSONEncoder().encode(posted.json))
        #expect(decoded.components == [ActionRow([.link(label: "Sign up", url: "https://simlane.example/signup")])])
    }

    @Test func aButtonAloneIsAMessage() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        #expect(await h.post(channel, .object(["components": .array([Self.row([Self.link()])])])).status == 200)
    }

    @Test(arguments: [
        // A link button needs a url, and cannot carry a custom id.
        (JSONValue.object(["type": .int(2), "style": .int(5), "label": .string("x")]), "components.0.components.0.url"),
        (.object(["type": .int(2), "style": .int(5), "label": .string("x"), "url": .string("https://a.example"),
                  "custom_id": .string("c")]), "components.0.components.0.custom_id"),
        (.object(["type": .int(2), "style": .int(5), "label": .string("x"), "url": .string("javascript:alert(1)")]),
         "components.0.components.0.url"),
        // Other styles need a custom id and no url.
        (.object(["type": .int(2), "style": .int(1), "label": .string("x")]), "components.0.components.0.custom_id"),
        (.object(["type": .int(2), "style": .int(7), "label": .string("x")]), "components.0.components.0.style"),
        (.object(["type": .int(2), "style": .int(5), "label": .string(String(repeating: "a", count: 81)),
                  "url": .string("https://a.example")]), "components.0.components.0.label"),
        (.object(["type": .int(2), "style": .int(5), "url": .string("https://a.example")]), "components.0.components.0.label"),
        (.object(["type": .int(3), "custom_id": .string("menu")]), "components.0.components.0.type"),
    ])
    func anInvalidButtonIsRefusedWithItsPath(button: JSONValue, path: String) async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let posted = await h.post(channel, .object(["content": .string("x"), "components": .array([Self.row([button])])]))
        #expect(posted.code == 50035)
        #expect(posted.formError(path) != nil)
    }

    @Test func rowsAndButtonsPerRowAreLimited() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let six = Array(repeating: Self.link(), count: 6)
        #expect(await h.post(channel, .object(["components": .array([Self.row(six)])])).formError("components.0.components") != nil)
        #expect(await h.post(channel, .object(["components": .array([Self.row([])])])).formError("components.0.components") != nil)
        let rows = Array(repeating: Self.row([Self.link()]), count: 6)
        #expect(await h.post(channel, .object(["components": .array(rows)])).formError("components") != nil)
        let top = JSONValue.object(["type": .int(2), "style": .int(5), "label": .string("x"), "url": .string("https://a.example")])
        #expect(await h.post(channel, .object(["components": .array([top])])).formError("components.0.type") != nil)
        #expect(await h.post(channel, .object(["components": .array(Array(rows.prefix(5)))])).status == 200)
    }
}
