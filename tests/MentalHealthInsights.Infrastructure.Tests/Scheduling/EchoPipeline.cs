using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Tests.Scheduling;

/// <summary>A one-step pipeline that finishes at once: the scheduler tests are about firing, not work.</summary>
internal static class EchoPipeline
{
    public static PipelineDefinition Create() =>
        new("echo", "test", [new PipelineParameter("word", "x", "")], [new EchoStep()]);

    private sealed class EchoStep : PipelineStep
    {
        public override string Name => "echo";

        public override IReadOnlyList<string> Inputs => ["word"];

        public override IReadOnlyList<string> Outputs => ["said"];

        public override Task<StepOutcome> ExecuteAsync(
            PipelineStepContext context,
            CancellationToken cancellationToken
        ) =>
            Task.FromResult(
                new StepOutcome(
                    new Dictionary<string, string> { ["said"] = context.Input("word") },
                    [],
                    null
                )
            );
    }
}
