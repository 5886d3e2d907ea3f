using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Core.Tests.Pipelines;

/// <summary>A configurable step: fails its first <c>failures</c> attempts, counts executions.</summary>
internal sealed class CountingStep(
    string name,
    string[] inputs,
    string[] outputs,
    int failures = 0,
    bool cacheable = false,
    Func<PipelineStepContext, CancellationToken, Task>? body = null,
    Exception? failWith = null
) : PipelineStep
{
    private int _executions;

    public override string Name => name;

    public override IReadOnlyList<string> Inputs => inputs;

    public override IReadOnlyList<string> Outputs => outputs;

    public int Executions => _executions;

    public string Settings { get; set; } = "settings-1";

    public override ValueTask<string?> FingerprintAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult(cacheable ? Settings : null);

    public override async Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var n = Interlocked.Increment(ref _executions);
        if (body is not null)
        {
            await body(context, cancellationToken);
        }
        if (n <= failures)
        {
            throw failWith ?? new IOException($"transient failure {n}");
        }
        var values = outputs.ToDictionary(
            o => o,
            o => $"{o}<-{string.Join('+', context.Inputs.Values)}",
            StringComparer.Ordinal
        );
        return new StepOutcome(
            values,
            [new PipelineLink("report", $"{name}.html")],
            $"{name} done"
        );
    }
}
