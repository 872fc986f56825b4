import DiscordTypes
import Spec

extension DiffRun {
    /// Messages last among the creates: their channel or thread exists by then. Messages
    /// in a thread that stays archived are left alone (Discord refuses posts there).
    mutating func planMessages() {
        let archivedThreads = Set(desired.threads.filter(\.archived).map(\.key))
        for message in desired.messages where message.family == .card {
            guard !archivedThreads.contains(message.channel) else { continue }
            guard let channel = refs[message.channel] else {
                warn(message.key, "channel \(message.channel) is not a desired channel or thread; message skipped")
                continue
            }
            planMessage(message, channel: channel, after: latest[message.channel].map { [$0] } ?? [])
        }
    }

    /// `after`: the latest change to the message's channel (an unarchive, a move).
    private mutating func planMessage(_ message: DesiredMessage, channel: Ref, after: [Int]) {
        let key = message.key
        let name = key.rawValue.split(separator: "/").last.map(String.init) ?? key.rawValue
        let hash = AppliedHash.of(message)
        var reason: String?
        var moved: Message?
        if ownership[key] == nil, let adopted = adoptMessage(message, channel: channel, name: name) {
            let before = changes.count
            updateMessage(message, adopted.message, name: name, hash: hash, after: after + [adopted.index])
            if changes.count == before { setAdoptHash(adopted.index, hash) }
            return
        }
        if let entry = ownership[key] {
            if let current = snapshot.messages[entry.id] {
                if let channelID = channel.existingID, current.channelID == channelID {
                    updateMessage(message, current, name: name, hash: hash, after: after)
                    return
                }
                moved = current
                reason = "moved to another channel"
            } else {
                reason = "deleted out of band"
            }
        }
        var fields = [FieldChange(name: "content", old: nil, new: message.content, isText: true)]
        if !message.embeds.isEmpty {
            fields.append(FieldChange(name: "embeds", old: nil, new: embedSummary(message.embeds)))
        }
        if !message.components.isEmpty {
            fields.append(FieldChange(name: "buttons", old: nil, new: buttonSummary(message.components)))
        }
        let post = add(.post, .message, key: key, name: name, group: message.group, fields: fields,
                       operation: .postMessage(channel: channel, content: message.content, embeds: message.embeds,
                                               components: message.components),
                       ownership: .record(key: key, kind: .message, id: nil, appliedHash: hash),
                       reason: reason, after: after)
        if message.pinned {
            add(.pin, .message, key: key, name: name, group: message.group,
                fields: [FieldChange(name: "pinned", old: "false", new: "true")],
                operation: .pinMessage(channel: channel, message: .created(key)), after: [post])
        }
        if let moved {
            add(.delete, .message, key: key, name: name, group: message.group,
                operation: .deleteMessage(channel: moved.channelID, message: moved.id),
                reason: "replaced by the message above", after: [post])
        }
    }

    /// With no state for `message` (a lost or new state store), the bot's own unowned message
    /// in its channel that carries the message's marker is adopted: not posted again, and
    /// edited only where it differs. Candidates are the snapshot's unowned bot messages.
    private mutating func adoptMessage(
        _ message: DesiredMessage, channel: Ref, name: String
    ) -> (message: Message, index: Int)? {
        guard options.adopt, let marker = message.marker, let channelID = channel.existingID,
              let candidate = live.messageCandidates[channelID]?.first(where: {
                  !claimed.contains($0.id) && marker.matches($0)
              }) else { return nil }
        claimed.insert(candidate.id)
        let index = add(
            .adopt, .message, key: message.key, name: name, group: message.group,
            operation: .adopt(key: message.key, id: candidate.id, kind: .message, channel: channelID),
            ownership: .record(key: message.key, kind: .message, id: candidate.id, appliedHash: nil),
            reason: "the bot's message \(candidate.id) in this channel carries its marker")
        return (candidate, index)
    }

    private mutating func updateMessage(
        _ message: DesiredMessage, _ current: Message, name: String, hash: String, after: [Int]
    ) {
        var fields: [FieldChange] = []
        if current.content != message.content {
            fields.append(FieldChange(name: "content", old: current.content, new: message.content, isText: true))
        }
        // Compared as Discord stores them: trimmed text, `inline` false, timestamps as instants.
        if !Embed.equivalent(current.embeds, message.embeds) {
            let old = embedSummary(current.embeds), new = embedSummary(message.embeds)
            fields.append(FieldChange(name: "embeds", old: old, new: old == new ? new + " (content changed)" : new))
        }
        // A held message waits only while nothing but its embeds changed: its content (a
        // card's status line) and its buttons are shown at once (`heldMessageEdits`).
        let embedsOnly = fields.count == 1 && fields[0].name == "embeds"
        if !ActionRow.equivalent(current.components, message.components) {
            fields.append(FieldChange(name: "buttons", old: buttonSummary(current.components),
                                      new: buttonSummary(message.components)))
        }
        let held = options.heldMessageEdits.contains(message.key) && embedsOnly
            && ActionRow.equivalent(current.components, message.components)
        if !fields.isEmpty, !held {
            add(.edit, .message, key: message.key, name: name, group: message.group, fields: fields,
                operation: .editMessage(channel: current.channelID, message: current.id,
                                        content: message.content, embeds: message.embeds,
                                        components: message.components),
                ownership: .record(key: message.key, kind: .message, id: current.id, appliedHash: hash),
                after: after)
        }
        if current.pinned != message.pinned {
            let channel = Ref.existing(current.channelID)
            add(.pin, .message, key: message.key, name: name, group: message.group,
                fields: [FieldChange(name: "pinned", old: Display.flag(current.pinned), new: Display.flag(message.pinned))],
                operation: message.pinned
                    ? .pinMessage(channel: channel, message: .existing(current.id))
                    : .unpinMessage(channel: current.channelID, message: current.id),
                ownership: .record(key: message.key, kind: .message, id: current.id, appliedHash: hash),
                after: after)
        }
    }

    /// `"Sign up" -> https://…`, one per button; `none` without buttons.
    private func buttonSummary(_ rows: [ActionRow]) -> String {
        let buttons = rows.flatMap(\.components).map { "\"\($0.label ?? "")\"" + ($0.url.map { " -> \($0)" } ?? "") }
        return buttons.isEmpty ? "none" : buttons.joined(separator: ", ")
    }

    /// `2 embeds: "Spa 6h", "Lineup"`.
    private func embedSummary(_ embeds: [Embed]) -> String {
        if embeds.isEmpty { return "none" }
        let titles = embeds.map { "\"\($0.title ?? "untitled")\"" }.joined(separator: ", ")
        return "\(embeds.count) embed\(embeds.count == 1 ? "" : "s"): \(titles)"
    }
}
