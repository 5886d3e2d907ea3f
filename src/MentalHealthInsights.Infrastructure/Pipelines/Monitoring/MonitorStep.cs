using System.Globalization;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Monitoring;
using MentalHealthInsights.Infrastructure.Pipelines.Training;
using MentalHealthInsights.Infrastructure.Scoring;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// <c>monitor</c>: resolves the model (the champion by default) and the reference (the given CSV,
/// or the model's training data found by the SHA-256 its run recorded), then runs
/// <see cref="MonitoringJob"/> on the collected window with tracking on, writing
/// <c>OUT/monitoring/RUN_ID/</c>. Outputs the report paths, the verdicts and the key metrics
/// (as <c>name=value;…</c>, round-trip numbers), and <c>snapshot.json</c>: the snapshot
/// <see cref="MonitoringJob.CreateSnapshot"/> builds, exactly as <c>mhi monitor</c> stores it,
/// for the alert step.
/// </summary>
/// <param name="time">The clock.</param>
internal sealed class MonitorStep(TimeProvider time) : PipelineStep
{
    public override string Name => "monitor";

    public override IReadOnlyList<string> Inputs =>
        [
            "current_csv",
            "window_from",
            "window_to",
            "prediction-log",
            "model",
            "reference",
            "out",
            "tracking-uri",
        ];

    public override IReadOnlyList<string> Outputs =>
        [
            "monitoring_html",
            "monitoring_json",
            "tracking_run",
            "monitored_model",
            "dataset_drift",
            "drifted_columns",
            "key_metrics",
            "reference_csv",
            "monitoring_snapshot",
        ];

    public override async Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var outFolder = StepParameters.FullPath(context, "out");
        var folder = Path.Combine(outFolder, "monitoring", context.RunId);
        var backend = PipelineTracking.Open(context.Input("tracking-uri"), outFolder, time);
        var modelReference = context.Input("model");
        ResolvedModel? resolved = null;
        try
        {
            resolved = await new ModelReferenceResolver(backend).ResolveAsync(
                modelReference,
                Path.Combine(folder, ".models"),
                cancellationToken
            );
            var reference = await ReferenceAsync(
                context,
                backend,
                resolved,
                outFolder,
                cancellationToken
            );
            var current = context.Input("current_csv");
            var options = new MonitoringJobOptions
            {
                ReferencePath = reference,
                CurrentPath = current.Length > 0 ? current : null,
                CurrentWindow =
                    current.Length > 0
                        ? null
                        : new PredictionLogQuery(
                            Parse(context.Input("window_from")),
                            Parse(context.Input("window_to"))
                        ),
                OutputDirectory = folder,
                // As mhi monitor: the registered version, null for a bundle path.
                Model = resolved.Version is null ? null : Describe(resolved, modelReference),
            };
            var bundle = resolved.Bundle;
            var result = await new MonitoringJob(time).RunAsync(
                options,
                new Predictor(bundle.Preprocessor, bundle.Model, bundle.Metadata.Threshold),
                current.Length > 0
                    ? null
                    : PredictionLogStoreFactory.Create(context.Input("prediction-log")),
                new TrackingService(backend.Tracking, time, artifacts: backend.Artifacts),
                cancellationToken
            );
            var snapshot = MonitoringSnapshotFile.Write(
                MonitoringJob.CreateSnapshot(options, result),
                folder
            );
            return Outcome(result, Describe(resolved, modelReference), reference, snapshot);
        }
        catch (Exception ex)
            when (ex is MonitoringInputException or ModelBundleException or TrackingException)
        {
            throw PipelineStepException.From(ex);
        }
        finally
        {
            resolved?.Bundle.Dispose();
        }
    }

    private static async Task<string> ReferenceAsync(
        PipelineStepContext context,
        Tracking.Sqlite.TrackingBackend backend,
        ResolvedModel resolved,
        string outFolder,
        CancellationToken cancellationToken
    )
    {
        var given = context.Input("reference");
        if (given.Length > 0)
        {
            return Path.GetFullPath(given);
        }
        var version =
            resolved.Version
            ?? throw new PipelineStepException(
                "parameter reference is required when model is a bundle path."
            );
        var hash =
            await TrainingDataLocator.RecordedHashAsync(
                backend.Tracking,
                version,
                cancellationToken
            )
            ?? throw new PipelineStepException(
                "the model's run recorded no training-data hash; pass --param reference=CSV."
            );
        string[] folders = [Path.Combine(outFolder, "data"), "data", "."];
        return TrainingDataLocator.FindByHash(hash, folders)
            ?? throw new PipelineStepException(
                $"no CSV in {string.Join(", ", folders)} has the training data's SHA-256; pass --param reference=CSV."
            );
    }

    private static string Describe(ResolvedModel resolved, string reference) =>
        resolved.Version is { } v
            ? $"{v.Name}/{v.Version.ToString(CultureInfo.InvariantCulture)}"
            : reference;

    private static DateTimeOffset? Parse(string text) =>
        text.Length == 0
            ? null
            : DateTimeOffset.Parse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
            );

    private static StepOutcome Outcome(
        MonitoringJobResult result,
        string model,
        string reference,
        string snapshot
    )
    {
        var report = result.Report;
        var drifted = string.Join(
            ",",
            report.Drift.Features.Where(f => f.Drifted).Select(f => f.Column)
        );
        var links = new List<PipelineLink> { new("report", result.Output.HtmlPath) };
        if (result.TrackingRunId is { } run)
        {
            links.Add(new PipelineLink("tracking-run", run));
        }
        return new StepOutcome(
            StepParameters.Values(
                ("monitoring_html", result.Output.HtmlPath),
                ("monitoring_json", result.Output.JsonPath),
                ("tracking_run", result.TrackingRunId ?? string.Empty),
                ("monitored_model", model),
                ("dataset_drift", report.Drift.DatasetVerdict),
                ("drifted_columns", drifted),
                ("key_metrics", KeyMetricsText.Format(report.KeyMetrics)),
                ("reference_csv", reference),
                ("monitoring_snapshot", snapshot)
            ),
            links,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{report.CurrentRows} current rows; {report.Drift.ColumnsDrifted} of {report.Drift.ColumnsTested} columns drifted (dataset drift: {report.Drift.DatasetVerdict})"
            )
        );
    }
}
