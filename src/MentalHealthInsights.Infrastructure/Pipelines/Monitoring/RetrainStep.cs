using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Training;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// <c>retrain</c>: with <c>retrain=true</c> and at least one fired alert, runs the
/// <c>training</c> pipeline on the reference (training) data with trigger <c>alert</c>, recorded
/// as its own run in the run store (<c>run-store</c>, default <c>OUT/pipelines.db</c>); the new
/// version goes through the normal promotion gate. Otherwise it records why it did nothing.
/// A failed training run fails this step (not retried: the training run has its own record).
/// </summary>
/// <param name="time">The clock.</param>
internal sealed class RetrainStep(TimeProvider time) : PipelineStep
{
    public override string Name => "retrain";

    public override IReadOnlyList<string> Inputs =>
        ["retrain", "alerts_fired", "reference_csv", "out", "tracking-uri", "run-store"];

    public override IReadOnlyList<string> Outputs => ["training_run", "retrained"];

    public override async Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var retrain = context.Input("retrain") switch
        {
            "true" => true,
            "false" => false,
            _ => throw new PipelineStepException("parameter retrain must be true or false."),
        };
        if (!retrain || context.Input("alerts_fired") == "0")
        {
            return new StepOutcome(
                StepParameters.Values(("training_run", ""), ("retrained", "false")),
                [],
                retrain ? "no alert fired: nothing to retrain" : "retrain=false"
            );
        }
        var outFolder = StepParameters.FullPath(context, "out");
        var location = context.Input("run-store");
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            location.Length > 0 ? location : "sqlite:///" + Path.Combine(outFolder, "pipelines.db"),
            cancellationToken
        );
        var result = await new PipelineRunner(store, time, new PipelineRunnerOptions()).RunAsync(
            new TrainingPipeline().Create(time),
            new PipelineRunRequest
            {
                Trigger = PipelineTrigger.Alert,
                Parameters = StepParameters.Values(
                    ("input", context.Input("reference_csv")),
                    ("out", outFolder),
                    ("tracking-uri", context.Input("tracking-uri"))
                ),
            },
            cancellationToken
        );
        if (result.Run.State != PipelineRunState.Completed)
        {
            throw new PipelineStepException(
                $"the training run {result.Run.Id} ended {result.Run.State}; see mhi pipeline show {result.Run.Id}."
            );
        }
        var train = result.Steps[^1].Outputs;
        return new StepOutcome(
            StepParameters.Values(("training_run", result.Run.Id), ("retrained", "true")),
            [new PipelineLink("pipeline-run", result.Run.Id)],
            $"training run {result.Run.Id}: registered v{train.GetValueOrDefault("model_version", "?")}, "
                + (
                    train.GetValueOrDefault("promoted") == "true"
                        ? "promoted"
                        : "not promoted (gate)"
                )
        );
    }
}
