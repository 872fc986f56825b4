// simlane-bench: prints performance figures; never asserts wall-clock times.
// Usage: simlane-bench <client|plan|apply|daemon|club-scale|member-sync|serve|gateway|all> [options]
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "all"
let rest = Array(arguments.dropFirst())
let benches: [(String, ([String]) async throws -> Void)] = [
    ("client", runClientBench), ("plan", runPlanBench), ("apply", runApplyBench),
    ("daemon", runDaemonBench), ("club-scale", runClubScaleBench), ("member-sync", runMemberSyncBench),
    ("serve", runServeBench),
    ("gateway", runGatewayBench),
]
guard which == "all" || benches.contains(where: { $0.0 == which }) else {
    FileHandle.standardError.write(Data("usage: simlane-bench <client|plan|apply|daemon|club-scale|member-sync|serve|gateway|all>\n".utf8))
    exit(1)
}
for (name, bench) in benches where which == "all" || which == name {
    print("== \(name) ==")
    try await bench(rest)
}
