using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.Local;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Sqlite;

/// <summary>What is specific to the SQLite adapter: file layout, schema, locking, persistence.</summary>
public sealed class SqliteTrackingStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();

    private string DatabasePath => _directory.Combine("mlruns.db");

    private SqliteTrackingStore NewStore(TimeSpan? busyTimeout = null) =>
        new(
            new SqliteTrackingOptions
            {
                DatabasePath = DatabasePath,
                BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5),
            },
            _clock
        );

    private async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection(
            $"Data Source={DatabasePath};Pooling=False"
        );
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task FirstUse_NewFile_CreatesSchemaVersionWalModeAndDefaultExperiment()
    {
        var store = NewStore();

        var defaultExperiment = await store.GetExperimentAsync("0");

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal(1L, await QueryAsync<long>("SELECT MAX(version) FROM schema_version"));
        Assert.Equal("wal", await QueryAsync<string>("PRAGMA journal_mode"));
        Assert.Equal("Default", defaultExperiment.Name);
        Assert.Equal(
            FileUris.ToFileUri(_directory.Combine("mlartifacts", "0")),
            defaultExperiment.ArtifactLocation
        );
    }

    [Fact]
    public async Task FirstUse_MissingFolder_IsCreated()
    {
        var store = new SqliteTrackingStore(_directory.Combine("nested", "deeper", "x.db"), _clock);

        await store.CreateExperimentAsync("in-a-new-folder");

        Assert.True(File.Exists(_directory.Combine("nested", "deeper", "x.db")));
    }

    [Fact]
    public async Task CreateRun_DefaultLayout_ArtifactUriUnderMlartifactsBesideTheDatabase()
    {
        var store = NewStore();
        var experimentId = await store.CreateExperimentAsync("layout");

        var run = await store.CreateRunAsync(new NewRun { ExperimentId = experimentId });

        Assert.Equal(
            FileUris.ToFileUri(
                _directory.Combine("mlartifacts", experimentId, run.Info.RunId, "artifacts")
            ),
            run.Info.ArtifactUri
        );
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds(), run.Info.StartTimeMs);
    }

    [Fact]
    public async Task CreateExperiment_ExplicitArtifactLocation_RunsGoUnderIt()
    {
        var store = NewStore();
        var experimentId = await store.CreateExperimentAsync(
            "explicit",
            "file:///srv/artifacts/x/"
        );

        var run = await store.CreateRunAsync(new NewRun { ExperimentId = experimentId });

        Assert.Equal(
            "file:///srv/artifacts/x",
            (await store.GetExperimentAsync(experimentId)).ArtifactLocation
        );
        Assert.Equal($"file:///srv/artifacts/x/{run.Info.RunId}/artifacts", run.Info.ArtifactUri);
    }

    [Fact]
    public async Task Reopen_NewInstanceOnSameFile_SeesEverything()
    {
        var first = NewStore();
        var experimentId = await first.CreateExperimentAsync("persisted");
        var run = await first.CreateRunAsync(new NewRun { ExperimentId = experimentId });
        await first.LogBatchAsync(
            run.Info.RunId,
            [new Metric("auc", 0.8, 1)],
            [new Param("a", "1")]
        );
        // The second store opens the file again, not the first one's pooled connection.
        SqliteFiles.Release(DatabasePath);

        var second = NewStore();
        var read = await second.GetRunAsync(run.Info.RunId);

        Assert.Equal(0.8, read.Data.Metrics["auc"].Value);
        Assert.Equal("1", read.Data.Params["a"]);
        Assert.Equal(1L, await QueryAsync<long>("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task FirstUse_DatabaseFromANewerProgram_InvalidState()
    {
        await NewStore().CreateExperimentAsync("old");
        await using (
            var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False")
        )
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (99, 0)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            NewStore().GetExperimentAsync("0")
        );

        Assert.Equal(TrackingErrorCode.InvalidState, error.ErrorCode);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogBatch_AnotherConnectionHoldsTheWriteLockPastTheTimeout_TemporarilyUnavailable()
    {
        var store = NewStore(TimeSpan.FromMilliseconds(200));
        var experimentId = await store.CreateExperimentAsync("locked");
        var run = await store.CreateRunAsync(new NewRun { ExperimentId = experimentId });
        await using var holder = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await holder.OpenAsync();
        await using var transaction = holder.BeginTransaction(deferred: false);

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            store.LogBatchAsync(run.Info.RunId, [new Metric("m", 1, 1)])
        );

        Assert.Equal(TrackingErrorCode.TemporarilyUnavailable, error.ErrorCode);
    }

    [Fact]
    public async Task LogBatch_AnotherConnectionReleasesTheWriteLock_WriteWaitsAndSucceeds()
    {
        var store = NewStore(TimeSpan.FromSeconds(30));
        var experimentId = await store.CreateExperimentAsync("waits");
        var run = await store.CreateRunAsync(new NewRun { ExperimentId = experimentId });
        var holder = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await holder.OpenAsync();
        var transaction = holder.BeginTransaction(deferred: false);

        // Microsoft.Data.Sqlite's async calls complete synchronously: wait on another thread.
        var write = Task.Run(() => store.LogBatchAsync(run.Info.RunId, [new Metric("m", 1, 1)]));
        await Task.Delay(300);
        transaction.Commit();
        await transaction.DisposeAsync();
        await holder.DisposeAsync();
        await write;

        Assert.Single(await store.GetMetricHistoryAsync(run.Info.RunId, "m"));
    }

    [Fact]
    public async Task SearchRuns_ForeignPageToken_InvalidParameterValue()
    {
        var store = NewStore();

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            store.SearchRunsAsync(
                new RunSearchQuery { ExperimentIds = ["0"], PageToken = "not-a-token" }
            )
        );

        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.ErrorCode);
    }

    [Fact]
    public async Task SearchRuns_FilterValueWithQuotesAndWildcards_IsMatchedLiterally()
    {
        var store = NewStore();
        var experimentId = await store.CreateExperimentAsync("literal");
        var run = await store.CreateRunAsync(new NewRun { ExperimentId = experimentId });
        await store.SetTagAsync(run.Info.RunId, "note", "it's [50%] *done*?");
        var other = await store.CreateRunAsync(new NewRun { ExperimentId = experimentId });
        await store.SetTagAsync(other.Info.RunId, "note", "it's [50x] xdonex!");

        var equal = await store.SearchRunsAsync(
            new RunSearchQuery
            {
                ExperimentIds = [experimentId],
                Filter = "tags.note = 'it''s [50%] *done*?'",
            }
        );
        var like = await store.SearchRunsAsync(
            new RunSearchQuery
            {
                ExperimentIds = [experimentId],
                Filter = "tags.note LIKE 'it''s [50_] *done*%'",
            }
        );

        Assert.Equal([run.Info.RunId], equal.Items.Select(r => r.Info.RunId));
        Assert.Equal([run.Info.RunId], like.Items.Select(r => r.Info.RunId));
    }

    [Theory]
    [InlineData("a%", "a*")]
    [InlineData("_b", "?b")]
    [InlineData("x*y?[z]", "x[*]y[?][[]z]")]
    public void LikeToGlob_Pattern_TranslatesWildcardsAndEscapesGlobSyntax(
        string like,
        string glob
    ) => Assert.Equal(glob, SqliteSearchTranslator.LikeToGlob(like));

    public void Dispose() => _directory.Dispose();
}
