using System.Reflection;
using Microsoft.ML;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// Runs an ML.NET fit so that a <see cref="CancellationToken"/> is honoured. ML.NET 5 has no
/// public cancellation: its trainers poll an internal flag (between L-BFGS iterations and
/// between trees) that only <c>MLContext.CancelExecution</c>, an internal method, sets. We call
/// it by reflection when the token fires; if a future ML.NET renames it, cancellation degrades
/// to "checked before and after fitting".
/// </summary>
internal static class MlNetCancellation
{
    private static readonly MethodInfo? CancelExecution = typeof(MLContext).GetMethod(
        "CancelExecution",
        BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
        Type.EmptyTypes
    );

    public static T Run<T>(MLContext ml, Func<T> fit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var registration = cancellationToken.Register(() =>
            CancelExecution?.Invoke(ml, null)
        );
        T result;
        try
        {
            result = fit();
        }
        catch (Exception e)
            when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // FastTree wraps the cancellation in an AggregateException.
            throw new OperationCanceledException("Training was cancelled.", e, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }
}
