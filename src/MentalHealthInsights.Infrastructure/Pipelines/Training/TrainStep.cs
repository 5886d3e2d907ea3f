using System.Globalization;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Infrastructure.Pipelines.Training;

/// <summary>
/// <c>train</c>: train → evaluate → register → promote, by running <see cref="TrainingJob"/>
/// with tracking on (it logs the runs, registers the best model and lets the promotion gate
/// decide about <c>champion</c>). Writes to <c>OUT/train/RUN_ID/</c>. Never cached: each run
/// registers a new version on purpose.
/// </summary>
/// <param name="time">The clock for the job.</param>
internal sealed class TrainStep(TimeProvider time) : PipelineStep
{
    public override string Name => "train";

    public override IReadOnlyList<string> Inputs =>
        [
            "dataset",
            "eda_json",
            "out",
            "seed",
            "models",
            "search-budget",
            "search-strategy",
            "folds",
            "bootstrap",
            "threads",
            "tracking-uri",
            "experiment",
            "model-name",
            "promotion-margin",
        ];

    public override IReadOnlyList<string> Outputs =>
        [
            "training_report",
            "training_json",
            "tracking_run",
            "registered_model",
            "model_version",
            "promoted",
        ];

    public override Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var outFolder = StepParameters.FullPath(context, "out");
        TrainingOptions protocol;
        try
        {
            protocol = TrainingPipeline.Protocol(context.Inputs);
        }
        catch (FormatException ex)
        {
            throw PipelineStepException.From(ex);
        }
        var trackingUri = context.Input("tracking-uri");
        var options = new TrainingJobOptions
        {
            InputPath = context.Input("dataset"),
            OutputDirectory = Path.Combine(outFolder, "train", context.RunId),
            EdaSummaryPath = context.Input("eda_json"),
            Models = TrainingPipeline.Models.Read(context),
            Threads = TrainingPipeline.Threads.Read(context),
            Track = true,
            // As in mhi run: without a configured store the runs stay beside the outputs.
            TrackingUri =
                trackingUri.Length > 0
                    ? trackingUri
                    : Environment.GetEnvironmentVariable(TrackingBackendFactory.TrackingUriVariable)
                        ?? "sqlite:///" + Path.Combine(outFolder, "mlruns.db"),
            ExperimentName = context.Input("experiment"),
            ModelName = context.Input("model-name"),
            PromotionMargin = TrainingPipeline.PromotionMargin.Read(context),
            Protocol = protocol,
        };
        var problems = options.Protocol.FindProblems();
        if (problems.Count > 0)
        {
            throw new PipelineStepException(string.Join(" ", problems));
        }
        return Task.Run(() => Train(options, cancellationToken), cancellationToken);
    }

    private StepOutcome Train(TrainingJobOptions options, CancellationToken cancellationToken)
    {
        TrainingJobResult result;
        try
        {
            result = new TrainingJob(time).Run(options, null, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw PipelineStepException.From(ex);
        }
        if (result.Report.Outcome != TrainingOutcome.Completed)
        {
            throw new PipelineStepException(
                $"training stopped ({result.Report.Outcome}): {result.Report.Headline} See {result.Output.HtmlPath}."
            );
        }
        var tracking = result.Tracking!;
        if (tracking.Error is not null)
        {
            // Files exist but the registry may be half written: a person should look, not a retry.
            throw new PipelineStepException(
                $"trained, but tracking or registration failed: {tracking.Error}"
            );
        }
        var links = new List<PipelineLink> { new("report", result.Output.HtmlPath) };
        if (tracking.ParentRunId is not null)
        {
            links.Add(new PipelineLink("tracking-run", tracking.ParentRunId));
        }
        var version = tracking.Version?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        if (tracking.RegisteredModel is not null && tracking.Version is not null)
        {
            links.Add(new PipelineLink("model-version", $"{tracking.RegisteredModel}/{version}"));
        }
        return new StepOutcome(
            StepParameters.Values(
                ("training_report", result.Output.HtmlPath),
                ("training_json", result.Output.JsonPath),
                ("tracking_run", tracking.ParentRunId ?? string.Empty),
                ("registered_model", tracking.RegisteredModel ?? string.Empty),
                ("model_version", version),
                ("promoted", tracking.PromotedToChampion ? "true" : "false")
            ),
            links,
            tracking.RegisteredModel is null
                ? result.Report.Headline
                : $"{result.Report.Headline} Registered {tracking.RegisteredModel} v{version}; "
                    + (
                        tracking.PromotedToChampion
                            ? "promoted to champion"
                            : "not promoted: " + tracking.PromotionReason
                    )
                    + "."
        );
    }
}
