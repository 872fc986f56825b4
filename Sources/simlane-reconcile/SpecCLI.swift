import ArgumentParser
import Foundation
import Spec

/// Shared CLI glue for commands that read a club: load it or print the diagnostics to
/// stderr and fail with exit status 1.
enum SpecCLI {
    /// Diagnostics go to stderr, or to stdout when they are the command's output (`validate`).
    static func load(_ path: String, diagnosticsToStdout: Bool = false) throws -> ClubConfig {
        do {
            return try ConfigLoader.load(path: path)
        } catch {
            let errors = error.errors.count
            let lines = error.diagnostics.map(\.description)
                + ["\(errors) error\(errors == 1 ? "" : "s") in \(path)"]
            for line in lines {
                if diagnosticsToStdout { print(line) } else { printError(line) }
            }
            throw ExitCode.failure
        }
    }

    static func printWarnings(_ club: ClubConfig, toStdout: Bool = false) {
        for warning in club.warnings {
            if toStdout { print(warning.description) } else { printError(warning.description) }
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
