// Test classes run two at a time (xunit.runner.json: each has its own app and database). The collections that must run
// alone — the query-translation walk, telemetry (its listeners are process-wide) — run after them, one at a time, in
// the orderer's order, and the log scan last of all, when every other class's app has logged and shut down.
[assembly: TestCollectionOrderer("AriSuTotalService.Web.Tests.Infrastructure.LastCollectionOrderer", "AriSuTotalService.Web.Tests")]
