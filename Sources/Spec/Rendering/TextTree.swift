import DiscordTypes
import Foundation

/// The human tree view of a layout, in the spirit of the seed's diagrams.
struct TextTree {
    let compiled: CompiledGuild
    let names: [Snowflake: String]
    private var desired: DesiredGuild { compiled.desired }
    /// Indexes built once, so rendering stays linear in the layout's size.
    private let messagesIn: [ResourceKey: [DesiredMessage]]
    private let threadsIn: [ResourceKey: [DesiredThread]]
    private let channelsIn: [ResourceKey: [DesiredChannel]]
    private let roleNames: [ResourceKey: String]

    init(compiled: CompiledGuild, names: [Snowflake: String]) {
        self.compiled = compiled
        self.names = names
        let desired = compiled.desired
        messagesIn = Dictionary(grouping: desired.messages, by: \.channel)
        threadsIn = Dictionary(grouping: desired.threads, by: \.parent)
        var channels: [ResourceKey: [DesiredChannel]] = [:]
        for channel in desired.channels { if let parent = channel.parent { channels[parent, default: []].append(channel) } }
        channelsIn = channels
        var roles: [ResourceKey: String] = [:]
        for role in desired.roles where roles[role.key] == nil { roles[role.key] = role.name }
        roleNames = roles
    }

    func render(at: Date, title: String) -> String {
        var lines: [String] = []
        let heading = title.isEmpty ? "Guild \(desired.guildID)" : "\(title) (guild \(desired.guildID))"
        lines.append("\(heading) at \(ValueParsers.timestampText(at))")
        if let next = compiled.nextTransition {
            lines.append("Next change: \(ValueParsers.timestampText(next)): \(compiled.nextTransitionReason ?? "")")
        } else {
            lines.append("Next change: none scheduled")
        }
        lines.append("")
        let channelCount = desired.channels.count
        // An archived thread is never created (Discord would hold it archived), only kept
        // archived and locked where it exists; the tree lists what `plan` may create.
        let archivedThreads = desired.threads.filter(\.archived).count
        let kept = archivedThreads == 0 ? "" : "; \(archivedThreads) archived threads kept and locked where they exist"
        lines.append("Channels (\(channelCount) of 500, \(desired.threads.count - archivedThreads) threads\(kept))")
        let topLevel = desired.channels.filter { $0.parent == nil }
        if topLevel.isEmpty { lines.append("  (none)") }
        for (index, channel) in topLevel.enumerated() {
            lines += node(channel, prefix: "", last: index == topLevel.count - 1)
        }
        lines.append("")
        lines.append("Roles (\(desired.roles.count) managed)")
        if desired.roles.isEmpty { lines.append("  (none)") }
        for (index, role) in desired.roles.enumerated() {
            let branch = index == desired.roles.count - 1 ? "└─ " : "├─ "
            lines.append("\(branch)@\(role.name)  \(people(role.members))  [\(role.key)]")
        }
        if !desired.scheduledEvents.isEmpty {
            lines.append("")
            lines.append("Scheduled events (\(desired.scheduledEvents.count) in the server's Events list)")
            for (index, event) in desired.scheduledEvents.enumerated() {
                let branch = index == desired.scheduledEvents.count - 1 ? "└─ " : "├─ "
                let start = ValueParsers.timestampText(event.start), end = ValueParsers.timestampText(event.end)
                lines.append("\(branch)\(event.name)  \(event.status) · \(start) → \(end) · \(event.location)  [\(event.key)]")
            }
        }
        if !desired.retired.isEmpty {
            lines.append("")
            lines.append("Retired (deleted if managed): \(desired.retired.count)")
            for (index, key) in desired.retired.enumerated() {
                lines.append((index == desired.retired.count - 1 ? "└─ " : "├─ ") + key.rawValue)
            }
        }
        lines.append("")
        lines.append(policyLine)
        return lines.joined(separator: "\n") + "\n"
    }

    private var policyLine: String {
        let policy = desired.policy
        let protect = policy.protect.isEmpty ? "nothing" : policy.protect.map { rule in
            "\(rule.kind.rawValue) \(rule.id.map(\.description) ?? rule.name ?? "?")"
        }.joined(separator: ", ")
        let orphans = policy.orphans
        return """
            Policy: protect \(protect); orphans: text \(orphans.textChannels.rawValue), voice \(orphans.voiceChannels.rawValue), \
            categories \(orphans.categories.rawValue), roles \(orphans.roles.rawValue), threads \(orphans.threads.rawValue), \
            messages \(orphans.messages.rawValue); max destroy \(Int((policy.maxDestroyFraction * 100).rounded()))%; \
            admin roles \(policy.adminRoles.isEmpty ? "none" : policy.adminRoles.map(\.description).joined(separator: ", "))
            """
    }

    private func people(_ ids: [Snowflake]) -> String {
        if ids.isEmpty { return "(no linked members)" }
        let list = ids.map { names[$0] ?? $0.description }.joined(separator: ", ")
        return "(\(ids.count) member\(ids.count == 1 ? "" : "s"): \(list))"
    }

    private func node(_ channel: DesiredChannel, prefix: String, last: Bool) -> [String] {
        let branch = prefix + (last ? "└─ " : "├─ ")
        let inner = prefix + (last ? "   " : "│  ")
        var lines: [String] = []
        switch channel.kind {
        case .category:
            lines.append("\(branch)[\(channel.name)]  [\(channel.key)]")
        case .text:
            lines.append("\(branch)#\(channel.name)  \(access(channel))  [\(channel.key)]")
        case .voice:
            lines.append("\(branch)🔊 \(channel.name)  \(access(channel))  [\(channel.key)]")
        }
        var children: [[String]] = []
        if let topic = channel.topic { children.append(["topic: \(topic)"]) }
        for message in messagesIn[channel.key] ?? [] {
            children.append([messageLine(message)])
        }
        for thread in threadsIn[channel.key] ?? [] where !thread.archived {
            var block = ["🧵 \(thread.name)  \(thread.isPrivate ? "private" : "public")\(thread.archived ? ", archived" : "")\(thread.locked ? ", locked" : "")  \(people(thread.members))  [\(thread.key)]"]
            for message in messagesIn[thread.key] ?? [] {
                block.append("  " + messageLine(message))
            }
            children.append(block)
        }
        let subchannels = channelsIn[channel.key] ?? []
        for (index, block) in children.enumerated() {
            let isLast = index == children.count - 1 && subchannels.isEmpty
            lines.append(inner + (isLast ? "└─ " : "├─ ") + block[0])
            for line in block.dropFirst() { lines.append(inner + (isLast ? "   " : "│  ") + line) }
        }
        for (index, child) in subchannels.enumerated() {
            lines += node(child, prefix: inner, last: index == subchannels.count - 1)
        }
        return lines
    }

    private func messageLine(_ message: DesiredMessage) -> String {
        let marker = message.family.announcement != nil ? ">> " : message.pinned ? "📌 " : "✉ "
        let embed = message.embeds.first.flatMap(\.title).map { "  {embed: \($0)}" } ?? ""
        let pings = message.family.announcement == nil ? ""
            : "  (pings " + (message.pings.isEmpty ? "nobody" : message.pings.map { names[$0] ?? "user \($0)" }.joined(separator: ", ")) + ")"
        return marker + message.content + embed + pings + "  [\(message.key)]"
    }

    /// Who may see or join the channel, from its overwrites.
    private func access(_ channel: DesiredChannel) -> String {
        if channel.overwrites.isEmpty {
            return channel.kind == .voice ? "(everyone may join)" : "(public)"
        }
        var parts: [String] = []
        for overwrite in channel.overwrites {
            let who: String
            switch overwrite.target {
            case .everyone: who = "@everyone"
            case .managedRole(let key): who = "@" + (roleNames[key] ?? key.rawValue)
            case .role(let id): who = "role \(id)"
            case .member(let id): who = names[id] ?? "user \(id)"
            }
            var rule = who
            if !overwrite.allow.isEmpty { rule += " +" + overwrite.allow.names.joined(separator: ",") }
            if !overwrite.deny.isEmpty { rule += " -" + overwrite.deny.names.joined(separator: ",") }
            parts.append(rule)
        }
        return "(" + parts.joined(separator: "; ") + ")"
    }
}
