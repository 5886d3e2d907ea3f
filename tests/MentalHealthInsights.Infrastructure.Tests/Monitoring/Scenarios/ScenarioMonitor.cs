using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Monitoring.Simulation;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Scenarios;

/// <summary>
/// Plays a simulated scenario through monitoring as production would: each day's batch is
/// scored and analysed against the reference the moment it arrives (so without labels: F1 is
/// the CBPE estimate), and the run goes through the real <see cref="AlertService"/> into a real
/// SQLite monitoring store, filed under that day's window.
/// </summary>
public sealed class ScenarioMonitor : IDisposable
{
    /// <summary>The scenario policy: the default rules plus one per planted column and the CBPE flag.</summary>
    public static readonly AlertPolicy Policy = AlertPolicy.Create(
        new AlertPolicyOptions
        {
            Rules =
            [
                .. AlertPolicy.Default.Rules.Select(r => new AlertRuleOptions
                {
                    Name = r.Name,
                    When = r.Condition,
                    Severity = AlertPolicy.SeverityName(r.Severity),
                }),
                new() { Name = "sleep-drift", When = "column_drift_Sleep_Hours == 1" },
                new() { Name = "occupation-drift", When = "column_drift_Occupation == 1" },
                new() { Name = "stress-drift", When = "column_drift_Stress_Level == 1" },
                new() { Name = "cbpe", When = "cbpe_alerts >= 1" },
            ],
        }
    );

    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-scenario-" + Guid.NewGuid().ToString("N")
    );
    private readonly AlertServiceFactory _alerts;
    private readonly ScenarioModelFixture _model;
    private readonly MonitoringOptions _analysis;

    public ScenarioMonitor(ScenarioModelFixture model, MonitoringOptions? analysis = null)
    {
        _model = model;
        _analysis = analysis ?? new MonitoringOptions();
        Directory.CreateDirectory(_folder);
        StorePath = Path.Combine(_folder, "monitoring.db");
        Store = new SqliteMonitoringStore(
            new SqliteMonitoringStoreOptions { DatabasePath = StorePath }
        );
        _alerts = new AlertServiceFactory(
            new AlertSettings(Policy, null, null),
            Store,
            NullLoggerFactory.Instance,
            TimeProvider.System
        );
    }

    public string StorePath { get; }

    public SqliteMonitoringStore Store { get; }

    /// <summary>Window of simulated day <paramref name="day"/> (1-based): that UTC day.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(
        MonitoringSimulator simulator,
        int day
    )
    {
        var start = new DateTimeOffset(
            simulator.DateOf(day).ToDateTime(TimeOnly.MinValue),
            TimeSpan.Zero
        );
        return (start, start.AddDays(1));
    }

    /// <summary>Monitors every day of <paramref name="options"/> in order, unlabelled, against the fixture's reference.</summary>
    public async Task<IReadOnlyList<ScenarioDay>> RunAsync(
        SimulationOptions options,
        MonitoringDataset? reference = null
    )
    {
        var simulator = new MonitoringSimulator(options);
        var days = new List<ScenarioDay>();
        for (int day = 1; day <= options.Days; day++)
        {
            var scored = _model.Score([.. simulator.Day(day)]);
            // Labels have not arrived on the day itself (the simulator delivers them K days later).
            var unlabelled = new MonitoringDataset(
                scored.Rows,
                scored.Features,
                scored.Probabilities,
                scored.Labels
            )
            {
                Threshold = scored.Threshold,
            };
            days.Add(await MonitorAsync(simulator, day, unlabelled, reference));
        }
        return days;
    }

    /// <summary>Monitors one dataset as day <paramref name="day"/>'s run.</summary>
    public async Task<ScenarioDay> MonitorAsync(
        MonitoringSimulator simulator,
        int day,
        MonitoringDataset current,
        MonitoringDataset? reference = null,
        string? runId = null
    )
    {
        var (start, end) = Window(simulator, day);
        var report = MonitoringAnalyzer.Analyze(
            reference ?? _model.ScoredReference,
            current,
            _analysis,
            ("reference", $"day {day}"),
            end
        );
        var snapshot = MonitoringSnapshot.FromReport(
            report,
            runId ?? $"day-{day:D3}",
            start,
            end,
            null,
            "scenario-lr"
        );
        return new ScenarioDay(
            day,
            report,
            await _alerts.Service.ProcessAsync(snapshot, CancellationToken.None)
        );
    }

    public void Dispose()
    {
        _alerts.Dispose();
        SqliteFiles.Release(_folder);
        Directory.Delete(_folder, recursive: true);
    }
}
