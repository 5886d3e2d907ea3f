using System.Runtime.ExceptionServices;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// Turns the exceptions of work run side by side (Parallel.For, Task.WaitAll) into what a
/// sequential run would have thrown: the first real failure, thrown as itself, or — when every
/// piece of work was only cancelled — one <see cref="OperationCanceledException"/>. Without
/// this, a cancellation arrived wrapped in an <see cref="AggregateException"/>, which callers
/// took for a failure (exit 3 instead of 130), and a trainer cancelled because another one had
/// failed could hide that failure.
/// </summary>
internal static class ParallelFailures
{
    /// <summary>True when <paramref name="exception"/> is a cancellation, possibly wrapped in (nested) aggregates.</summary>
    public static bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException
        || (
            exception is AggregateException aggregate
            && aggregate.Flatten().InnerExceptions is { Count: > 0 } inner
            && inner.All(e => e is OperationCanceledException)
        );

    /// <summary>Rethrows the first real failure of <paramref name="aggregate"/> (its stack kept), else its first cancellation.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Rethrow(AggregateException aggregate)
    {
        var inner = aggregate.Flatten().InnerExceptions;
        var first =
            inner.FirstOrDefault(e => e is not OperationCanceledException)
            ?? inner.FirstOrDefault()
            ?? aggregate;
        ExceptionDispatchInfo.Capture(first).Throw();
    }
}
