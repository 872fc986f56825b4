import DiscordTypes
import Spec

/// Everything `doctor` checked, in order, each passed or failed with the findings that say
/// what is wrong and how to fix it. Exit status 0 only when every check passed; `--json`
/// prints this value.
public struct DoctorReport: Hashable, Sendable, Codable {
    /// The checks `doctor` runs, in the order it runs them.
    public enum CheckName: String, Hashable, Sendable, Codable, CaseIterable {
        case configuration, token, guild, permissions, hierarchy, members, layout, state
    }

    /// One check's outcome.
    public struct Check: Hashable, Sendable, Codable {
        public var name: CheckName
        /// `true` when the check passed; `nil` when it could not run (an earlier check failed).
        public var passed: Bool?
        /// What was seen, for people ("Apex Endurance bot (1180…)", "12 of 250 roles").
        public var detail: String
        public var findings: [BotCheckup.Finding]

        public init(name: CheckName, passed: Bool?, detail: String, findings: [BotCheckup.Finding] = []) {
            self.name = name
            self.passed = passed
            self.detail = detail
            self.findings = findings
        }
    }

    public var guildID: Snowflake
    public var checks: [Check]
    /// The invite URL with exactly the permissions the enabled features need.
    public var inviteURL: String
    /// The permissions the enabled features need, each with its reason.
    public var needs: [BotPermissionNeeds.Need]

    public init(guildID: Snowflake, checks: [Check], inviteURL: String, needs: [BotPermissionNeeds.Need]) {
        self.guildID = guildID
        self.checks = checks
        self.inviteURL = inviteURL
        self.needs = needs
    }

    /// Every check ran and passed.
    public var healthy: Bool { checks.allSatisfy { $0.passed == true } }

    /// Every finding of every check.
    public var findings: [BotCheckup.Finding] { checks.flatMap(\.findings) }
}
