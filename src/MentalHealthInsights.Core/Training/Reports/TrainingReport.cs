namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// The result of the training protocol as data: what the HTML report, training.json, tracking
/// and the registry read (DESIGN.md §5.9). Numbers are identical for the same seed and data.
/// Members are only ever added, never renamed.
/// </summary>
public sealed record TrainingReport
{
    /// <summary>The shown disclaimer.</summary>
    public const string DisclaimerText = "This is a screening aid, not a diagnosis.";

    /// <summary>The headline when no model beats the baseline significantly.</summary>
    public const string NoSignalHeadline =
        "No model is better than chance on this data; do not use these predictions.";

    /// <summary>Version of this record's shape (for training.json readers).</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>How the run ended.</summary>
    public required TrainingOutcome Outcome { get; init; }

    /// <summary>
    /// The first sentence of the report: <see cref="NoSignalHeadline"/> when nothing is promotable,
    /// the best model with its test ROC AUC and interval otherwise, or why training stopped.
    /// </summary>
    public required string Headline { get; init; }

    /// <summary><see cref="DisclaimerText"/>.</summary>
    public string Disclaimer { get; init; } = DisclaimerText;

    /// <summary>When the report was created (from the injected TimeProvider).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Data facts.</summary>
    public required DataFacts Data { get; init; }

    /// <summary>The options of the run.</summary>
    public required ReportedOptions Options { get; init; }

    /// <summary>The leakage guard's results.</summary>
    public required LeakageCheck Leakage { get; init; }

    /// <summary>True when leakage was suspected and the run continued anyway (show it; tag the run).</summary>
    public bool SuspectedLeakageAllowed => Leakage.Fired && Leakage.Overridden;

    /// <summary>The tests used and the promotion rule.</summary>
    public required StatisticalTestsUsed Tests { get; init; }

    /// <summary>Every model, the baseline first; empty when training stopped.</summary>
    public required IReadOnlyList<ModelEvaluation> Models { get; init; }

    /// <summary>Pairwise DeLong comparisons between the non-baseline models.</summary>
    public required IReadOnlyList<PairwiseComparison> Comparisons { get; init; }

    /// <summary>The best non-baseline model by mean cross-validated primary metric; null when none was trained.</summary>
    public string? BestModel { get; init; }

    /// <summary>The best promotable model by the same order; null when nothing is promotable.</summary>
    public string? RecommendedModel { get; init; }

    /// <summary>True when at least one model is promotable.</summary>
    public bool AnyPromotable => RecommendedModel is not null;

    /// <summary>The key indicators of <see cref="BestModel"/>, ranked.</summary>
    public required IReadOnlyList<KeyIndicator> KeyIndicators { get; init; }

    /// <summary>Warnings to show prominently (suspected leakage allowed, fallbacks, …).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Library name → version, filled by the caller (e.g. with <c>report with { LibraryVersions = … }</c>).</summary>
    public IReadOnlyDictionary<string, string> LibraryVersions { get; init; } =
        new Dictionary<string, string>();

    /// <summary>
    /// What the input held before validation: rows read, rows rejected and the rejects file.
    /// Filled by the caller (the protocol sees only the accepted rows, <see cref="DataFacts.Rows"/>);
    /// null when the caller did not validate a file.
    /// </summary>
    public InputRows? Input { get; init; }

    /// <summary>The model of a name, or null.</summary>
    public ModelEvaluation? FindModel(string name) =>
        Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
}

/// <summary>The input file's rows: read = used (<see cref="DataFacts.Rows"/>) + rejected.</summary>
/// <param name="RowsRead">Data rows read from the input.</param>
/// <param name="RowsRejected">Rows the validation rejected (not used for training).</param>
/// <param name="RejectsFile">The rejects file's name beside the report, listing each rejected row with its reason.</param>
public sealed record InputRows(long RowsRead, long RowsRejected, string RejectsFile);
