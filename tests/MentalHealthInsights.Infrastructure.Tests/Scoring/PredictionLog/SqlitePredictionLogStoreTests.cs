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
        SqliteFiles.Release(_folder);
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

    [Fact]
    public async Task Append_DistinctSubjects_TheWalGrowsPastSqlitesDefaultCheckpointBeforeOne()
    {
        var store = (SqlitePredictionLogStore)await CreateStoreAsync();
        var random = new Random(3);
        var subject = new byte[32];
        await store.AppendAsync([Entry(T0, "first")], CancellationToken.None);
        // Another test class's global ClearAllPools (now banned in tests) once closed the store's
        // idle pooled connection, the last connection to this file: SQLite then checkpoints and
        // deletes the WAL on close and the measure below would be of a fresh file. This
        // connection, held open, keeps the file's WAL whatever other tests do.
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={DatabasePath};Pooling=False"
        );
        await holder.OpenAsync();
        await using (var read = holder.CreateCommand())
        {
            // SQLite opens the file (and joins its WAL) at the first statement, not at Open.
            read.CommandText = "SELECT COUNT(*) FROM prediction_log";
            Assert.Equal(1L, await read.ExecuteScalarAsync());
        }

        // 40 batches of 250 distinct subject keys, as the server's writer appends them: each
        // batch dirties most pages of the subject index.
        for (var batch = 0; batch < 40; batch++)
        {
            var entries = new List<PredictionLogEntry>(250);
            for (var i = 0; i < 250; i++)
            {
                random.NextBytes(subject);
                entries.Add(Entry(T0.AddSeconds(batch), Convert.ToHexStringLower(subject)));
            }
            await store.AppendAsync(entries, CancellationToken.None);
        }

        // At SQLite's default of 1,000 pages the WAL was checkpointed and rewritten from its start
        // every few batches, so the file stayed near 1,000 pages (≈ 4 MiB); now it is checkpointed
        // only past WalAutoCheckpointPages.
        var wal = new FileInfo(DatabasePath + "-wal");
        Assert.True(
            wal.Length > 2_000 * 4_096,
            $"WAL {wal.Length:N0} bytes: checkpointed at SQLite's default size"
        );
        Assert.True(
            wal.Length <= (SqlitePredictionLogStore.WalAutoCheckpointPages + 1_000) * 4_120L
        );
        Assert.Equal(10_001, await store.CountAsync());
    }
}
