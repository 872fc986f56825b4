@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Embeds and content: what Discord stores and returns, and what it refuses
/// [resources/message.mdx: Create Message limitations, JSON/Form Params, Embed Limits].
@Suite("Embeds")
struct EmbedTests {
    static let card: JSONValue = .object([
        "type": .string("article"), "title": .string("  Spa 6h  "), "description": .string("Sign up\n"),
        "color": .int(0xFF0000), "timestamp": .string("2026-12-05T18:00:00+01:00"),
        "footer": .object(["text": .string(" Apex "), "proxy_icon_url": .string("https://x.invalid/p")]),
        "provider": .object(["name": .string("p")]), "video": .object(["url": .string("https://x.invalid/v")]),
        "fields": .array([
            .object(["name": .string("Class "), "value": .string(" GT3")]),
            .object(["name": .string("Slots"), "value": .string("12"), "inline": .bool(true)]),
        ]),
    ])

    static let stored: JSONValue = .object([
        "type": .string("rich"), "title": .string("Spa 6h"), "description": .string("Sign up"),
        "color": .int(0xFF0000), "timestamp": .string("2026-12-05T17:00:00+00:00"),
        "footer": .object(["text": .string("Apex")]),
        "fields": .array([
            .object(["name": .string("Class"), "value": .string("GT3"), "inline": .bool(false)]),
            .object(["name": .string("Slots"), "value": .string("12"), "inline": .bool(true)]),
        ]),
    ])

    func textChannel(_ h: Harness) async throws -> Snowflake { try #require(await h.channel("signups")) }

    // message.mdx: `type` "will be rich regardless", provider/video cannot be set; Embed
    // Limits: "Leading and trailing whitespace characters are ... trimmed automatically".
    @Test func embedsAreStoredNormalisedAndReturnedSoOnEveryRead() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let posted = await h.post(channel, .object(["embeds": .array([Self.card])]))
        #expect(posted.status == 200)
        #expect(posted.json?["embeds"] == .array([Self.stored]))
        let id = try #require(posted.id)
        #expect(await h.send("GET", "/channels/\(channel)/messages/\(id)").json?["embeds"] == .array([Self.stored]))
        #expect(await h.send("GET", "/channels/\(channel)/messages").json?.arrayValue?.first?["embeds"] == .array([Self.stored]))
        let edited = await h.send("PATCH", "/channels/\(channel)/messages/\(id)", .object(["embeds": .array([Self.card])]))
        #expect(edited.json?["embeds"] == .array([Self.stored]))
        #expect(EmulatorNormalization.embed(Self.stored) == Self.stored)
    }

    @Test(arguments: [
        ("2026-12-05T17:00:00Z", "2026-12-05T17:00:00+00:00"),
        ("2026-12-05T17:00:00+00:00", "2026-12-05T17:00:00+00:00"),
        ("2026-12-05T19:30:00+02:30", "2026-12-05T17:00:00+00:00"),
        ("2026-12-05T17:00:00.250Z", "2026-12-05T17:00:00.250000+00:00"),
    ])
    func embedTimestampsAreInstantsInDiscordsForm(sent: String, returned: String) async throws {
        #expect(EmulatorNormalization.timestamp(sent) == returned)
        let h = await Harness()
        let channel = try await textChannel(h)
        let posted = await h.post(channel, .object(["embeds": .array([.object(["title": .string("t"), "timestamp": .string(sent)])])]))
        #expect(posted.json?["embeds"]?.arrayValue?.first?["timestamp"] == .string(returned))
    }

    @Test func anUnparseableTimestampIsRefused() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let posted = await h.post(channel, .object(["embeds": .array([.object(["title": .string("t"), "timestamp": .string("5 Dec")])])]))
        #expect(posted.code == 50035)
        #expect(posted.formError("embeds.0.timestamp") == "DATE_TYPE_PARSE")
    }

    @Test(arguments: [("name", ""), ("name", "   "), ("value", ""), ("value", " \n ")])
    func aBlankFieldNameOrValueIsRefusedWithItsPath(key: String, text: String) async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        var bad: [String: JSONValue] = ["name": .string("n"), "value": .string("v")]
        bad[key] = .string(text)
        let posted = await h.post(channel, .object(["embeds": .array([.object(["fields": .array([
            .object(["name": .string("ok"), "value": .string("ok")]), .object(bad),
        ])])])]))
        #expect(posted.status == 400)
        #expect(posted.code == 50035)
        #expect(posted.formError("embeds.0.fields.1.\(key)") == "BASE_TYPE_REQUIRED")
        #expect(posted.formError("embeds.0.fields.0.name") == nil)
    }

    @Test func aMissingFieldValueFooterTextOrAuthorNameIsRequired() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let posted = await h.post(channel, .object(["embeds": .array([.object([
            "fields": .array([.object(["name": .string("n")])]),
            "footer": .object(["text": .string("  ")]), "author": .object(["url": .string("https://x.invalid")]),
        ])])]))
        #expect(posted.formError("embeds.0.fields.0.value") == "BASE_TYPE_REQUIRED")
        #expect(posted.formError("embeds.0.footer.text") == "BASE_TYPE_REQUIRED")
        #expect(posted.formError("embeds.0.author.name") == "BASE_TYPE_REQUIRED")
    }

    @Test func aColourAboveFFFFFFIsRefused() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let over = await h.post(channel, .object(["embeds": .array([.object(["title": .string("t"), "color": .int(0x1000000)])])]))
        #expect(over.code == 50035)
        #expect(over.formError("embeds.0.color") == "NUMBER_TYPE_MAX")
        let max = await h.post(channel, .object(["embeds": .array([.object(["title": .string("t"), "color": .int(0xFFFFFF)])])]))
        #expect(max.json?["embeds"]?.arrayValue?.first?["color"] == .int(0xFFFFFF))
    }

    // Embed Limits: title 256, description 4096, field name 256 / value 1024, footer 2048,
    // author name 256, measured on trimmed text; the emulator counts code points.
    @Test func embedLimitsCountTrimmedTextInCodePoints() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let padded = "   " + String(repeating: "é", count: 256) + "   "
        #expect(await h.post(channel, .object(["embeds": .array([.object(["title": .string(padded)])])])).status == 200)
        let flags = String(repeating: "🇩🇪", count: 129)  // 129 characters, 258 code points
        let long = await h.post(channel, .object(["embeds": .array([.object([
            "title": .string(flags), "description": .string(String(repeating: "d", count: 4097)),
            "footer": .object(["text": .string(String(repeating: "f", count: 2049))]),
            "author": .object(["name": .string(String(repeating: "a", count: 257))]),
            "fields": .array([.object(["name": .string(String(repeating: "n", count: 257)),
                                       "value": .string(String(repeating: "v", count: 1025))])]),
        ])])]))
        #expect(long.code == 50035)
        for path in ["embeds.0.title", "embeds.0.description", "embeds.0.footer.text", "embeds.0.author.name",
                     "embeds.0.fields.0.name", "embeds.0.fields.0.value"] {
            #expect(long.formError(path) == "BASE_TYPE_MAX_LENGTH", "\(path)")
        }
    }

    // Embed Limits: "the combined sum of characters ... across all embeds ... must not exceed 6000".
    @Test func theSixThousandTotalCountsTrimmedTextAcrossEmbeds() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let big: JSONValue = .object(["description": .string(String(repeating: "x", count: 3000) + "      ")])
        #expect(await h.post(channel, .object(["embeds": .array([big, big])])).status == 200)
        let over = await h.post(channel, .object(["embeds": .array([big, big, .object(["title": .string("!")])])]))
        #expect(over.code == 50035)
        #expect(over.formError("embeds") == "MAX_EMBED_SIZE_EXCEEDED")
    }

    @Test func atMostTenEmbedsAndTwentyFiveFields() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        let one: JSONValue = .object(["title": .string("t")])
        #expect(await h.post(channel, .object(["embeds": .array(Array(repeating: one, count: 10))])).status == 200)
        #expect(await h.post(channel, .object(["embeds": .array(Array(repeating: one, count: 11))])).formError("embeds") == "BASE_TYPE_MAX_LENGTH")
        let field: JSONValue = .object(["name": .string("n"), "value": .string("v")])
        let fields = await h.post(channel, .object(["embeds": .array([.object(["fields": .array(Array(repeating: field, count: 26))])])]))
        #expect(fields.formError("embeds.0.fields") == "BASE_TYPE_MAX_LENGTH")
    }

    // Create Message: content up to 2000 characters (code points in the emulator).
    @Test func contentIsAtMost2000CodePoints() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        #expect(await h.post(channel, .object(["content": .string(String(repeating: "🇩🇪", count: 1000))])).status == 200)
        let over = await h.post(channel, .object(["content": .string(String(repeating: "🇩🇪", count: 1001))]))
        #expect(over.formError("content") == "BASE_TYPE_MAX_LENGTH")
    }

    // Create Message: "At least one of content, embeds, sticker_ids, components, files[n],
    // poll ... is required"; blank content counts as none (the emulator's stricter choice).
    @Test func aMessageNeedsContentOrEmbeds() async throws {
        let h = await Harness()
        let channel = try await textChannel(h)
        #expect(await h.post(channel, .object([:])).code == 50006)
        #expect(await h.post(channel, .object(["content": .string("  \n")])).code == 50006)
        #expect(await h.post(channel, .object(["embeds": .array([])])).code == 50006)
        let posted = try #require(await h.post(channel, .object(["content": .string("x")])).id)
        #expect(await h.send("PATCH", "/channels/\(channel)/messages/\(posted)", .object(["content": .string(" ")])).code == 50006)
    }
}
