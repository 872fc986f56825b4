import DiscordTypes
import Foundation
import Testing

/// User-supplied text placed in a message shows literally and cannot ping anyone.
@Suite struct DiscordMarkdownTests {
    @Test func massMentionsAreBrokenSoTheyCannotPing() {
        let escaped = DiscordMarkdown.escape("@everyone and @here")
        #expect(!escaped.contains("@everyone"))
        #expect(!escaped.contains("@here"))
        #expect(escaped == "@\u{200B}everyone and @\u{200B}here")
    }

    @Test func mentionMarkupIsShownLiterally() {
        #expect(DiscordMarkdown.escape("<@&123>") == "\\<@\u{200B}&123\\>")
        #expect(DiscordMarkdown.escape("<#42> <t:1:R>") == "\\<#42\\> \\<t:1:R\\>")
    }

    @Test func formattingCannotLeakIntoTheSurroundingMessage() {
        #expect(DiscordMarkdown.escape("**Team** _x_ ~~y~~ `z` ||s|| [a](b)")
            == "\\*\\*Team\\*\\* \\_x\\_ \\~\\~y\\~\\~ \\`z\\` \\|\\|s\\|\\| \\[a\\](b)")
        #expect(DiscordMarkdown.escape("back\\slash") == "back\\\\slash")
    }

    @Test func lineStartMarkupIsEscapedOnlyAtALineStart() {
        #expect(DiscordMarkdown.escape("# Big") == "\\# Big")
        #expect(DiscordMarkdown.escape("Team #1 - fast") == "Team #1 - fast")
        #expect(DiscordMarkdown.escapeLines("notes\n- box lap 12\n  # fuel") == "notes\n\\- box lap 12\n  \\# fuel")
    }

    @Test func escapeKeepsOneLine() {
        #expect(DiscordMarkdown.escape("two\nlines\r\nhere") == "two lines here")
    }

    @Test func plainTextIsUnchanged() {
        #expect(DiscordMarkdown.escape("Apex Endurance Spa 24h") == "Apex Endurance Spa 24h")
    }

    @Test func mentionsAndTimestampsUseDiscordsMarkup() {
        #expect(DiscordMarkdown.userMention(Snowflake(42)) == "<@42>")
        let date = Date(timeIntervalSince1970: 1_800_000_000.9)
        #expect(DiscordMarkdown.timestamp(date, .relative) == "<t:1800000000:R>")
        #expect(DiscordMarkdown.timestamp(date, .longDateTime) == "<t:1800000000:F>")
    }
}
