using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// metadata.json ⇄ <see cref="ModelBundleMetadata"/>. Maps are written sorted by key (ordinal),
/// so the same metadata always gives the same bytes; NaN is written as null.
/// </summary>
internal static class MetadataJson
{
    private const string File = ModelBundleLayout.MetadataFile;

    public static byte[] Serialize(ModelBundleMetadata metadata)
    {
        var document = new MetadataDocument
        {
            BundleSchemaVersion = metadata.BundleSchemaVersion,
            ModelName = metadata.ModelName,
            TrainerName = metadata.TrainerName,
            DisplayName = metadata.DisplayName,
            ModelFormat = metadata.ModelFormat,
            Features = [.. metadata.Features],
            Target = metadata.Target,
            Threshold = metadata.Threshold,
            ThresholdStrategy = metadata.ThresholdStrategy,
            Calibration = metadata.Calibration is { } method ? CalibrationJson.Name(method) : null,
            Metrics = Sorted(
                metadata.Metrics,
                i =>
                    (IntervalDocument?)
                        new IntervalDocument
                        {
                            Estimate = NullIfNaN(i.Estimate),
                            Lower = NullIfNaN(i.Lower),
                            Upper = NullIfNaN(i.Upper),
                        }
            ),
            CvMetrics = Sorted(
                metadata.CvMetrics,
                s =>
                    (CvMetricDocument?)
                        new CvMetricDocument
                        {
                            Mean = NullIfNaN(s.Mean),
                            Std = NullIfNaN(s.StandardDeviation),
                            Folds = s.Count,
                        }
            ),
            DataSha256 = metadata.DataSha256,
            Seed = metadata.Seed,
            HyperParameters = Sorted(metadata.HyperParameters, v => v),
            LibraryVersions = Sorted(metadata.LibraryVersions, v => v),
            GitCommit = metadata.GitCommit,
            CreatedAtUtc = metadata.CreatedAtUtc,
            Promotable = metadata.Promotable,
            PromotableReason = metadata.PromotableReason,
            Warnings = [.. metadata.Warnings],
        };
        return JsonSerializer.SerializeToUtf8Bytes(
            document,
            ModelBundleJsonContext.Default.MetadataDocument
        );
    }

    /// <summary>Parses and validates metadata.json; every failure names metadata.json.</summary>
    public static ModelBundleMetadata Parse(byte[] json)
    {
        MetadataDocument? d;
        try
        {
            d = BundleDocumentReader.Metadata(json);
        }
        catch (JsonException e)
        {
            throw Invalid($"not valid JSON or of the wrong shape ({e.Message}).", e);
        }

        if (d is null)
        {
            throw Invalid("the document is null.");
        }

        if (
            d.BundleSchemaVersion is { } version
            && version != ModelBundleMetadata.CurrentSchemaVersion
        )
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.UnsupportedSchemaVersion,
                File,
                $"bundleSchemaVersion {version.ToString(CultureInfo.InvariantCulture)} is not supported; this version of mhi reads bundleSchemaVersion {ModelBundleMetadata.CurrentSchemaVersion.ToString(CultureInfo.InvariantCulture)} (was the bundle written by a newer mhi?)."
            );
        }

        var missing = MissingFields(d);
        if (missing.Count > 0)
        {
            throw Invalid($"required fields are missing: {string.Join(", ", missing)}.");
        }

        var calibration = d.Calibration is null ? null : CalibrationJson.ParseMethod(d.Calibration);
        if (d.Calibration is not null && calibration is null)
        {
            throw Invalid(
                $"'calibration' is '{d.Calibration}'; known methods: {CalibrationJson.KnownNames}, or null."
            );
        }

        var nullMetric =
            d.Metrics!.FirstOrDefault(p => p.Value is null).Key
            ?? d.CvMetrics!.FirstOrDefault(p => p.Value is null).Key;
        if (nullMetric is not null)
        {
            throw Invalid($"metric '{nullMetric}' has no value.");
        }

        var metadata = new ModelBundleMetadata
        {
            BundleSchemaVersion = d.BundleSchemaVersion!.Value,
            ModelName = d.ModelName!,
            TrainerName = d.TrainerName!,
            DisplayName = d.DisplayName!,
            ModelFormat = d.ModelFormat!,
            Features = Array.AsReadOnly(d.Features!.ToArray()),
            Target = d.Target!,
            Threshold = d.Threshold!.Value,
            ThresholdStrategy = d.ThresholdStrategy!,
            Calibration = calibration,
            Metrics = d.Metrics!.ToDictionary(
                p => p.Key,
                p => new Interval(
                    NaNIfNull(p.Value!.Estimate),
                    NaNIfNull(p.Value.Lower),
                    NaNIfNull(p.Value.Upper)
                ),
                StringComparer.Ordinal
            ),
            CvMetrics = d.CvMetrics!.ToDictionary(
                p => p.Key,
                p => new MetricSummary(
                    NaNIfNull(p.Value!.Mean),
                    NaNIfNull(p.Value.Std),
                    p.Value.Folds ?? 0
                ),
                StringComparer.Ordinal
            ),
            DataSha256 = d.DataSha256!,
            Seed = d.Seed!.Value,
            HyperParameters = new Dictionary<string, string>(
                d.HyperParameters!,
                StringComparer.Ordinal
            ),
            LibraryVersions = new Dictionary<string, string>(
                d.LibraryVersions!,
                StringComparer.Ordinal
            ),
            GitCommit = d.GitCommit,
            CreatedAtUtc = d.CreatedAtUtc!.Value,
            Promotable = d.Promotable!.Value,
            PromotableReason = d.PromotableReason!,
            Warnings = Array.AsReadOnly(d.Warnings!.ToArray()),
        };
        var problems = metadata.FindProblems();
        return problems.Count == 0
            ? metadata
            : throw Invalid("invalid: " + string.Join(" ", problems));
    }

    private static List<string> MissingFields(MetadataDocument d)
    {
        var missing = new List<string>();
        void Check(bool present, string name)
        {
            if (!present)
            {
                missing.Add(name);
            }
        }

        Check(d.BundleSchemaVersion is not null, "bundleSchemaVersion");
        Check(d.ModelName is not null, "modelName");
        Check(d.TrainerName is not null, "trainerName");
        Check(d.DisplayName is not null, "displayName");
        Check(d.ModelFormat is not null, "modelFormat");
        Check(d.Features is not null, "features");
        Check(d.Target is not null, "target");
        Check(d.Threshold is not null, "threshold");
        Check(d.ThresholdStrategy is not null, "thresholdStrategy");
        Check(d.Metrics is not null, "metrics");
        Check(d.CvMetrics is not null, "cvMetrics");
        Check(d.DataSha256 is not null, "dataSha256");
        Check(d.Seed is not null, "seed");
        Check(d.HyperParameters is not null, "hyperParameters");
        Check(d.LibraryVersions is not null, "libraryVersions");
        Check(d.CreatedAtUtc is not null, "createdAtUtc");
        Check(d.Promotable is not null, "promotable");
        Check(d.PromotableReason is not null, "promotableReason");
        Check(d.Warnings is not null, "warnings");
        return missing;
    }

    private static Dictionary<string, TOut> Sorted<TIn, TOut>(
        IReadOnlyDictionary<string, TIn> map,
        Func<TIn, TOut> convert
    )
    {
        // Filled in ordinal key order: Dictionary enumerates in insertion order when nothing is removed.
        var sorted = new Dictionary<string, TOut>(map.Count, StringComparer.Ordinal);
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            sorted.Add(key, convert(map[key]));
        }

        return sorted;
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    private static double NaNIfNull(double? value) => value ?? double.NaN;

    private static ModelBundleException Invalid(string problem, Exception? inner = null) =>
        new(ModelBundleErrorKind.MetadataInvalid, File, problem, inner);
}
