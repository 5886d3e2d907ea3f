using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// The <c>monitoring</c> pipeline: collect the current window (a CSV file, or a window of the
/// SQLite prediction log) → monitor it against the model's training data with
/// <see cref="Infrastructure.Monitoring.MonitoringJob"/> → evaluate the alert policy and record
/// the snapshot and alerts in the monitoring store → with <c>retrain=true</c> and a fired alert,
/// run the <c>training</c> pipeline (trigger alert). Not cached: the log and the champion change.
/// </summary>
public sealed class MonitoringPipeline : IPipelineFactory
{
    /// <summary>The name: <c>monitoring</c>.</summary>
    public const string PipelineName = "monitoring";

    /// <inheritdoc />
    public string Name => PipelineName;

    internal static readonly PipelineParameterKind<string> Current = PipelineParameterKind.Text(
        "current",
        "",
        "Current data CSV; empty reads the prediction-log window instead"
    );
    internal static readonly PipelineParameterKind<DateTimeOffset?> From = Time(
        "from",
        "Window start (ISO 8601, inclusive); empty: the beginning"
    );
    internal static readonly PipelineParameterKind<DateTimeOffset?> To = Time(
        "to",
        "Window end (ISO 8601, exclusive); empty: now"
    );
    internal static readonly PipelineParameterKind<TimeSpan?> Last = new(
        "last",
        "",
        "Window length back from now (7d, 24h, 90m; at most 36500d), instead of from/to",
        ParseLast
    );

    /// <summary>The parameter naming the alert policy file, read and checked before a run is created.</summary>
    public const string AlertsConfigParameter = "alerts-config";

    internal static readonly PipelineParameterKind<AlertSettings> AlertsConfig = new(
        AlertsConfigParameter,
        "",
        "Alert policy JSON (docs/alerts-and-simulation.md); empty: the default policy",
        text =>
        {
            if (text.Length == 0)
            {
                return AlertSettings.Default;
            }
            try
            {
                return AlertSettingsLoader.LoadFile(text);
            }
            catch (AlertPolicyException ex)
            {
                // One line: the loader lists its problems on indented lines.
                throw new FormatException(
                    "parameter alerts-config: "
                        + string.Join(
                            " ",
                            ex.Message.Split(
                                '\n',
                                StringSplitOptions.TrimEntries
                                    | StringSplitOptions.RemoveEmptyEntries
                            )
                        )
                );
            }
        }
    );
    internal static readonly PipelineParameterKind<string> MonitoringDb = Location(
        "monitoring-db",
        "monitoring store",
        "Monitoring store: a SQLite path or PostgreSQL (postgresql://… or Host=…); empty: OUT/monitoring.db"
    );
    internal static readonly PipelineParameterKind<bool> Retrain = PipelineParameterKind.Flag(
        "retrain",
        "false",
        "true: when an alert fired, run the training pipeline (trigger alert) on the reference data"
    );
    internal static readonly PipelineParameterKind<string> RunStore = Location(
        "run-store",
        "run store",
        "Run store for that training run; empty: sqlite:///OUT/pipelines.db"
    );
    internal static readonly PipelineParameterKind<string> JobStore = Location(
        "job-store",
        "job store",
        "Workers' Quartz job store (as the settings' scheduler.jobStore): with it the training run is queued for mhi worker / mhi serve --scheduler; empty: it runs here"
    );

    /// <summary>The parameters with their defaults and checks.</summary>
    public static IReadOnlyList<PipelineParameter> Parameters { get; } =
    [
        Current.Declaration,
        new(
            "prediction-log",
            "predictions.db",
            "Prediction log: a SQLite path or sqlite:///PATH, or PostgreSQL (postgresql://… or Host=…)"
        ),
        From.Declaration,
        To.Declaration,
        Last.Declaration,
        new(
            "model",
            "models:/mental-health-classifier@champion",
            "Model scoring the rows: models:/NAME@ALIAS, models:/NAME/VERSION or a bundle path"
        ),
        new(
            "reference",
            "",
            "Reference CSV; empty: the model's training data, found by its recorded SHA-256 in OUT/data, data or ."
        ),
        new("out", "out", "Output folder: monitoring/RUN_ID/, monitoring.db"),
        new(
            "tracking-uri",
            "",
            "Registry and tracking store; empty uses MLFLOW_TRACKING_URI, else OUT/mlruns.db"
        ),
        AlertsConfig.Declaration,
        MonitoringDb.Declaration,
        Retrain.Declaration,
        RunStore.Declaration,
        JobStore.Declaration,
        new(
            "scheduler-name",
            "mhi",
            "The workers' scheduler instance name (scheduler.instanceName)"
        ),
    ];

    /// <inheritdoc />
    public PipelineDefinition Create(TimeProvider time) =>
        new(
            PipelineName,
            "collect the window → monitor drift, quality and fairness → alert → (retrain=true) training",
            Parameters,
            [
                new CollectStep(time),
                new MonitorStep(time),
                new AlertStep(time),
                new RetrainStep(time),
            ],
            values => Conflicts(values, time.GetUtcNow())
        );

    /// <summary>
    /// The window to monitor: none (null, null) for a <c>current</c> file, else <c>last</c> back
    /// from <paramref name="now"/>, else <c>from</c>/<c>to</c> (an open start stays open, an open
    /// end is <paramref name="now"/>). Conflicting or malformed parameters throw
    /// <see cref="FormatException"/>: up front they are usage errors, in the collect step a
    /// failure that is not retried.
    /// </summary>
    internal static (DateTimeOffset? From, DateTimeOffset To) Window(
        IReadOnlyDictionary<string, string> values,
        DateTimeOffset now
    )
    {
        var from = From.Parse(values);
        var to = To.Parse(values);
        var last = Last.Parse(values);
        if (Current.Parse(values).Length > 0)
        {
            return last is not null || from is not null || to is not null
                ? throw new FormatException(
                    "use either current (a file) or a prediction-log window (last, or from/to), not both."
                )
                : (null, now);
        }
        if (last is { } length)
        {
            return from is not null || to is not null
                    ? throw new FormatException("use either last or from/to, not both.")
                : MonitoringDuration.TryStartBefore(now, length, out var since) ? (since, now)
                : throw new FormatException(
                    "parameter last reaches back before the earliest time there is."
                );
        }
        var end = to ?? now;
        return from is { } start && end <= start
            ? throw new FormatException(
                $"parameter to ({CollectStep.Format(end)}{(to is null ? ", now" : "")}) must be after from ({CollectStep.Format(start)})."
            )
            : (from, end);
    }

    private static IEnumerable<string> Conflicts(
        IReadOnlyDictionary<string, string> values,
        DateTimeOffset now
    )
    {
        try
        {
            _ = Window(values, now);
            return [];
        }
        catch (FormatException ex)
        {
            return [ex.Message];
        }
    }

    private static PipelineParameterKind<DateTimeOffset?> Time(string name, string description) =>
        new(
            name,
            "",
            description,
            text =>
                text.Length == 0 ? null
                : MonitoringTime.TryParse(text, out var value) ? value
                : throw new FormatException(
                    $"parameter {name} must be an ISO 8601 time, e.g. {MonitoringTime.Example}, not '{text}'."
                )
        );

    private static PipelineParameterKind<string> Location(
        string name,
        string what,
        string description
    ) =>
        new(
            name,
            "",
            description,
            text =>
            {
                if (text.Length > 0)
                {
                    try
                    {
                        DatabaseLocation.Validate(text, what);
                    }
                    catch (ArgumentException ex)
                    {
                        throw new FormatException($"parameter {name}: {ex.Message}");
                    }
                }
                return text;
            }
        );

    /// <summary>"7d", "24h", "90m", read as <c>mhi monitor --last</c> reads it (<see cref="MonitoringDuration"/>); empty: none.</summary>
    private static TimeSpan? ParseLast(string text) =>
        text.Length == 0 ? null
        : MonitoringDuration.TryParse(text, out var value, out var error) ? value
        : throw new FormatException($"parameter last {error}, not '{text}'.");
}
