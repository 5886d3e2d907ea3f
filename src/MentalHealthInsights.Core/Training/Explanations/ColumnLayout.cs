using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>
/// Where each original feature column sits in a preprocessor's output, and how its levels are
/// ordered: the bridge from slot-level numbers (importances, contributions, weights) back to the
/// columns people know.
/// </summary>
internal sealed class ColumnLayout
{
    private ColumnLayout(FittedPreprocessor preprocessor)
    {
        var features = preprocessor.Spec.Features;
        Columns = new ColumnSlots[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            var name = features[i];
            var kind = preprocessor.GetKind(name);
            var (offset, length) = preprocessor
                .GetOutputRange(name)
                .GetOffsetAndLength(preprocessor.OutputWidth);
            IReadOnlyList<string> levels =
                kind == FeatureKind.Categorical
                    ? [.. preprocessor.GetCategoryLevels(name), FittedPreprocessor.UnknownLevel]
                    : [];
            Columns[i] = new ColumnSlots(name, kind, offset, length, levels, OrderOf(name));
        }

        Width = preprocessor.OutputWidth;
    }

    /// <summary>The feature columns in feature order.</summary>
    public ColumnSlots[] Columns { get; }

    /// <summary>Total number of output slots.</summary>
    public int Width { get; }

    /// <summary>
    /// The layout of <paramref name="preprocessor"/>, built once per preprocessor and cached
    /// (fitted preprocessors are immutable; explanations on the serving hot path ask for it on
    /// every call).
    /// </summary>
    public static ColumnLayout Of(FittedPreprocessor preprocessor)
    {
        ArgumentNullException.ThrowIfNull(preprocessor);
        return Cache.GetValue(preprocessor, static p => new ColumnLayout(p));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<
        FittedPreprocessor,
        ColumnLayout
    > Cache = new();

    /// <summary>
    /// Levels in increasing order for ordinal categorical columns (Stress_Level: Low &lt; Medium &lt;
    /// High); null for nominal columns.
    /// </summary>
    public static IReadOnlyList<string>? OrderOf(string column) =>
        string.Equals(column, DatasetSchema.StressLevel, StringComparison.Ordinal)
            ? DatasetSchema.StressLevels
            : null;
}
