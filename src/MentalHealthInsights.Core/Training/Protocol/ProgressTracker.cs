namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>Counts work units and reports the overall fraction done (never decreasing).</summary>
internal sealed class ProgressTracker(IProgress<TrainingProgress>? sink, int totalUnits)
{
    private int _done;

    /// <summary>Marks <paramref name="units"/> done and reports <paramref name="progress"/> with the new fraction.</summary>
    public void Advance(int units, TrainingProgress progress)
    {
        _done = Math.Min(totalUnits, _done + units);
        sink?.Report(progress with { Fraction = Fraction });
    }

    /// <summary>Reports a stage start without marking work done.</summary>
    public void Stage(string stage, string? model = null) =>
        sink?.Report(new TrainingProgress(stage, Fraction) { Model = model });

    private double Fraction => totalUnits <= 0 ? 1 : (double)_done / totalUnits;
}
