using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.TestSupport;

/// <summary>
/// A pipeline step that signals <paramref name="started"/> and then waits until its run is
/// cancelled: what the scheduler shutdown tests stop.
/// </summary>
public sealed class WaitUntilCancelledStep(TaskCompletionSource started) : PipelineStep
{
    public override string Name => "wait";

    public override IReadOnlyList<string> Inputs => [];

    public override IReadOnlyList<string> Outputs => [];

    public override async Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        started.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return new StepOutcome(new Dictionary<string, string>(), [], null);
    }
}
