using System.Globalization;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Sqlite;

/// <summary>
/// Several writers on one SQLite file. Each writer has its own store instance with pooling off, so
/// every operation uses its own connection and SQLite's file locks arbitrate exactly as between
/// processes (SQLite locks per connection, not per process).
/// </summary>
public sealed class SqliteConcurrencyTests : IDisposable
{
    private const int Writers = 2;
    private const int PerWriter = 50;

    private readonly TempDirectory _directory = new();

    private SqliteTrackingOptions Options(string user) =>
        new()
        {
            DatabasePath = _directory.Combine("shared.db"),
            Pooling = false,
            BusyTimeout = TimeSpan.FromSeconds(30),
            UserName = user,
        };

    [Fact]
    public async Task CreateModelVersion_TwoWritersFiftyEach_VersionsDistinctAndContiguous()
    {
        var name = "mental-health-classifier";
        await new SqliteModelRegistry(
            Options("setup"),
            TimeProvider.System
        ).CreateRegisteredModelAsync(name);
        using var start = new ManualResetEventSlim(false);

        var writers = Enumerable
            .Range(0, Writers)
            .Select(w =>
                Task.Factory.StartNew(
                        async () =>
                        {
                            var registry = new SqliteModelRegistry(
                                Options(string.Create(CultureInfo.InvariantCulture, $"writer{w}")),
                                TimeProvider.System
                            );
                            start.Wait();
                            var mine = new List<int>();
                            for (var i = 0; i < PerWriter; i++)
                            {
                                var version = await registry.CreateModelVersionAsync(
                                    new NewModelVersion
                                    {
                                        Name = name,
                                        Source = $"file:///w{w}/{i}",
                                    }
                                );
                                mine.Add(version.Version);
                            }
                            return mine;
                        },
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default
                    )
                    .Unwrap()
            )
            .ToList();
        start.Set();
        var results = await Task.WhenAll(writers);

        var all = results.SelectMany(r => r).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Writers * PerWriter), all);
        Assert.All(results, r => Assert.Equal(r.Order(), r));
        var reader = new SqliteModelRegistry(Options("reader"), TimeProvider.System);
        var stored = await reader.SearchModelVersionsAsync(
            new ModelVersionSearchQuery { Filter = $"name = '{name}'" }
        );
        Assert.Equal(Writers * PerWriter, stored.Items.Count);
        Assert.Equal(
            Writers * PerWriter,
            (await reader.GetRegisteredModelAsync(name)).LatestVersion
        );
    }

    [Fact]
    public async Task LogBatch_TwoWritersOnOneRun_EveryPointStored()
    {
        var setup = new SqliteTrackingStore(Options("setup"), TimeProvider.System);
        var experimentId = await setup.CreateExperimentAsync("concurrent");
        var run = await setup.CreateRunAsync(
            new NewRun { ExperimentId = experimentId, StartTimeMs = 1 }
        );
        using var start = new ManualResetEventSlim(false);

        var writers = Enumerable
            .Range(0, Writers)
            .Select(w =>
                Task.Factory.StartNew(
                        async () =>
                        {
                            var store = new SqliteTrackingStore(Options("w"), TimeProvider.System);
                            start.Wait();
                            for (var i = 0; i < PerWriter; i++)
                            {
                                await store.LogBatchAsync(
                                    run.Info.RunId,
                                    [new Metric($"loss{w}", i, 1000 + i, i)],
                                    [
                                        new Param(
                                            string.Create(
                                                CultureInfo.InvariantCulture,
                                                $"p{w}_{i}"
                                            ),
                                            "v"
                                        ),
                                    ],
                                    [new RunTag("last-writer", $"{w}")]
                                );
                            }
                        },
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default
                    )
                    .Unwrap()
            )
            .ToList();
        start.Set();
        await Task.WhenAll(writers);

        var read = await setup.GetRunAsync(run.Info.RunId);
        Assert.Equal(Writers * PerWriter, read.Data.Params.Count);
        for (var w = 0; w < Writers; w++)
        {
            var history = await setup.GetMetricHistoryAsync(run.Info.RunId, $"loss{w}");
            Assert.Equal(
                Enumerable.Range(0, PerWriter).Select(i => (long)i),
                history.Select(m => m.Step)
            );
            Assert.Equal(PerWriter - 1, read.Data.Metrics[$"loss{w}"].Value);
        }
    }

    [Fact]
    public async Task GetOrCreateExperiment_TwoWritersRacing_BothGetTheSameId()
    {
        using var start = new ManualResetEventSlim(false);
        var names = Enumerable.Range(0, 20).Select(i => $"race-{i}").ToList();

        var writers = Enumerable
            .Range(0, Writers)
            .Select(_ =>
                Task.Factory.StartNew(
                        async () =>
                        {
                            var service = new TrackingService(
                                new SqliteTrackingStore(Options("w"), TimeProvider.System),
                                TimeProvider.System
                            );
                            start.Wait();
                            var ids = new List<string>();
                            foreach (var name in names)
                            {
                                ids.Add(await service.GetOrCreateExperimentAsync(name));
                            }
                            return ids;
                        },
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default
                    )
                    .Unwrap()
            )
            .ToList();
        start.Set();
        var results = await Task.WhenAll(writers);

        Assert.Equal(results[0], results[1]);
        Assert.Equal(names.Count, results[0].Distinct().Count());
    }

    [Fact]
    public async Task SetAlias_TwoWritersMovingChampion_HistoryChainsWithoutGaps()
    {
        var name = "aliased";
        var setup = new SqliteModelRegistry(Options("setup"), TimeProvider.System);
        await setup.CreateRegisteredModelAsync(name);
        for (var i = 0; i < 4; i++)
        {
            await setup.CreateModelVersionAsync(
                new NewModelVersion { Name = name, Source = "file:///m" }
            );
        }
        using var start = new ManualResetEventSlim(false);

        var writers = Enumerable
            .Range(0, Writers)
            .Select(w =>
                Task.Factory.StartNew(
                        async () =>
                        {
                            var registry = new SqliteModelRegistry(
                                Options($"w{w}"),
                                TimeProvider.System
                            );
                            start.Wait();
                            for (var i = 0; i < 25; i++)
                            {
                                await registry.SetRegisteredModelAliasAsync(
                                    name,
                                    "champion",
                                    1 + ((i + w) % 4)
                                );
                            }
                        },
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default
                    )
                    .Unwrap()
            )
            .ToList();
        start.Set();
        await Task.WhenAll(writers);

        // Each entry's "from" is the previous entry's "to": no change was lost or interleaved.
        var history = await setup.GetAliasHistoryAsync(name, "champion");
        Assert.Null(history[0].FromVersion);
        Assert.All(
            history.Zip(history.Skip(1)),
            p => Assert.Equal(p.First.ToVersion, p.Second.FromVersion)
        );
        Assert.Equal(
            history[^1].ToVersion,
            (await setup.GetModelVersionByAliasAsync(name, "champion")).Version
        );
    }

    public void Dispose() => _directory.Dispose();
}
