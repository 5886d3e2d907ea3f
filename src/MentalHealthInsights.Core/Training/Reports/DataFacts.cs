namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>What the models were trained and tested on. Counts only, never record values.</summary>
public sealed record DataFacts
{
    /// <summary>Records given to the run.</summary>
    public required int Rows { get; init; }

    /// <summary>Records with the condition (Mental_Health_Condition = Yes).</summary>
    public required int Positives { get; init; }

    /// <summary>Positives / Rows.</summary>
    public required double Prevalence { get; init; }

    /// <summary>Rows in the training part (cross-validation, search, calibration, threshold, final fit).</summary>
    public required int TrainRows { get; init; }

    /// <summary>Positives in the training part.</summary>
    public required int TrainPositives { get; init; }

    /// <summary>Rows in the held-out test part (used once, for the final evaluation).</summary>
    public required int TestRows { get; init; }

    /// <summary>Positives in the test part.</summary>
    public required int TestPositives { get; init; }

    /// <summary>SHA-256 of the input as given by the caller (<see cref="Protocol.TrainingOptions.DataHash"/>); null when not given.</summary>
    public string? DataHash { get; init; }

    /// <summary>The seed of every random choice of the run (split, folds, search, fits, bootstrap, permutations).</summary>
    public required int Seed { get; init; }

    /// <summary>The feature columns, in preprocessing order.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>The target column (positive class: Yes).</summary>
    public required string Target { get; init; }
}
