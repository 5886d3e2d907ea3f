using System.Text.Json;
using static MentalHealthInsights.Core.Serialization.JsonDocumentValues;

namespace MentalHealthInsights.Core.Features;

/// <summary>
/// Reads a <see cref="PreprocessorDocument"/> without the serializer, with the rules
/// <see cref="PreprocessorJsonContext"/> applies (tests compare both on every shape): model
/// bundles are loaded at the start of short-lived processes, where the serializer's first use
/// cost tens of milliseconds of JIT (docs/model-bundle.md). Writing keeps the serializer.
/// </summary>
internal static class PreprocessorDocumentReader
{
    /// <summary>The document; null when it is the JSON literal null.</summary>
    /// <exception cref="JsonException">Not JSON, or a member of the wrong kind.</exception>
    public static PreprocessorDocument? Read(ReadOnlySpan<byte> json) =>
        Read<PreprocessorDocument>(json, DocumentFrom);

    private static PreprocessorDocument DocumentFrom(JsonElement element, string path)
    {
        int? schemaVersion = null;
        FeatureSpecDocument? spec = null;
        int? trainingRowCount = null;
        int? outputWidth = null;
        List<PreprocessorColumnDocument?>? columns = null;
        List<string?>? outputNames = null;
        List<string?>? notes = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            var v = p.Value;
            switch (p.Name)
            {
                case "schemaVersion":
                    schemaVersion = Whole(v, at);
                    break;
                case "spec":
                    spec = SpecFrom(v, at);
                    break;
                case "trainingRowCount":
                    trainingRowCount = Whole(v, at);
                    break;
                case "outputWidth":
                    outputWidth = Whole(v, at);
                    break;
                case "columns":
                    columns = List(v, at, ColumnFrom);
                    break;
                case "outputNames":
                    outputNames = List(v, at, Text);
                    break;
                case "notes":
                    notes = List(v, at, Text);
                    break;
                default:
                    break;
            }
        }

        return new PreprocessorDocument
        {
            SchemaVersion = schemaVersion,
            Spec = spec,
            TrainingRowCount = trainingRowCount,
            OutputWidth = outputWidth,
            Columns = columns,
            OutputNames = outputNames,
            Notes = notes,
        };
    }

    private static FeatureSpecDocument? SpecFrom(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        List<string?>? features = null;
        string? target = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            switch (p.Name)
            {
                case "features":
                    features = List(p.Value, at, Text);
                    break;
                case "target":
                    target = Text(p.Value, at);
                    break;
                default:
                    break;
            }
        }

        return new FeatureSpecDocument { Features = features, Target = target };
    }

    private static PreprocessorColumnDocument? ColumnFrom(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string? name = null;
        string? kind = null;
        long? missingInTraining = null;
        double? median = null;
        double? mean = null;
        double? standardDeviation = null;
        double? scale = null;
        List<string?>? levels = null;
        foreach (var p in Members(element, path))
        {
            var at = path + "." + p.Name;
            var v = p.Value;
            switch (p.Name)
            {
                case "name":
                    name = Text(v, at);
                    break;
                case "kind":
                    kind = Text(v, at);
                    break;
                case "missingInTraining":
                    missingInTraining = Whole64(v, at);
                    break;
                case "median":
                    median = Number(v, at);
                    break;
                case "mean":
                    mean = Number(v, at);
                    break;
                case "standardDeviation":
                    standardDeviation = Number(v, at);
                    break;
                case "scale":
                    scale = Number(v, at);
                    break;
                case "levels":
                    levels = List(v, at, Text);
                    break;
                default:
                    break;
            }
        }

        return new PreprocessorColumnDocument
        {
            Name = name,
            Kind = kind,
            MissingInTraining = missingInTraining,
            Median = median,
            Mean = mean,
            StandardDeviation = standardDeviation,
            Scale = scale,
            Levels = levels,
        };
    }
}
