using System.Globalization;
using System.Text.Json;

namespace MentalHealthInsights.Core.Training.Baseline;

/// <summary>
/// The fitted majority-class baseline: a constant probability, the training prevalence
/// <c>positives / rows</c>. Saved as a small JSON document (format "baseline-json").
/// </summary>
public sealed class MajorityBaselineModel : IBinaryModel
{
    /// <summary>The file format written by <see cref="Save"/>.</summary>
    public const string FormatName = "baseline-json";

    /// <summary>
    /// The bias of <see cref="Explain"/> is <c>logit(prevalence)</c> with the prevalence kept
    /// in [ε, 1 − ε] so that a one-class training set still gives a finite number.
    /// </summary>
    public const double LogitClip = 1e-6;

    /// <summary>Creates the model from its counts.</summary>
    /// <param name="positives">Positive training rows (0 ≤ positives ≤ rows).</param>
    /// <param name="rows">Training rows (at least 1).</param>
    /// <param name="columns">Input columns (at least 1), the length of explanations.</param>
    public MajorityBaselineModel(int positives, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(positives);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(positives, rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Positives = positives;
        TrainingRows = rows;
        Columns = columns;
        Prevalence = (double)positives / rows;
    }

    /// <summary>Positive rows in the training data.</summary>
    public int Positives { get; }

    /// <summary>Rows in the training data.</summary>
    public int TrainingRows { get; }

    /// <summary>Number of input columns.</summary>
    public int Columns { get; }

    /// <summary>The constant prediction: positives / rows.</summary>
    public double Prevalence { get; }

    /// <summary>The majority class (true when positives are at least half; ties go to true, like p ≥ 0.5).</summary>
    public bool MajorityClass => Prevalence >= 0.5;

    /// <inheritdoc />
    public string TrainerName => MajorityBaselineTrainer.TrainerName;

    /// <inheritdoc />
    public string Format => FormatName;

    /// <inheritdoc />
    public void Predict(FeatureMatrix data, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckColumns(data.Columns);
        if (destination.Length < data.Rows)
        {
            throw new ArgumentException(
                $"destination has {destination.Length} slots for {data.Rows} rows.",
                nameof(destination)
            );
        }
        destination[..data.Rows].Fill(Prevalence);
    }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<float> features)
    {
        CheckColumns(features.Length);
        return Prevalence;
    }

    /// <summary>All-zero contributions; the bias is logit(prevalence) (clipped, see <see cref="LogitClip"/>).</summary>
    public FeatureContributions Explain(ReadOnlySpan<float> features)
    {
        CheckColumns(features.Length);
        var p = Math.Clamp(Prevalence, LogitClip, 1 - LogitClip);
        return new FeatureContributions(
            new double[Columns],
            Math.Log(p / (1 - p)),
            "none (constant prediction; bias = logit of the training prevalence)"
        );
    }

    /// <summary>
    /// Writes <c>{"format":"baseline-json","trainer":"baseline","positives":…,"rows":…,"columns":…,"prevalence":…}</c>
    /// (UTF-8, indented; the prevalence is informative, the counts are authoritative).
    /// </summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteString("trainer", TrainerName);
        writer.WriteNumber("positives", Positives);
        writer.WriteNumber("rows", TrainingRows);
        writer.WriteNumber("columns", Columns);
        writer.WriteNumber("prevalence", Prevalence);
        writer.WriteEndObject();
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a baseline-json document.</exception>
    public static MajorityBaselineModel Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using var document = JsonDocument.Parse(source);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != FormatName)
            {
                throw new InvalidDataException($"Not a {FormatName} document.");
            }
            return new MajorityBaselineModel(
                root.GetProperty("positives").GetInt32(),
                root.GetProperty("rows").GetInt32(),
                root.GetProperty("columns").GetInt32()
            );
        }
        catch (Exception e)
            when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"Not a valid {FormatName} document.", e);
        }
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose() { }

    private void CheckColumns(int columns)
    {
        if (columns != Columns)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The model has {Columns} columns; the input has {columns}."),
                nameof(columns)
            );
        }
    }
}
