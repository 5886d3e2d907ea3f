using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Sqlite;

/// <summary>Runs the tracking contract against a fresh SQLite file per test.</summary>
public sealed class SqliteTrackingStoreContractTests : TrackingStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override ITrackingStore CreateStore() =>
        new SqliteTrackingStore(_directory.Combine("mlruns.db"), new ManualTimeProvider());

    public void Dispose() => _directory.Dispose();
}
