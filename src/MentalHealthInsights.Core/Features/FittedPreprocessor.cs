namespace MentalHealthInsights.Core.Features;

/// <summary>
/// The fitted state of the one preprocessing definition, and the single code path that turns a
/// record into model input (<see cref="Transform(Data.MentalHealthRecord, Span{float})"/>), used
/// unchanged by training, batch scoring and serving. Immutable and thread-safe. Serialised into
/// the model bundle with <see cref="ToJson"/> and restored with <see cref="FromJson(string)"/>.
/// </summary>
/// <remarks>
/// Output layout, in <see cref="FeatureSpec.Features"/> order: a numeric column gives one slot
/// named after the column; a categorical column gives one slot per training level
/// ("Gender=Female", sorted ordinally) followed by "Gender=&lt;unknown&gt;".
/// See docs/preprocessing.md.
/// </remarks>
public sealed partial class FittedPreprocessor
{
    /// <summary>The level name of the slot for values not seen in training and for missing values.</summary>
    public const string UnknownLevel = "<unknown>";

    /// <summary>The version of the JSON document written by <see cref="ToJson"/>.</summary>
    public const int SchemaVersion = 1;

    private readonly FittedColumn[] _columns;
    private readonly Dictionary<string, int> _columnIndex;
    private readonly string[] _sourceColumnOfOutput;

    internal FittedPreprocessor(
        FeatureSpec spec,
        FittedColumn[] columns,
        int trainingRowCount,
        IReadOnlyList<string> notes
    )
    {
        // Copy the feature list so a caller mutating its own list cannot change a fitted model.
        Spec = spec with
        {
            Features = Array.AsReadOnly(spec.Features.ToArray()),
        };
        _columns = columns;
        TrainingRowCount = trainingRowCount;
        Notes = Array.AsReadOnly(notes.ToArray());
        _columnIndex = new Dictionary<string, int>(columns.Length, StringComparer.Ordinal);
        var names = new List<string>();
        var sources = new List<string>();
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            _columnIndex.Add(column.Name, i);
            if (column.Kind == FeatureKind.Numeric)
            {
                names.Add(column.Name);
                sources.Add(column.Name);
                continue;
            }

            foreach (var level in column.Levels)
            {
                names.Add(column.Name + "=" + level);
                sources.Add(column.Name);
            }

            names.Add(column.Name + "=" + UnknownLevel);
            sources.Add(column.Name);
        }

        OutputWidth = names.Count;
        OutputNames = Array.AsReadOnly(names.ToArray());
        _sourceColumnOfOutput = sources.ToArray();
        SourceColumnOfOutput = Array.AsReadOnly(_sourceColumnOfOutput);
    }

    /// <summary>The feature specification this was fitted with (recorded with every model).</summary>
    public FeatureSpec Spec { get; }

    /// <summary>Number of floats per transformed row.</summary>
    public int OutputWidth { get; }

    /// <summary>One name per output slot, e.g. "Age", "Gender=Female", "Gender=&lt;unknown&gt;".</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>
    /// For each output slot, the feature column it came from: sum importances or SHAP values
    /// over the slots of a column to report them per original column.
    /// </summary>
    public IReadOnlyList<string> SourceColumnOfOutput { get; }

    /// <summary>Number of training rows the state was fitted on (repeated indices counted each time).</summary>
    public int TrainingRowCount { get; }

    /// <summary>Findings from fitting (constant or all-missing columns). Never contains record values.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The kind of a feature column of this preprocessor.</summary>
    /// <exception cref="ArgumentException">The column is not one of <see cref="Spec"/>'s features.</exception>
    public FeatureKind GetKind(string column) => Column(column).Kind;

    /// <summary>The output slots of a feature column (one slot for numeric columns).</summary>
    /// <exception cref="ArgumentException">The column is not one of <see cref="Spec"/>'s features.</exception>
    public Range GetOutputRange(string column)
    {
        var fitted = Column(column);
        return new Range(fitted.Offset, fitted.Offset + fitted.Width);
    }

    /// <summary>The fitted statistics of a numeric feature column.</summary>
    /// <exception cref="ArgumentException">The column is not a numeric feature of <see cref="Spec"/>.</exception>
    public NumericFeatureStats GetNumericStats(string column)
    {
        var fitted = Column(column);
        if (fitted.Kind != FeatureKind.Numeric)
        {
            throw new ArgumentException($"Column '{column}' is not numeric.", nameof(column));
        }

        return new NumericFeatureStats(
            fitted.Name,
            fitted.Median,
            fitted.Mean,
            fitted.StandardDeviation,
            fitted.Scale,
            fitted.MissingInTraining
        );
    }

    /// <summary>The training levels of a categorical feature column, sorted ordinally (without "&lt;unknown&gt;").</summary>
    /// <exception cref="ArgumentException">The column is not a categorical feature of <see cref="Spec"/>.</exception>
    public IReadOnlyList<string> GetCategoryLevels(string column)
    {
        var fitted = Column(column);
        if (fitted.Kind != FeatureKind.Categorical)
        {
            throw new ArgumentException($"Column '{column}' is not categorical.", nameof(column));
        }

        return fitted.Levels;
    }

    /// <summary>
    /// Maps a value of a numeric output slot back to the column's original units:
    /// <c>value × scale + mean</c>. Imputed values come back as the median.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The slot is outside the output or not numeric.</exception>
    public double ToOriginalScale(int outputIndex, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(outputIndex, OutputWidth);
        var fitted = _columns[_columnIndex[_sourceColumnOfOutput[outputIndex]]];
        if (fitted.Kind != FeatureKind.Numeric)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outputIndex),
                $"Output slot {outputIndex} belongs to categorical column '{fitted.Name}'."
            );
        }

        return (value * fitted.Scale) + fitted.Mean;
    }

    /// <summary>
    /// The feature columns whose bit is set in a mask returned by <c>Transform</c>: bit i is
    /// <see cref="FeatureSpec.Features"/>[i]. Allocates; call it only when the mask is non-zero.
    /// </summary>
    public IReadOnlyList<string> GetUnknownColumns(int unknownMask)
    {
        if (unknownMask == 0)
        {
            return [];
        }

        var names = new List<string>();
        for (var i = 0; i < _columns.Length; i++)
        {
            if ((unknownMask & (1 << i)) != 0)
            {
                names.Add(_columns[i].Name);
            }
        }

        return names;
    }

    private FittedColumn Column(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _columnIndex.TryGetValue(column, out var index)
            ? _columns[index]
            : throw new ArgumentException(
                $"Column '{column}' is not a feature of this preprocessor.",
                nameof(column)
            );
    }
}
