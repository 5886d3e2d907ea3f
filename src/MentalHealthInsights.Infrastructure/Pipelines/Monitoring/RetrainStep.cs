using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Pipelines.Training;
using MentalHealthInsights.Infrastructure.Scheduling;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// <c>retrain</c>: with <c>retrain=true</c> and at least one fired alert, runs the
/// <c>training</c> pipeline on the reference (training) data with trigger <c>alert</c>, recorded
/// as its own run in the run store (<c>run-store</c>, default <c>OUT/pipelines.db</c>); the new
/// version goes through the normal promotion gate. Otherwise it records why it did nothing.
/// A failed training run fails this step (not retried: the training run has its own record).
/// With <c>job-store</c> set, the training run is queued for the workers instead (the same
/// queue as scheduled and manual runs); running it here is the fallback without a scheduler.
/// </summary>
/// <param name="time">The clock.</param>
internal sealed class RetrainStep(TimeProvider time) : PipelineStep
{
    public override string Name => "retrain";

    public override IReadOnlyList<string> Inputs =>
        [
            "retrain",
            "alerts_fired",
            "reference_csv",
            "out",
            "tracking-uri",
            "run-store",
            "job-store",
            "scheduler-name",
        ];

    public override IReadOnlyList<string> Outputs => ["training_run", "retrained"];

    public override async Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var retrain = MonitoringPipeline.Retrain.Read(context);
        if (!retrain || context.Input("alerts_fired") == "0")
        {
            return new StepOutcome(
                StepParameters.Values(("training_run", ""), ("retrained", "false")),
                [],
                retrain ? "no alert fired: nothing to retrain" : "retrain=false"
            );
        }
        var outFolder = StepParameters.FullPath(context, "out");
        var parameters = StepParameters.Values(
            ("input", context.Input("reference_csv")),
            ("out", outFolder),
            ("tracking-uri", context.Input("tracking-uri"))
        );
        if (context.Input("job-store") is { Length: > 0 } jobStore)
        {
            return await EnqueueAsync(context, jobStore, parameters, cancellationToken);
        }
        var location = context.Input("run-store");
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            location.Length > 0 ? location : "sqlite:///" + Path.Combine(outFolder, "pipelines.db"),
            cancellationToken
        );
        var result = await new PipelineRunner(store, time, new PipelineRunnerOptions()).RunAsync(
            new TrainingPipeline().Create(time),
            new PipelineRunRequest { Trigger = PipelineTrigger.Alert, Parameters = parameters },
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

    /// <summary>
    /// With <c>job-store</c>: the training run goes on the workers' queue (trigger alert) under
    /// an id derived from this run, instead of running here; a worker records it in its own run
    /// store and the promotion gate decides as always.
    /// </summary>
    private async Task<StepOutcome> EnqueueAsync(
        PipelineStepContext context,
        string jobStore,
        Dictionary<string, string> parameters,
        CancellationToken cancellationToken
    )
    {
        var runId = PipelineRunId.Derive("retrain|" + context.RunId);
        var failure = await QueuedTraining.TryEnqueueAsync(
            new SchedulerSettings
            {
                JobStore = jobStore,
                InstanceName = context.Input("scheduler-name"),
            },
            parameters,
            runId,
            time,
            cancellationToken
        );
        if (failure is not null)
        {
            throw new PipelineStepException(failure);
        }
        return new StepOutcome(
            StepParameters.Values(("training_run", runId), ("retrained", "queued")),
            [new PipelineLink("pipeline-run", runId)],
            $"training run {runId} queued for the workers (trigger alert); the promotion gate decides"
        );
    }
}
