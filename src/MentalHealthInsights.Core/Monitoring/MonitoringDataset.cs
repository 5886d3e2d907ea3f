using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Core.Monitoring;

/// <summary>
/// The columnar input of monitoring: the nine model features plus, where known, the model's
/// probability and label, the observed outcome and the prediction time. Built from validated
/// records (a reference or current file) or from prediction-log entries. Held in memory for
/// one analysis only; the report keeps summaries, never rows.
/// </summary>
public sealed class MonitoringDataset
{
    /// <summary>Column name of the model's probability in drift results.</summary>
    public const string ProbabilityColumn = "prediction_probability";

    /// <summary>Column name of the model's label in drift results.</summary>
    public const string LabelColumn = "prediction_label";

    /// <summary>Column name of the observed outcome in drift results.</summary>
    public const string TargetColumn = DatasetSchema.MentalHealthCondition;

    /// <summary>The nine feature names, numeric first, in the order reports list them.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        DatasetSchema.Age,
        DatasetSchema.SleepHours,
        DatasetSchema.WorkHours,
        DatasetSchema.PhysicalActivityHours,
        DatasetSchema.Gender,
        DatasetSchema.Occupation,
        DatasetSchema.Country,
        DatasetSchema.ConsultationHistory,
        DatasetSchema.StressLevel,
    ];

    /// <summary>Creates a dataset; every array must have <paramref name="rows"/> entries.</summary>
    public MonitoringDataset(
        int rows,
        IReadOnlyList<MonitoringColumn> features,
        double[]? probabilities = null,
        bool[]? labels = null,
        bool?[]? outcomes = null,
        DateTimeOffset[]? timestamps = null
    )
    {
        ArgumentNullException.ThrowIfNull(features);
        if (
            features.Any(f => f.Length != rows)
            || (probabilities is not null && probabilities.Length != rows)
            || (labels is not null && labels.Length != rows)
            || (outcomes is not null && outcomes.Length != rows)
            || (timestamps is not null && timestamps.Length != rows)
        )
        {
            throw new ArgumentException(
                "Every column must have one value per row.",
                nameof(features)
            );
        }
        Rows = rows;
        Features = features;
        Probabilities = probabilities;
        Labels = labels;
        Outcomes = outcomes;
        Timestamps = timestamps;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>The model's decision threshold (label = probability ≥ threshold); default 0.5.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>The feature columns.</summary>
    public IReadOnlyList<MonitoringColumn> Features { get; }

    /// <summary>The model's probability per row; null when not scored.</summary>
    public double[]? Probabilities { get; }

    /// <summary>The model's label per row; null when not scored.</summary>
    public bool[]? Labels { get; }

    /// <summary>The observed outcome per row (null entries: not arrived); null when no labels at all.</summary>
    public bool?[]? Outcomes { get; }

    /// <summary>Prediction time per row; null for files without time.</summary>
    public DateTimeOffset[]? Timestamps { get; }

    /// <summary>Rows whose outcome is known.</summary>
    public int LabelledRows => Outcomes?.Count(o => o.HasValue) ?? 0;

    /// <summary>The feature column called <paramref name="name"/>, or null.</summary>
    public MonitoringColumn? Feature(string name) =>
        Features.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// Builds a dataset from validated records; the outcome is the record's target. Predictions
    /// (probability, label) are attached when given, one per record, with the model's threshold.
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="probabilities">The model's probability per record, or null.</param>
    /// <param name="labels">The model's label per record, or null.</param>
    /// <param name="threshold">The model's decision threshold.</param>
    /// <param name="unlabelled">
    /// True for records read without an outcome column (<see cref="ValidationReport.Unlabelled"/>):
    /// their target is a placeholder, so <see cref="Outcomes"/> is null, exactly as for a
    /// prediction-log window in which no outcome has arrived (no target drift, no measured
    /// quality; CBPE estimates instead).
    /// </param>
    public static MonitoringDataset FromRecords(
        IReadOnlyList<MentalHealthRecord> records,
        double[]? probabilities = null,
        bool[]? labels = null,
        double threshold = 0.5,
        bool unlabelled = false
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        int n = records.Count;
        var builder = new ColumnsBuilder(n);
        var outcomes = unlabelled ? null : new bool?[n];
        for (int i = 0; i < n; i++)
        {
            var r = records[i];
            builder.Set(
                i,
                r.Age,
                r.SleepHours,
                r.WorkHours,
                r.PhysicalActivityHours,
                r.Gender,
                r.Occupation,
                r.Country,
                r.ConsultationHistory,
                r.StressLevel
            );
            if (outcomes is not null)
            {
                outcomes[i] = r.HasCondition;
            }
        }
        return new MonitoringDataset(n, builder.Build(), probabilities, labels, outcomes)
        {
            Threshold = threshold,
        };
    }

    /// <summary>
    /// Builds a dataset from prediction-log entries (probability, label, time and the outcome
    /// where it has arrived). Outcomes are null when none of the entries has one.
    /// </summary>
    public static MonitoringDataset FromPredictionLog(IReadOnlyList<PredictionLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int n = entries.Count;
        var builder = new ColumnsBuilder(n);
        var probabilities = new double[n];
        var labels = new bool[n];
        var outcomes = new bool?[n];
        var timestamps = new DateTimeOffset[n];
        bool anyOutcome = false;
        for (int i = 0; i < n; i++)
        {
            var e = entries[i];
            builder.Set(
                i,
                e.Age,
                e.SleepHours,
                e.WorkHours,
                e.PhysicalActivityHours,
                e.Gender,
                e.Occupation,
                e.Country,
                e.ConsultationHistory,
                e.StressLevel
            );
            probabilities[i] = e.Probability;
            labels[i] = e.Label;
            outcomes[i] = e.Outcome;
            anyOutcome |= e.Outcome.HasValue;
            timestamps[i] = e.Timestamp;
        }
        return new MonitoringDataset(
            n,
            builder.Build(),
            probabilities,
            labels,
            anyOutcome ? outcomes : null,
            timestamps
        )
        {
            // The most frequent logged threshold: a window normally holds one model version.
            Threshold =
                n == 0
                    ? 0.5
                    : entries
                        .GroupBy(e => e.Threshold)
                        .OrderByDescending(g => g.Count())
                        .First()
                        .Key,
        };
    }

    /// <summary>The rows selected by <paramref name="rows"/> (a window or a group).</summary>
    public MonitoringDataset Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new MonitoringDataset(
            rows.Count,
            [.. Features.Select(f => f.Select(rows))],
            Probabilities is null ? null : [.. rows.Select(i => Probabilities[i])],
            Labels is null ? null : [.. rows.Select(i => Labels[i])],
            Outcomes is null ? null : [.. rows.Select(i => Outcomes[i])],
            Timestamps is null ? null : [.. rows.Select(i => Timestamps[i])]
        )
        {
            Threshold = Threshold,
        };
    }

    private sealed class ColumnsBuilder(int n)
    {
        private readonly double[] _age = new double[n];
        private readonly double[] _sleep = new double[n];
        private readonly double[] _work = new double[n];
        private readonly double[] _activity = new double[n];
        private readonly string?[] _gender = new string?[n];
        private readonly string?[] _occupation = new string?[n];
        private readonly string?[] _country = new string?[n];
        private readonly string?[] _consultation = new string?[n];
        private readonly string?[] _stress = new string?[n];

        public void Set(
            int i,
            double age,
            double sleep,
            double work,
            double activity,
            string gender,
            string occupation,
            string country,
            bool? consultation,
            string? stress
        )
        {
            _age[i] = age;
            _sleep[i] = sleep;
            _work[i] = work;
            _activity[i] = activity;
            _gender[i] = gender;
            _occupation[i] = occupation;
            _country[i] = country;
            _consultation[i] = consultation switch
            {
                true => "Yes",
                false => "No",
                null => null,
            };
            _stress[i] = stress;
        }

        public MonitoringColumn[] Build() =>
            [
                MonitoringColumn.Numeric(DatasetSchema.Age, _age),
                MonitoringColumn.Numeric(DatasetSchema.SleepHours, _sleep),
                MonitoringColumn.Numeric(DatasetSchema.WorkHours, _work),
                MonitoringColumn.Numeric(DatasetSchema.PhysicalActivityHours, _activity),
                MonitoringColumn.Categorical(DatasetSchema.Gender, _gender),
                MonitoringColumn.Categorical(DatasetSchema.Occupation, _occupation),
                MonitoringColumn.Categorical(DatasetSchema.Country, _country),
                MonitoringColumn.Categorical(DatasetSchema.ConsultationHistory, _consultation),
                MonitoringColumn.Categorical(DatasetSchema.StressLevel, _stress),
            ];
    }
}
