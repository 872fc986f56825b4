import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec

extension ServeApp {
    /// One managed resource as `GET …/discord/channels` lists it (the seed's
    /// `EventDiscordChannel`): its key, Discord id, kind, name and where it is in its life.
    struct ManagedResource: Encodable {
        enum Lifecycle: String, Encodable {
            /// In the club's layout now.
            case active
            /// Moved to the archive (series archival): kept read-only.
            case archived
            /// Its retention ended: the next pass deletes it.
            case retiring
            /// Managed but no longer in the layout: the orphan policy keeps or removes it.
            case orphaned
        }
        var key: String
        var kind: ResourceKind
        var discordId: Snowflake
        var name: String?
        var status: Lifecycle
    }

    struct ChannelsAnswer: Encodable {
        var club: String
        var guildId: Snowflake
        var at: Date
        var resources: [ManagedResource]
    }

    /// `GET /api/clubs/{club}/discord/channels`: everything the state store says we manage
    /// in the club's guild, with its lifecycle status against the layout compiled now. An
    /// empty list before the first apply; the state store is never created by this read.
    func channels(club: String) async throws(APIError) -> APIResponse {
        let source = try await catalog.source(club)
        let config = try await catalog.config(source)
        let guild = config.settings.discord.guildID
        let now = options.now()
        var ownership = Ownership()
        if FileManager.default.fileExists(atPath: reconcilers.stateFile(for: source)) {
            do {
                ownership = try await reconcilers.store(for: source).ownership(guild: guild)
            } catch {
                throw APIError(500, .internalError, "cannot read the state store: \(ServeText.describe(error))")
            }
        }
        let desired = Compiler.compile(config, at: now).desired
        var names: [ResourceKey: String] = [:]
        var archived: Set<ResourceKey> = []
        for channel in desired.channels {
            names[channel.key] = channel.name
            if channel.key.rawValue.hasPrefix(ResourceKey.archive().rawValue)
                || channel.parent.map({ $0.rawValue.hasPrefix(ResourceKey.archive().rawValue) }) == true {
                archived.insert(channel.key)
            }
        }
        for role in desired.roles { names[role.key] = role.name }
        for thread in desired.threads {
            names[thread.key] = thread.name
            if thread.archived { archived.insert(thread.key) }
        }
        let wanted = Set(names.keys).union(desired.messages.map(\.key))
        let retired = Set(desired.retired)
        let resources = ownership.entries.sorted { $0.key < $1.key }.map { key, entry in
            let status: ManagedResource.Lifecycle =
                retired.contains(key) ? .retiring
                : archived.contains(key) ? .archived
                : wanted.contains(key) ? .active : .orphaned
            return ManagedResource(key: key.rawValue, kind: entry.kind, discordId: entry.id, name: names[key], status: status)
        }
        return .json(ChannelsAnswer(club: config.settings.club.id, guildId: guild, at: now, resources: resources))
    }

    /// `GET /api/clubs/{club}/plan`: what `apply` would change now, as `plan --json` prints it
    /// (docs/plan-json.md). Reads the guild (a few GETs) and the state store; changes nothing.
    func plan(club: String) async throws(APIError) -> APIResponse {
        let source = try await catalog.source(club)
        let config = try await catalog.config(source)
        do {
            let stateFile = reconcilers.stateFile(for: source)
            let store: SQLiteStateStore = FileManager.default.fileExists(atPath: stateFile)
                ? try await reconcilers.store(for: source) : try SQLiteStateStore.inMemory()
            let client = try await reconcilers.client(for: source, config: config)
            let reconciler = Reconciler(client: client, store: store, guildID: config.settings.discord.guildID,
                                        options: ReconcilerOptions(trigger: "serve"), now: options.now)
            let run = try await reconciler.plan(config: config, at: options.now())
            return .rawJSON(PlanJSONRenderer.render(run.plan))
        } catch {
            throw APIError(502, .discordError, "could not plan: \(ServeText.describe(error))")
        }
    }
}
