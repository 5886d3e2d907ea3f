using System.Text.Json;
using static MentalHealthInsights.Core.Serialization.JsonDocumentValues;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// Reads manifest.json, metadata.json and calibration.json into their document classes through
/// <see cref="JsonDocument"/>, with the rules <see cref="ModelBundleJsonContext"/> would apply
/// when deserialising them (camelCase names matched exactly, unknown properties ignored, null
/// for a missing or null member, the last of repeated names wins, a value of the wrong kind is a
/// <see cref="JsonException"/>; tests compare both on every document shape). Why not the
/// serializer: its metadata for these documents is generic over value types (int?, double?,
/// DateTimeOffset? …), which ReadyToRun cannot precompile outside System.Text.Json, so the first
/// bundle a process loaded spent ≈ 100 ms JIT-compiling it — half the start-up of a one-row
/// <c>mhi batch</c> (docs/model-bundle.md). Writing keeps the serializer.
/// </summary>
internal static class BundleDocumentReader
{
    /// <summary>manifest.json; null when the document is the JSON literal null.</summary>
    /// <exception cref="JsonException">Not JSON, or a member of the wrong kind.</exception>
    public static ManifestDocument? Manifest(byte[] json) => Read(json, ManifestFrom);

    /// <summary>metadata.json; null when the document is the JSON literal null.</summary>
    /// <exception cref="JsonException">Not JSON, or a member of the wrong kind.</exception>
    public static MetadataDocument? Metadata(byte[] json) => Read(json, MetadataFrom);

    /// <summary>calibration.json; null when the document is the JSON literal null.</summary>
    /// <exception cref="JsonException">Not JSON, or a member of the wrong kind.</exception>
    public static CalibrationDocument? Calibration(byte[] json) => Read(json, CalibrationFrom);

    private static ManifestDocument ManifestFrom(JsonElement element, string path)
    {
        int? schemaVersion = null;
        List<ManifestFileDocument?>? files = null;
        string? filesSha256 = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            switch (p.Name)
            {
                case "schemaVersion":
                    schemaVersion = Whole(p.Value, at);
                    break;
                case "files":
                    files = List(p.Value, at, ManifestFileFrom);
                    break;
                case "filesSha256":
                    filesSha256 = Text(p.Value, at);
                    break;
                default:
                    break;
            }
        }

        return new ManifestDocument
        {
            SchemaVersion = schemaVersion,
            Files = files,
            FilesSha256 = filesSha256,
        };
    }

    private static ManifestFileDocument? ManifestFileFrom(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string? filePath = null;
        string? sha256 = null;
        long? bytes = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            switch (p.Name)
            {
                case "path":
                    filePath = Text(p.Value, at);
                    break;
                case "sha256":
                    sha256 = Text(p.Value, at);
                    break;
                case "bytes":
                    bytes = Whole64(p.Value, at);
                    break;
                default:
                    break;
            }
        }

        return new ManifestFileDocument
        {
            Path = filePath,
            Sha256 = sha256,
            Bytes = bytes,
        };
    }

    private static MetadataDocument MetadataFrom(JsonElement element, string path)
    {
        int? bundleSchemaVersion = null;
        int? seed = null;
        string? modelName = null;
        string? trainerName = null;
        string? displayName = null;
        string? modelFormat = null;
        string? target = null;
        string? thresholdStrategy = null;
        string? calibration = null;
        string? dataSha256 = null;
        string? gitCommit = null;
        string? promotableReason = null;
        List<string?>? features = null;
        List<string?>? warnings = null;
        double? threshold = null;
        Dictionary<string, IntervalDocument?>? metrics = null;
        Dictionary<string, CvMetricDocument?>? cvMetrics = null;
        Dictionary<string, string?>? hyperParameters = null;
        Dictionary<string, string?>? libraryVersions = null;
        DateTimeOffset? createdAtUtc = null;
        bool? promotable = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            var v = p.Value;
            switch (p.Name)
            {
                case "bundleSchemaVersion":
                    bundleSchemaVersion = Whole(v, at);
                    break;
                case "modelName":
                    modelName = Text(v, at);
                    break;
                case "trainerName":
                    trainerName = Text(v, at);
                    break;
                case "displayName":
                    displayName = Text(v, at);
                    break;
                case "modelFormat":
                    modelFormat = Text(v, at);
                    break;
                case "features":
                    features = List(v, at, Text);
                    break;
                case "target":
                    target = Text(v, at);
                    break;
                case "threshold":
                    threshold = Number(v, at);
                    break;
                case "thresholdStrategy":
                    thresholdStrategy = Text(v, at);
                    break;
                case "calibration":
                    calibration = Text(v, at);
                    break;
                case "metrics":
                    metrics = Map(v, at, IntervalFrom);
                    break;
                case "cvMetrics":
                    cvMetrics = Map(v, at, CvMetricFrom);
                    break;
                case "dataSha256":
                    dataSha256 = Text(v, at);
                    break;
                case "seed":
                    seed = Whole(v, at);
                    break;
                case "hyperParameters":
                    hyperParameters = Map(v, at, Text);
                    break;
                case "libraryVersions":
                    libraryVersions = Map(v, at, Text);
                    break;
                case "gitCommit":
                    gitCommit = Text(v, at);
                    break;
                case "createdAtUtc":
                    createdAtUtc = Date(v, at);
                    break;
                case "promotable":
                    promotable = Flag(v, at);
                    break;
                case "promotableReason":
                    promotableReason = Text(v, at);
                    break;
                case "warnings":
                    warnings = List(v, at, Text);
                    break;
                default:
                    break;
            }
        }

        // The serializer, too, leaves a null inside a list or map of strings as null.
        return new MetadataDocument
        {
            BundleSchemaVersion = bundleSchemaVersion,
            ModelName = modelName,
            TrainerName = trainerName,
            DisplayName = displayName,
            ModelFormat = modelFormat,
            Features = features!,
            Target = target,
            Threshold = threshold,
            ThresholdStrategy = thresholdStrategy,
            Calibration = calibration,
            Metrics = metrics,
            CvMetrics = cvMetrics,
            DataSha256 = dataSha256,
            Seed = seed,
            HyperParameters = hyperParameters!,
            LibraryVersions = libraryVersions!,
            GitCommit = gitCommit,
            CreatedAtUtc = createdAtUtc,
            Promotable = promotable,
            PromotableReason = promotableReason,
            Warnings = warnings!,
        };
    }

    private static IntervalDocument? IntervalFrom(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        double? estimate = null;
        double? lower = null;
        double? upper = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            switch (p.Name)
            {
                case "estimate":
                    estimate = Number(p.Value, at);
                    break;
                case "lower":
                    lower = Number(p.Value, at);
                    break;
                case "upper":
                    upper = Number(p.Value, at);
                    break;
                default:
                    break;
            }
        }

        return new IntervalDocument
        {
            Estimate = estimate,
            Lower = lower,
            Upper = upper,
        };
    }

    private static CvMetricDocument? CvMetricFrom(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        double? mean = null;
        double? std = null;
        int? folds = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            switch (p.Name)
            {
                case "mean":
                    mean = Number(p.Value, at);
                    break;
                case "std":
                    std = Number(p.Value, at);
                    break;
                case "folds":
                    folds = Whole(p.Value, at);
                    break;
                default:
                    break;
            }
        }

        return new CvMetricDocument
        {
            Mean = mean,
            Std = std,
            Folds = folds,
        };
    }

    private static CalibrationDocument CalibrationFrom(JsonElement element, string path)
    {
        string? method = null;
        CalibrationParametersDocument? parameters = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            switch (p.Name)
            {
                case "method":
                    method = Text(p.Value, at);
                    break;
                case "parameters":
                    parameters = ParametersFrom(p.Value, at);
                    break;
                default:
                    break;
            }
        }

        return new CalibrationDocument { Method = method, Parameters = parameters };
    }

    private static CalibrationParametersDocument? ParametersFrom(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        double? a = null;
        double? b = null;
        List<double>? thresholds = null;
        List<double>? values = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            switch (p.Name)
            {
                case "a":
                    a = Number(p.Value, at);
                    break;
                case "b":
                    b = Number(p.Value, at);
                    break;
                case "thresholds":
                    thresholds = Doubles(p.Value, at);
                    break;
                case "values":
                    values = Doubles(p.Value, at);
                    break;
                default:
                    break;
            }
        }

        return new CalibrationParametersDocument
        {
            A = a,
            B = b,
            Thresholds = thresholds,
            Values = values,
        };
    }
}
