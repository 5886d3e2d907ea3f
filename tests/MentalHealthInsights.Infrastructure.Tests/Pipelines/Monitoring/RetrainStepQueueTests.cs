using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Pipelines.Monitoring;
using MentalHealthInsights.Infrastructure.Scheduling;
using MentalHealthInsights.Infrastructure.Tests.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines.Monitoring;

/// <summary>
/// The monitoring pipeline's <c>retrain</c> step with <c>job-store</c>: the training run is put
/// on a real SQLite Quartz queue (trigger alert) instead of running in the step, and a started
/// scheduler runs it under the promised id. A stand-in <c>training</c> pipeline records what it
/// was given: the step's contract is the queue, not training (tested elsewhere).
/// </summary>
public sealed class RetrainStepQueueTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly InMemoryPipelineRunStore _runs = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Retrain_JobStoreGiven_QueuesTrainingRunThatAWorkerRunsWithAlertTrigger()
    {
        var jobStore = "sqlite:///" + _folder.Combine("quartz.db");
        var reference = _folder.Combine("reference.csv");
        var monitoring = new PipelineDefinition(
            "monitoring-part",
            "test",
            [
                .. MonitoringPipeline.Parameters.Where(p =>
                    p.Name
                        is "retrain"
                            or "out"
                            or "tracking-uri"
                            or "run-store"
                            or "job-store"
                            or "scheduler-name"
                ),
            ],
            [new AlertsFiredStep(reference), RetrainStepOfMonitoring()]
        );

        var result = await new PipelineRunner(
            _runs,
            TimeProvider.System,
            new PipelineRunnerOptions()
        ).RunAsync(
            monitoring,
            new PipelineRunRequest
            {
                Parameters = new Dictionary<string, string>
                {
                    ["retrain"] = "true",
                    ["out"] = _folder.Combine("out"),
                    ["job-store"] = jobStore,
                },
            },
            CancellationToken.None
        );

        Assert.Equal(PipelineRunState.Completed, result.Run.State);
        var retrain = result.Steps[^1];
        Assert.Equal("queued", retrain.Outputs["retrained"]);
        var trainingId = retrain.Outputs["training_run"];
        Assert.Null(await _runs.GetRunAsync(trainingId, CancellationToken.None));

        await using var worker = await PipelineScheduler.CreateAsync(
            new SchedulerSettings { JobStore = jobStore },
            new PipelineJobServices(
                _runs,
                TimeProvider.System,
                new PipelineRunnerOptions { OwnerId = "w" },
                null
            )
            {
                Pipelines = (name, _) => name == "training" ? StandInTraining() : null,
            }
        );
        await worker.StartAsync(CancellationToken.None);
        PipelineRunRecord? training = null;
        for (var i = 0; i < 600 && training is not { IsFinished: true }; i++)
        {
            await Task.Delay(100);
            training = await _runs.GetRunAsync(trainingId, CancellationToken.None);
        }
        await worker.StopAsync(CancellationToken.None);

        Assert.NotNull(training);
        Assert.Equal(PipelineRunState.Completed, training.State);
        Assert.Equal(PipelineTrigger.Alert, training.Trigger);
        Assert.Equal(reference, training.Parameters["input"]);
        Assert.Equal(_folder.Combine("out"), training.Parameters["out"]);
    }

    private static PipelineStep RetrainStepOfMonitoring() =>
        new MonitoringPipeline().Create(TimeProvider.System).Steps.Single(s => s.Name == "retrain");

    private static PipelineDefinition StandInTraining() =>
        new(
            "training",
            "stand-in",
            [
                new PipelineParameter("input", "", ""),
                new PipelineParameter("out", "", ""),
                new PipelineParameter("tracking-uri", "", ""),
            ],
            [new NothingStep()]
        );

    private sealed class AlertsFiredStep(string reference) : PipelineStep
    {
        public override string Name => "alert";

        public override IReadOnlyList<string> Inputs => [];

        public override IReadOnlyList<string> Outputs => ["alerts_fired", "reference_csv"];

        public override Task<StepOutcome> ExecuteAsync(
            PipelineStepContext context,
            CancellationToken cancellationToken
        ) =>
            Task.FromResult(
                new StepOutcome(
                    new Dictionary<string, string>
                    {
                        ["alerts_fired"] = "1",
                        ["reference_csv"] = reference,
                    },
                    [],
                    null
                )
            );
    }

    private sealed class NothingStep : PipelineStep
    {
        public override string Name => "nothing";

        public override IReadOnlyList<string> Inputs => ["input"];

        public override IReadOnlyList<string> Outputs => [];

        public override Task<StepOutcome> ExecuteAsync(
            PipelineStepContext context,
            CancellationToken cancellationToken
        ) => Task.FromResult(new StepOutcome(new Dictionary<string, string>(), [], null));
    }
}
