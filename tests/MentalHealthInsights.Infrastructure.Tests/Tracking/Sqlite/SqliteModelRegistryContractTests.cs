using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Sqlite;

/// <summary>Runs the registry contract against a fresh SQLite file per test.</summary>
public sealed class SqliteModelRegistryContractTests : ModelRegistryContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override IModelRegistry CreateRegistry() =>
        new SqliteModelRegistry(_directory.Combine("mlruns.db"), new ManualTimeProvider());

    public void Dispose() => _directory.Dispose();
}
