using System.Collections.Frozen;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Features;

/// <summary>
/// The columns that may be model features, their <see cref="FeatureKind"/>, and a static
/// accessor table that reads a column's value from a <see cref="MentalHealthRecord"/> by name
/// without reflection. Numeric values come back as <see cref="double"/> (NaN when missing);
/// categorical values as the canonical string, or <see langword="null"/> when missing
/// (Consultation_History's <c>bool?</c> becomes "Yes"/"No").
/// </summary>
/// <remarks>
/// User_ID, Mental_Health_Condition (the target) and Severity (an outcome that leaks the
/// target) are deliberately absent: they can never be features.
/// </remarks>
public static class FeatureColumns
{
    private static readonly FrozenDictionary<string, ColumnAccessor> Accessors = new Dictionary<
        string,
        ColumnAccessor
    >(StringComparer.Ordinal)
    {
        [DatasetSchema.Age] = Numeric(static r => r.Age),
        [DatasetSchema.Gender] = Categorical(static r => r.Gender),
        [DatasetSchema.Occupation] = Categorical(static r => r.Occupation),
        [DatasetSchema.Country] = Categorical(static r => r.Country),
        [DatasetSchema.ConsultationHistory] = Categorical(static r =>
            r.ConsultationHistory switch
            {
                true => DatasetSchema.YesNo[0],
                false => DatasetSchema.YesNo[1],
                null => null,
            }
        ),
        [DatasetSchema.StressLevel] = Categorical(static r => r.StressLevel),
        [DatasetSchema.SleepHours] = Numeric(static r => r.SleepHours),
        [DatasetSchema.WorkHours] = Numeric(static r => r.WorkHours),
        [DatasetSchema.PhysicalActivityHours] = Numeric(static r => r.PhysicalActivityHours),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Every column that may be a feature, in the default feature order: Age, Gender, Occupation,
    /// Country, Consultation_History, Stress_Level, Sleep_Hours, Work_Hours, Physical_Activity_Hours.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DatasetSchema.Age,
        DatasetSchema.Gender,
        DatasetSchema.Occupation,
        DatasetSchema.Country,
        DatasetSchema.ConsultationHistory,
        DatasetSchema.StressLevel,
        DatasetSchema.SleepHours,
        DatasetSchema.WorkHours,
        DatasetSchema.PhysicalActivityHours,
    ];

    /// <summary>True when <paramref name="column"/> (ordinal, case-sensitive) may be a feature.</summary>
    public static bool IsFeatureColumn(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Accessors.ContainsKey(column);
    }

    /// <summary>The kind of a feature column; false when the column cannot be a feature.</summary>
    public static bool TryGetKind(string column, out FeatureKind kind)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (Accessors.TryGetValue(column, out var accessor))
        {
            kind = accessor.Kind;
            return true;
        }

        kind = default;
        return false;
    }

    /// <summary>The kind of a feature column.</summary>
    /// <exception cref="ArgumentException">The column cannot be a feature.</exception>
    public static FeatureKind GetKind(string column) => Get(column).Kind;

    /// <summary>A reader for a numeric feature column (returns NaN when the value is missing).</summary>
    /// <exception cref="ArgumentException">The column is not a numeric feature column.</exception>
    public static Func<MentalHealthRecord, double> GetNumericReader(string column) =>
        Get(column).Numeric
        ?? throw new ArgumentException(
            $"Column '{column}' is categorical, not numeric.",
            nameof(column)
        );

    /// <summary>A reader for a categorical feature column (returns null when the value is missing).</summary>
    /// <exception cref="ArgumentException">The column is not a categorical feature column.</exception>
    public static Func<MentalHealthRecord, string?> GetCategoricalReader(string column) =>
        Get(column).Categorical
        ?? throw new ArgumentException(
            $"Column '{column}' is numeric, not categorical.",
            nameof(column)
        );

    /// <summary>Reads a numeric feature column; NaN when missing.</summary>
    /// <exception cref="ArgumentException">The column is not a numeric feature column.</exception>
    public static double ReadNumeric(MentalHealthRecord record, string column)
    {
        ArgumentNullException.ThrowIfNull(record);
        return GetNumericReader(column)(record);
    }

    /// <summary>Reads a categorical feature column; null when missing.</summary>
    /// <exception cref="ArgumentException">The column is not a categorical feature column.</exception>
    public static string? ReadCategory(MentalHealthRecord record, string column)
    {
        ArgumentNullException.ThrowIfNull(record);
        return GetCategoricalReader(column)(record);
    }

    internal static ColumnAccessor Get(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Accessors.TryGetValue(column, out var accessor)
            ? accessor
            : throw new ArgumentException(
                $"Column '{column}' is not a feature column.",
                nameof(column)
            );
    }

    private static ColumnAccessor Numeric(Func<MentalHealthRecord, double> read) =>
        new(FeatureKind.Numeric, read, null);

    private static ColumnAccessor Categorical(Func<MentalHealthRecord, string?> read) =>
        new(FeatureKind.Categorical, null, read);
}
