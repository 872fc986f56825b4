import Foundation
import DiscordTypes

/// Names built from parts (series, event, team, kind, date) that fit Discord's limit.
///
/// When a name is longer than Discord allows (100 code points, `DiscordName`), the parts
/// that make it unique (team, kind, the date that tells same-named events apart, the
/// number of an overflow category) are kept whole and the long descriptive parts (series
/// and event names) are shortened from the end with an ellipsis, longest first. Only when
/// the identifying parts alone are too long are they shortened too, in the middle.
enum Naming {
    static let maxLength = DiscordName.maxLength
    static let ellipsis: Character = "…"

    /// What `{kind}` stands for in the naming pattern.
    enum Kind: String {
        case signup, practice, race
    }

    /// One piece of a name and how it may be shortened.
    struct Part: Equatable {
        enum Role { case literal, identifying, descriptive }
        var text: String
        var role: Role

        static func literal(_ text: String) -> Part { Part(text: text, role: .literal) }
        static func identifying(_ text: String) -> Part { Part(text: text, role: .identifying) }
        static func descriptive(_ text: String) -> Part { Part(text: text, role: .descriptive) }
    }

    /// An event's name as parts: its own name (descriptive) and the suffix that tells it
    /// apart from same-named events (identifying), e.g. `" 2026-12-05"`.
    struct EventName {
        var name: String
        var suffix: String
        var parts: [Part] { suffix.isEmpty ? [.descriptive(name)] : [.descriptive(name), .identifying(suffix)] }
        var full: String { name + suffix }
    }

    /// The pattern's placeholders filled with parts; literal text between them stays.
    static func parts(_ pattern: String, series: String, event: EventName, team: String?, kind: Kind) -> [Part] {
        var result: [Part] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { result.append(.literal(String(rest[..<open]))) }
            switch rest[rest.index(after: open)..<close] {
            case "series": result.append(.descriptive(series))
            case "event": result.append(contentsOf: event.parts)
            case "team": result.append(.identifying(team ?? ""))
            case "kind": result.append(.identifying(kind.rawValue))
            default: result.append(.literal(String(rest[open...close])))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { result.append(.literal(String(rest))) }
        return result
    }

    /// A text channel name as Discord stores it, at most 100 code points.
    static func textName(_ parts: [Part]) -> String {
        let name = fit(parts) { DiscordName.text($0) }
        return name.isEmpty ? "channel" : name
    }

    /// `textName` of a plain string.
    static func textName(_ raw: String) -> String { textName([.descriptive(raw)]) }

    /// A voice channel, category, role or thread name: single spaces, no dangling
    /// separators, at most 100 code points.
    static func displayName(_ parts: [Part]) -> String {
        let name = fit(parts, finish: clean)
        return name.isEmpty ? "channel" : name
    }

    /// `displayName` of a plain string (shortened from the end when too long).
    static func displayName(_ raw: String) -> String { displayName([.descriptive(raw)]) }

    /// Joins the parts and finishes the result; while it is too long, shortens the longest
    /// descriptive part (then the longest identifying one) by what is over.
    static func fit(_ parts: [Part], finish: (String) -> String) -> String {
        var texts = parts.map(\.text)
        var budgets = texts.map(DiscordName.length)
        var result = finish(texts.joined())
        while DiscordName.length(result) > maxLength {
            let over = DiscordName.length(result) - maxLength
            let candidates = { (role: Part.Role) in parts.indices.filter { parts[$0].role == role && budgets[$0] > 1 } }
            let pool = candidates(.descriptive).isEmpty ? candidates(.identifying) : candidates(.descriptive)
            guard let index = pool.max(by: { (budgets[$0], -$0) < (budgets[$1], -$1) }) else {
                return cut(result, to: maxLength)
            }
            budgets[index] = max(1, budgets[index] - over)
            texts[index] = parts[index].role == .descriptive
                ? shortened(parts[index].text, to: budgets[index])
                : shortenedInside(parts[index].text, to: budgets[index])
            result = finish(texts.joined())
        }
        return result
    }

    /// `text` cut to at most `limit` code points, whole characters, ending in `…`.
    static func shortened(_ text: String, to limit: Int) -> String {
        let separators: Set<Character> = [" ", "-", "·", "_", "|", "/", ",", ":"]
        var kept = Substring(cut(text, to: limit - 1))
        while let last = kept.last, separators.contains(last) { kept = kept.dropLast() }
        return kept + String(ellipsis)
    }

    /// An identifying part that is too long on its own keeps its start and its end (where
    /// numbers and suffixes that tell names apart usually are): `Team Team … Team 7`.
    static func shortenedInside(_ text: String, to limit: Int) -> String {
        let tailLimit = (limit - 1) / 3
        guard tailLimit > 0 else { return shortened(text, to: limit) }
        var tail = ""
        var count = 0
        for character in text.reversed() {
            count += character.unicodeScalars.count
            if count > tailLimit { break }
            tail.insert(character, at: tail.startIndex)
        }
        let head = cut(text, to: limit - 1 - DiscordName.length(tail))
        return head + String(ellipsis) + tail
    }

    /// The longest prefix of whole characters with at most `limit` code points.
    static func cut(_ text: String, to limit: Int) -> String {
        var count = 0
        var result = ""
        for character in text {
            count += character.unicodeScalars.count
            if count > limit { break }
            result.append(character)
        }
        return result
    }

    /// Single spaces and no dangling separators.
    static func clean(_ raw: String) -> String {
        if isClean(raw) { return raw }
        let words = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let separators: Set<Character> = [" ", "-", "·", "_", "|", "/"]
        var result = Substring(words)
        while let first = result.first, separators.contains(first) { result = result.dropFirst() }
        while let last = result.last, separators.contains(last) { result = result.dropLast() }
        var collapsed = ""
        for character in result {
            if character == " ", collapsed.hasSuffix(" ") { continue }
            collapsed.append(character)
        }
        return collapsed.replacingOccurrences(of: "- -", with: "-")
    }

    /// Already clean: common, so checked cheaply on UTF-8 before cleaning.
    private static func isClean(_ raw: String) -> Bool {
        let bytes = raw.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        let edges: Set<UInt8> = [0x20, 0x2D, 0x5F, 0x7C, 0x2F, 0xB7, 0xC2]
        if edges.contains(first) || edges.contains(last) { return false }
        var previousSpace = false
        for byte in bytes {
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                if byte < 0x20 || byte == 0x7F { return false }
                previousSpace = false
            }
        }
        return !raw.contains("- -") && !raw.contains("· ·")
    }
}
