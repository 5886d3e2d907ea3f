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

    [Fact]
    public async Task Append_RequiredTextMissing_ThrowsWritesNothingAndTheNextAppendWorks()
    {
        var store = (SqlitePredictionLogStore)await CreateStoreAsync();
        await store.AppendAsync([Entry(T0, "kept")], CancellationToken.None);

        var failure = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            store.AppendAsync(
                [Entry(T0, "a"), Entry(T0, "b") with { Gender = null! }, Entry(T0, "c")],
                CancellationToken.None
            )
        );
        await store.AppendAsync([Entry(T0, "after")], CancellationToken.None);
        var read = await ReadAsync(store, new PredictionLogQuery());

        // SQLite names the column, never a value.
        Assert.Contains("prediction_log.gender", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Female", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["kept", "after"], read.Select(e => e.SubjectKey));
        Assert.True(read[1].Id > read[0].Id);
    }
}
