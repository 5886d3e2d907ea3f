using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Eda;

/// <summary>
/// The records turned into columns once, so every statistic reads flat arrays. Non-finite
/// numeric values count as missing (NaN); a null category becomes the "(missing)" level.
/// </summary>
internal sealed class EdaColumns
{
    private EdaColumns(
        bool[] target,
        double[][] numeric,
        CategoricalColumn[] categorical,
        CategoricalColumn targetColumn,
        CategoricalColumn severity
    )
    {
        Target = target;
        Numeric = numeric;
        Categorical = categorical;
        TargetColumn = targetColumn;
        Severity = severity;
    }

    /// <summary>True where the record has the condition.</summary>
    public bool[] Target { get; }

    /// <summary>Numeric columns aligned with <see cref="DatasetSchema.NumericColumns"/>.</summary>
    public double[][] Numeric { get; }

    /// <summary>Categorical features aligned with <see cref="DatasetSchema.CategoricalColumns"/>.</summary>
    public CategoricalColumn[] Categorical { get; }

    /// <summary>The target as a Yes/No categorical column.</summary>
    public CategoricalColumn TargetColumn { get; }

    /// <summary>Severity (an outcome, never a feature).</summary>
    public CategoricalColumn Severity { get; }

    public static EdaColumns From(IReadOnlyList<MentalHealthRecord> records)
    {
        int n = records.Count;
        var target = new bool[n];
        var numeric = new double[DatasetSchema.NumericColumns.Count][];
        for (int c = 0; c < numeric.Length; c++)
        {
            numeric[c] = new double[n];
        }

        for (int i = 0; i < n; i++)
        {
            var r = records[i];
            target[i] = r.HasCondition;
            numeric[0][i] = Finite(r.Age);
            numeric[1][i] = Finite(r.SleepHours);
            numeric[2][i] = Finite(r.WorkHours);
            numeric[3][i] = Finite(r.PhysicalActivityHours);
        }

        CategoricalColumn[] categorical =
        [
            Encode(
                DatasetSchema.Gender,
                [.. DatasetSchema.Genders, DatasetSchema.Other],
                records,
                r => r.Gender
            ),
            Encode(DatasetSchema.Occupation, DatasetSchema.Occupations, records, r => r.Occupation),
            Encode(DatasetSchema.Country, DatasetSchema.Countries, records, r => r.Country),
            Encode(
                DatasetSchema.ConsultationHistory,
                DatasetSchema.YesNo,
                records,
                r =>
                    r.ConsultationHistory switch
                    {
                        true => "Yes",
                        false => "No",
                        null => null,
                    }
            ),
            Encode(
                DatasetSchema.StressLevel,
                DatasetSchema.StressLevels,
                records,
                r => r.StressLevel
            ),
        ];
        var targetColumn = Encode(
            DatasetSchema.MentalHealthCondition,
            DatasetSchema.YesNo,
            records,
            r => r.HasCondition ? "Yes" : "No"
        );
        var severity = Encode(
            DatasetSchema.Severity,
            DatasetSchema.SeverityLevels,
            records,
            r => r.Severity
        );
        return new EdaColumns(target, numeric, categorical, targetColumn, severity);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : double.NaN;

    private static CategoricalColumn Encode(
        string name,
        IReadOnlyList<string> known,
        IReadOnlyList<MentalHealthRecord> records,
        Func<MentalHealthRecord, string?> read
    )
    {
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[records.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            string value = read(records[i]) ?? EdaAnalyzer.MissingLevel;
            if (!firstSeen.TryGetValue(value, out int code))
            {
                code = firstSeen.Count;
                firstSeen.Add(value, code);
            }

            codes[i] = code;
        }

        // Known levels in schema order, then unexpected values, then "(missing)" last.
        var ordered = firstSeen
            .Keys.OrderBy(v =>
                v == EdaAnalyzer.MissingLevel ? int.MaxValue
                : IndexOf(known, v) is var k && k >= 0 ? k
                : known.Count
            )
            .ThenBy(v => v, StringComparer.Ordinal)
            .ToArray();
        var remap = new int[ordered.Length];
        for (int i = 0; i < ordered.Length; i++)
        {
            remap[firstSeen[ordered[i]]] = i;
        }

        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = remap[codes[i]];
        }

        return new CategoricalColumn(name, ordered, codes);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
