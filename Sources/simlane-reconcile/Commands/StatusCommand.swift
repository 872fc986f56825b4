import ArgumentParser
import Foundation
import Reconciler

/// `simlane-reconcile status`: what the daemon is doing, per club, from its status file.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the daemon's status: per club, last run, outcome, changes, next wake and why."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "The daemon's status file (default: .simlane/daemon-status.json next to the config).")
    var statusFile: String?

    @Flag(name: .long, help: "Print the status file's JSON.")
    var json = false

    func run() async throws {
        let path = statusFile ?? StatusFile.defaultPath(forConfig: configOption.config)
        guard FileManager.default.fileExists(atPath: path) else {
            throw DaemonCommandError.fail("\(path): no status file; start the daemon with `simlane-reconcile run --config \(configOption.config)` (or pass --status-file)")
        }
        let status: DaemonStatus
        do {
            status = try StatusFile(path: path).read()
        } catch {
            throw DaemonCommandError.fail("\(path): not a daemon status file (\(error.localizedDescription))")
        }
        if json {
            print(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
            return
        }
        print(StatusRendering.render(status, now: Date(), alive: Self.isAlive(status.pid)))
    }

    /// Whether a process with this id exists (the daemon that wrote the file).
    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

/// The human view of a `DaemonStatus`: a header, counters, and a table of clubs.
enum StatusRendering {
    static func render(_ status: DaemonStatus, now: Date, alive: Bool) -> String {
        var lines: [String] = []
        var state = status.state.rawValue
        if !alive && [.running, .starting, .stopping].contains(status.state) {
            state = "not running (the daemon that wrote this file, pid \(status.pid), is gone)"
        } else {
            state += " (pid \(status.pid))"
        }
        lines.append("Daemon: \(state)")
        lines.append("Started \(stamp(status.startedAt)), updated \(stamp(status.updatedAt)) (\(ago(status.updatedAt, now: now)))")
        if let error = status.error { lines.append("Error: \(error)") }
        let c = status.counters
        lines.append("Counters: \(c.requests) requests, \(c.rateLimited) rate limited (429), \(c.changesApplied) changes applied, \(c.changesFailed) failed, \(c.passes) passes (\(c.failedPasses) failed)")
        lines.append("")
        let header = ["CLUB", "LAST RUN", "OUTCOME", "CHANGES", "NEXT WAKE", "WHY"]
        var rows = [header]
        for club in status.clubs {
            rows.append([
                club.id,
                club.lastRunAt.map(stamp) ?? "never",
                club.running ? "running" : club.outcome.rawValue,
                "\(club.changesApplied)" + (club.changesFailed > 0 ? " (\(club.changesFailed) failed)" : ""),
                club.nextWake.map(stamp) ?? "-",
                club.nextWakeReason,
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            lines.append(cells.joined(separator: "  "))
        }
        for club in status.clubs {
            if let error = club.lastError { lines.append("\(club.id): last error: \(error)") }
            if !club.configErrors.isEmpty {
                let note = club.hasValidConfig ? "rejected edit, running on the last good configuration" : "no valid configuration"
                lines.append("\(club.id): \(note):")
                lines.append(contentsOf: club.configErrors.map { "  \($0)" })
            }
        }
        return lines.joined(separator: "\n")
    }

    static func stamp(_ date: Date) -> String { date.formatted(.iso8601) }

    static func ago(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded())
        if seconds < 0 { return "in the future" }
        if seconds < 120 { return "\(seconds)s ago" }
        if seconds < 7200 { return "\(seconds / 60)m ago" }
        return "\(seconds / 3600)h ago"
    }
}
