import Testing

/// Every `serve` suite runs inside this one, one test at a time: each test starts a sandbox
/// emulator and a server, and running them all at once beside the rest of the suite starves
/// the shared test process on a 2-core machine.
@Suite(.serialized) enum ServeTestSuite {}
