using System.Text;
using System.Text.Json;

namespace MentalHealthInsights.Core.Features;

public sealed partial class FittedPreprocessor
{
    /// <summary>
    /// The fitted state as an indented JSON document (schema version 1, docs/preprocessing.md):
    /// the feature spec, per-column statistics or levels, the output width and names.
    /// Contains aggregate statistics and category names only, never a record.
    /// </summary>
    public string ToJson() =>
        JsonSerializer.Serialize(
            ToDocument(),
            PreprocessorJsonContext.Default.PreprocessorDocument
        );

    /// <summary>The same document as <see cref="ToJson"/>, as UTF-8 bytes.</summary>
    public byte[] ToUtf8Json() =>
        JsonSerializer.SerializeToUtf8Bytes(
            ToDocument(),
            PreprocessorJsonContext.Default.PreprocessorDocument
        );

    /// <summary>Writes the document of <see cref="ToJson"/> to <paramref name="utf8Json"/> as UTF-8 (the stream is left open).</summary>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(
            utf8Json,
            ToDocument(),
            PreprocessorJsonContext.Default.PreprocessorDocument
        );
    }

    /// <summary>Restores a preprocessor written by <see cref="ToJson"/>; its transforms are bit-identical to the original's.</summary>
    /// <exception cref="FormatException">The document is malformed, of another schema version, or inconsistent; the message names what is wrong.</exception>
    public static FittedPreprocessor FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJson(Encoding.UTF8.GetBytes(json));
    }

    /// <inheritdoc cref="FromJson(string)"/>
    /// <remarks>
    /// Every overload reads through <see cref="PreprocessorDocumentReader"/> (not the serializer,
    /// whose first use costs a process tens of milliseconds of JIT: docs/model-bundle.md).
    /// </remarks>
    public static FittedPreprocessor FromJson(ReadOnlySpan<byte> utf8Json)
    {
        PreprocessorDocument? document;
        try
        {
            document = PreprocessorDocumentReader.Read(utf8Json);
        }
        catch (JsonException ex)
        {
            throw NotWellFormed(ex);
        }

        return FromDocument(document);
    }

    /// <inheritdoc cref="FromJson(string)"/>
    public static FittedPreprocessor FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return FromJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static FormatException NotWellFormed(JsonException ex) =>
        new(
            $"Invalid preprocessor JSON: not well-formed or of the wrong shape (truncated?): {ex.Message}",
            ex
        );

    private PreprocessorDocument ToDocument() =>
        new()
        {
            SchemaVersion = SchemaVersion,
            Spec = new FeatureSpecDocument { Features = [.. Spec.Features], Target = Spec.Target },
            TrainingRowCount = TrainingRowCount,
            OutputWidth = OutputWidth,
            Columns = [.. _columns.Select(ToDocument)],
            OutputNames = [.. OutputNames],
            Notes = [.. Notes],
        };

    private static PreprocessorColumnDocument ToDocument(FittedColumn column) =>
        column.Kind == FeatureKind.Numeric
            ? new()
            {
                Name = column.Name,
                Kind = PreprocessorColumnDocument.NumericKind,
                MissingInTraining = column.MissingInTraining,
                Median = column.Median,
                Mean = column.Mean,
                StandardDeviation = column.StandardDeviation,
                Scale = column.Scale,
            }
            : new()
            {
                Name = column.Name,
                Kind = PreprocessorColumnDocument.CategoricalKind,
                MissingInTraining = column.MissingInTraining,
                Levels = [.. column.Levels],
            };
}
