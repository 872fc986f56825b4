import Foundation

/// Counters of the server for `GET /metrics`: requests by route and status, interactions by
/// type, member syncs started. Kept in memory; the Prometheus text is rendered on demand.
public actor ServeMetrics {
    private var requests: [Key: Int] = [:]
    private var interactions: [String: Int] = [:]
    private var rejectedSignatures = 0
    private var syncsStarted = 0
    private var durationsMilliseconds: [String: (count: Int, sum: Double)] = [:]

    struct Key: Hashable { var route: String; var status: Int }

    public init() {}

    func recordRequest(route: String, status: Int, milliseconds: Double) {
        requests[Key(route: route, status: status), default: 0] += 1
        var entry = durationsMilliseconds[route] ?? (0, 0)
        entry.count += 1
        entry.sum += milliseconds
        durationsMilliseconds[route] = entry
    }

    func recordInteraction(type: String) { interactions[type, default: 0] += 1 }
    func recordRejectedSignature() { rejectedSignatures += 1 }
    func recordSyncStarted() { syncsStarted += 1 }

    /// The Prometheus text exposition (version 0.0.4), with `extra` families appended.
    func render(discordRequests: Int, discordRateLimited: Int, extra: [String] = []) -> String {
        var lines: [String] = []
        lines.append("# HELP simlane_http_requests_total API requests answered, by route and status.")
        lines.append("# TYPE simlane_http_requests_total counter")
        for (key, count) in requests.sorted(by: { ($0.key.route, $0.key.status) < ($1.key.route, $1.key.status) }) {
            lines.append("simlane_http_requests_total{route=\"\(key.route)\",status=\"\(key.status)\"} \(count)")
        }
        lines.append("# HELP simlane_http_request_duration_seconds Time to answer API requests, by route.")
        lines.append("# TYPE simlane_http_request_duration_seconds summary")
        for (route, entry) in durationsMilliseconds.sorted(by: { $0.key < $1.key }) {
            lines.append("simlane_http_request_duration_seconds_count{route=\"\(route)\"} \(entry.count)")
            lines.append("simlane_http_request_duration_seconds_sum{route=\"\(route)\"} \(entry.sum / 1000)")
        }
        lines.append("# HELP simlane_interactions_total Verified Discord interactions, by type.")
        lines.append("# TYPE simlane_interactions_total counter")
        for (type, count) in interactions.sorted(by: { $0.key < $1.key }) {
            lines.append("simlane_interactions_total{type=\"\(type)\"} \(count)")
        }
        lines.append("# HELP simlane_interaction_signatures_rejected_total Interactions refused with 401.")
        lines.append("# TYPE simlane_interaction_signatures_rejected_total counter")
        lines.append("simlane_interaction_signatures_rejected_total \(rejectedSignatures)")
        lines.append("# HELP simlane_member_syncs_started_total Member syncs started through the API or /sync.")
        lines.append("# TYPE simlane_member_syncs_started_total counter")
        lines.append("simlane_member_syncs_started_total \(syncsStarted)")
        lines.append("# HELP simlane_discord_requests_total Requests sent to Discord by this process.")
        lines.append("# TYPE simlane_discord_requests_total counter")
        lines.append("simlane_discord_requests_total \(discordRequests)")
        lines.append("# HELP simlane_discord_rate_limited_total 429 answers Discord gave this process.")
        lines.append("# TYPE simlane_discord_rate_limited_total counter")
        lines.append("simlane_discord_rate_limited_total \(discordRateLimited)")
        return (lines + extra).joined(separator: "\n") + "\n"
    }
}
