import Discord
import Foundation
import Reconciler

/// How errors read in API answers and logs: one line, never a token or a stack trace.
enum ServeText {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as DiscordError: error.description
        case let error as CustomStringConvertible: error.description
        default: "\(type(of: error))"
        }
    }
}
