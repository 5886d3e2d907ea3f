using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Monitoring.Simulation;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Monitoring;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Scenarios;

/// <summary>
/// The new-occupation scenario through the whole library path: CSV day files → MonitoringJob
/// (validation maps the unseen occupation to Other and counts it, scoring, report files) →
/// AlertService on a real SQLite store.
/// </summary>
public sealed class MonitoringJobScenarioTests(ScenarioModelFixture model)
    : IClassFixture<ScenarioModelFixture>,
        IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task NewOccupation_FilesThroughJob_AlertFiresWithinTwoWindowsAndIsStored()
    {
        const int driftStart = 3;
        var simulator = new MonitoringSimulator(
            new SimulationOptions
            {
                Scenario = SimulationScenario.NewOccupation,
                Days = 5,
                DriftStartDay = driftStart,
                Seed = ScenarioModelFixture.Seed,
                ReferenceRows = ScenarioModelFixture.ReferenceRows,
            }
        );
        var referencePath = _directory.Combine("reference.csv");
        CsvDatasetWriter.WriteFile(model.Reference, referencePath);
        var store = new SqliteMonitoringStore(
            new SqliteMonitoringStoreOptions { DatabasePath = _directory.Combine("monitoring.db") }
        );
        using var alerting = new AlertServiceFactory(
            new AlertSettings(ScenarioMonitor.Policy, null, null),
            store,
            NullLoggerFactory.Instance,
            TimeProvider.System
        );
        var job = new MonitoringJob(new ManualTimeProvider());
        var results = new List<MonitoringJobResult>();

        for (int day = 1; day <= 5; day++)
        {
            var dayPath = _directory.Combine($"days/day-{day:D3}.csv");
            CsvDatasetWriter.WriteFile(simulator.Day(day), dayPath);
            results.Add(
                await job.RunAsync(
                    new MonitoringJobOptions
                    {
                        ReferencePath = referencePath,
                        CurrentPath = dayPath,
                        OutputDirectory = _directory.Combine($"out/day-{day:D3}"),
                        SnapshotWindow = ScenarioMonitor.Window(simulator, day),
                        Model = "scenario-lr",
                    },
                    model.Predictor,
                    null,
                    null,
                    alerting.Service,
                    CancellationToken.None
                )
            );
        }

        Assert.All(results, r => Assert.NotNull(r.Alerts));
        var fired = results
            .Select(
                (r, i) =>
                    (Day: i + 1, Fired: r.Alerts!.Fired.Any(a => a.RuleName == "occupation-drift"))
            )
            .Where(d => d.Fired)
            .ToList();
        // Once, within the "few windows" of the drift start (through validation it is
        // D + 1: the validator folds Student into Other, see docs/alerts-and-simulation.md).
        var first = Assert.Single(fired).Day;
        Assert.InRange(first, driftStart, driftStart + 2);
        // Validation counted the unseen occupation (mapped to Other) from the drift start on.
        Assert.Equal(
            0,
            results[driftStart - 2]
                .Report.Quality.UnknownCategoriesMapped.GetValueOrDefault("Occupation")
        );
        Assert.InRange(
            results[driftStart - 1].Report.Quality.UnknownCategoriesMapped["Occupation"],
            50,
            150
        );
        var stored = await store.ListAlertsAsync(
            new AlertQuery { RuleName = "occupation-drift" },
            CancellationToken.None
        );
        Assert.Equal(6 - first, stored.Count);
        var snapshot = await store.ListSnapshotsAsync(
            new MonitoringSnapshotQuery(),
            CancellationToken.None
        );
        Assert.Equal(5, snapshot.Count);
        Assert.All(snapshot, s => Assert.Equal("scenario-lr", s.Model));
        Assert.Contains(snapshot, s => s.Verdicts["Occupation"] == MonitoringSnapshot.DriftVerdict);
    }
}
