namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// Bounds the model fits running at once across the trainers that search side by side (the
/// run's <see cref="TrainingOptions.Parallelism"/>), so that running trainers concurrently keeps
/// the cores busy without oversubscribing them.
/// </summary>
internal sealed class FitGate(int slots) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(slots, slots);

    /// <summary>Runs <paramref name="fit"/> once a slot is free.</summary>
    public void Run(Action fit, CancellationToken cancellationToken)
    {
        _slots.Wait(cancellationToken);
        try
        {
            fit();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
