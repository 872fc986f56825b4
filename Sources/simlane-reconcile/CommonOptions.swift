import ArgumentParser
import Foundation
import Spec

/// `--config PATH`: a club's settings file or a directory of YAML documents.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "A club's simlane.yaml, or a directory of its YAML documents.")
    var config: String
}

/// `--at ISO8601`: the instant to compile the layout for (default: now).
struct AtOption: ParsableArguments {
    @Option(name: .long, help: "Compile the layout for this instant (ISO 8601, e.g. 2026-12-05T17:00:00Z). Default: now.")
    var at: String?

    /// The requested instant, or `now` when `--at` is absent.
    func instant(now: Date = Date()) throws -> Date {
        guard let at else { return now }
        switch ValueParsers.timestamp(at) {
        case .success(let date): return date
        case .failure(let problem):
            throw ValidationError("--at '\(at.prefix(40))' is not an ISO 8601 instant we accept: \(problem.summary(at)); \(problem.hint)")
        }
    }
}

/// `--state PATH`: the SQLite state store (default `.simlane/state.sqlite` beside the config).
struct StateOption: ParsableArguments {
    @Option(name: .long, help: "The state store (default: .simlane/state.sqlite next to the config).")
    var state: String?
}
