// Test classes run one after another (each has its own app and database); the log scan runs last.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer("AriSuTotalService.Web.Tests.Infrastructure.LastCollectionOrderer", "AriSuTotalService.Web.Tests")]
