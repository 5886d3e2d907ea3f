using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>The training protocol of issue 3 (docs/training.md).</summary>
public sealed class TrainingProtocol
{
    private readonly IReadOnlyList<IBinaryTrainer> _trainers;
    private readonly TimeProvider _time;

    /// <summary>Creates the protocol over <paramref name="trainers"/> (must include "baseline").</summary>
    public TrainingProtocol(IReadOnlyList<IBinaryTrainer> trainers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trainers);
        ArgumentNullException.ThrowIfNull(time);
        _trainers = trainers;
        _time = time;
    }

    /// <summary>Runs the protocol.</summary>
    public TrainingResult Run(
        IReadOnlyList<MentalHealthRecord> records,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken ct = default
    )
    {
        _ = _trainers;
        _ = _time;
        throw new NotImplementedException();
    }
}
