/// What a change does to one resource. A small closed set whose value is its symbol, as in
/// Terraform: `+` create, `~` update, `-` delete, `<=` adopt, and the Discord-specific rest.
public enum Action: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// A resource that does not exist yet (or was deleted out of band) is made.
    case create
    /// A live resource matching a desired one is taken into ownership; no request.
    case adopt
    /// Fields of a managed resource change in place (only the fields that differ).
    case update
    /// The relative order of our channels changes (one bulk position request per guild).
    case move
    /// A text channel moves to the archive category read-only, or a thread is archived.
    case archive
    /// A member gets a managed role, or a user is added to a managed thread.
    case grant
    /// A member loses a managed role, or a user is removed from a managed thread.
    case revoke
    /// A managed message is posted.
    case post
    /// A managed message's content or embeds are edited.
    case edit
    /// A managed message is pinned or unpinned.
    case pin
    /// A managed resource is deleted.
    case delete

    /// The symbol plans show in front of the change.
    public var symbol: String {
        switch self {
        case .create: "+"
        case .adopt: "<="
        case .update: "~"
        case .move: ">"
        case .archive: "%"
        case .grant: "+="
        case .revoke: "-="
        case .post: ">>"
        case .edit: "~>"
        case .pin: "^"
        case .delete: "-"
        }
    }

    /// The legend's wording for this action.
    public var legend: String {
        switch self {
        case .create: "create"
        case .adopt: "adopt (take an existing resource into management, no request)"
        case .update: "update in-place"
        case .move: "reorder channels"
        case .archive: "archive (read-only, kept for history)"
        case .grant: "grant role / add to thread"
        case .revoke: "revoke role / remove from thread"
        case .post: "post message"
        case .edit: "edit message"
        case .pin: "pin or unpin message"
        case .delete: "destroy"
        }
    }

    /// Which total of the summary line this action counts towards.
    public var tally: Tally {
        switch self {
        case .create, .post: .add
        case .adopt: .adopt
        case .delete: .destroy
        case .update, .move, .archive, .grant, .revoke, .edit, .pin: .change
        }
    }

    /// The totals of `Plan: N to adopt, N to add, N to change, N to destroy.`
    public enum Tally: String, Hashable, Sendable, Codable, CaseIterable {
        case adopt, add, change, destroy
    }

    public static func < (lhs: Action, rhs: Action) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
