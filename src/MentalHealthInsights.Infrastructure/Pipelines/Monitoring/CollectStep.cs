using System.Globalization;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// <c>collect</c>: fixes the current data. A <c>current</c> file is checked to exist; otherwise the
/// window (<c>from</c>/<c>to</c>, or <c>last</c> back from the clock) is resolved to absolute
/// bounds and the prediction log is counted in it, so an empty window fails here with a clear
/// message (not retried) and the later steps read exactly the same window.
/// </summary>
/// <param name="time">The clock (<c>last</c>, open window ends).</param>
internal sealed class CollectStep(TimeProvider time) : PipelineStep
{
    public override string Name => "collect";

    public override IReadOnlyList<string> Inputs =>
        ["current", "prediction-log", "from", "to", "last"];

    public override IReadOnlyList<string> Outputs =>
        ["current_csv", "window_from", "window_to", "window_rows"];

    public override async Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        (DateTimeOffset? From, DateTimeOffset To) bounds;
        try
        {
            // The pipeline's own parsing, as up front: a bad or conflicting value is not retried.
            bounds = MonitoringPipeline.Window(context.Inputs, now);
        }
        catch (FormatException ex)
        {
            throw PipelineStepException.From(ex);
        }
        var current = context.Input("current");
        if (current.Length > 0)
        {
            var path = Path.GetFullPath(current);
            if (Directory.Exists(path))
            {
                throw new PipelineStepException(
                    LocalStorageLocation.FolderNotFileMessage("the current file", path)
                );
            }
            if (!File.Exists(path))
            {
                throw new PipelineStepException($"the current file does not exist: {path}");
            }
            return new StepOutcome(
                Values(path, now, now, ""),
                [],
                "current data: " + Path.GetFileName(path)
            );
        }
        var (from, to) = bounds;
        var location = context.Input("prediction-log");
        IPredictionLogStore log;
        try
        {
            // A SQLite log that does not exist is a wrong path, not an empty window (reading it
            // would create it); a PostgreSQL log is created on first use by the server.
            if (
                PredictionLogStoreFactory.SqlitePath(location) is { } logPath
                && !File.Exists(logPath)
            )
            {
                throw new PipelineStepException(
                    $"the prediction log {Path.GetFullPath(logPath)} does not exist; pass --param current=FILE or --param prediction-log=PATH."
                );
            }
            log = PredictionLogStoreFactory.Create(location);
        }
        catch (ArgumentException ex)
        {
            throw PipelineStepException.From(ex);
        }
        var rows = 0;
        await foreach (var _ in log.ReadAsync(new PredictionLogQuery(from, to), cancellationToken))
        {
            rows++;
        }
        var window = Describe(from, to);
        if (rows == 0)
        {
            throw new PipelineStepException($"the prediction log has no predictions in {window}.");
        }
        return new StepOutcome(
            Values("", from, to, rows.ToString(CultureInfo.InvariantCulture)),
            [],
            string.Create(CultureInfo.InvariantCulture, $"{rows} predictions in {window}")
        );
    }

    private static string Describe(DateTimeOffset? from, DateTimeOffset to) =>
        $"[{(from is { } f ? Format(f) : "beginning")}, {Format(to)})";

    internal static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(
            "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'",
            CultureInfo.InvariantCulture
        );

    private static Dictionary<string, string> Values(
        string current,
        DateTimeOffset? from,
        DateTimeOffset to,
        string rows
    ) =>
        Training.StepParameters.Values(
            ("current_csv", current),
            ("window_from", from is { } f ? Format(f) : ""),
            ("window_to", Format(to)),
            ("window_rows", rows)
        );
}
