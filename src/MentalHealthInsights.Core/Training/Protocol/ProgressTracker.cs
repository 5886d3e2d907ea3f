namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// Counts work units and reports the overall fraction done (never decreasing). Thread-safe:
/// parallel fits call <see cref="Tick"/>; the sink is called under a lock, one report at a time.
/// </summary>
internal sealed class ProgressTracker(IProgress<TrainingProgress>? sink, int totalUnits)
{
    private readonly Lock _gate = new();
    private int _done;

    /// <summary>Marks <paramref name="units"/> done and reports <paramref name="progress"/> with the new fraction.</summary>
    public void Advance(int units, TrainingProgress progress)
    {
        lock (_gate)
        {
            _done = Math.Min(totalUnits, _done + units);
            sink?.Report(progress with { Fraction = Fraction });
        }
    }

    /// <summary>Marks one unit (a fit) done from any thread; reports the stage only.</summary>
    public void Tick(string stage, string? model) =>
        Advance(1, new TrainingProgress(stage, 0) { Model = model });

    /// <summary>Reports a stage start without marking work done.</summary>
    public void Stage(string stage, string? model = null)
    {
        lock (_gate)
        {
            sink?.Report(new TrainingProgress(stage, Fraction) { Model = model });
        }
    }

    private double Fraction => totalUnits <= 0 ? 1 : (double)_done / totalUnits;
}
