using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.PredictionLog;

/// <summary>The prediction log contract on a real SQLite file (the default adapter).</summary>
public sealed class SqlitePredictionLogStoreTests : PredictionLogStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-prediction-log-" + Guid.NewGuid().ToString("N")
    );
    private int _logs;

    private string DatabasePath =>
        Path.Combine(
            _folder,
            "sub",
            "predictions"
                + _logs.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + ".db"
        );

    protected override Task<IPredictionLogStore> CreateStoreAsync()
    {
        _logs++;
        return Task.FromResult<IPredictionLogStore>(new SqlitePredictionLogStore(DatabasePath));
    }

    protected override IPredictionLogStore OpenSameLog() =>
        PredictionLogStoreFactory.Create("sqlite:///" + DatabasePath);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Append_FirstUse_CreatesTheFolderAndCounts()
    {
        var store = (SqlitePredictionLogStore)await CreateStoreAsync();

        await store.AppendAsync([Entry(T0, "a"), Entry(T0, "b")], CancellationToken.None);

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal(2, await store.CountAsync());
    }
}
