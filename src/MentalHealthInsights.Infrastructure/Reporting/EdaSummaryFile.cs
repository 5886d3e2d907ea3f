using System.Buffers;
using System.Text.Json;

namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>
/// Checks that a file given as an EDA summary (<c>mhi train --eda-summary</c>, the training
/// pipeline's eda_json) is an eda.json written by <see cref="EdaReportWriter"/>: it is uploaded
/// to the tracking store as a run artifact, so any other file — a raw CSV above all, whose
/// record values must never reach tracking — is refused before training starts.
/// </summary>
public static class EdaSummaryFile
{
    /// <summary>Larger than any eda.json (a few hundred KB): such a file is refused unread.</summary>
    private const long MaxBytes = 64L << 20;

    /// <summary>The top-level fields of eda.json beside the report.</summary>
    private static readonly string[] ReportFields =
    [
        "dataQuality",
        "target",
        "numericFeatures",
        "categoricalFeatures",
        "correlations",
        "associations",
        "whatStandsOut",
    ];

    /// <summary>Throws <see cref="InvalidDataException"/> (naming no value of the file) unless <paramref name="path"/> is an eda.json.</summary>
    /// <returns>The SHA-256 of the data it describes, as recorded (null in files written before it was).</returns>
    public static string? Check(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        var problem = FindProblem(path, out var dataSha256);
        if (problem is not null)
        {
            throw new InvalidDataException(
                $"The EDA summary {name} is not an eda.json written by mhi eda ({problem}); only that file is attached to the tracked run."
            );
        }
        return dataSha256;
    }

    /// <summary>
    /// Throws <see cref="InvalidDataException"/> when the eda.json at <paramref name="path"/>
    /// recorded a data hash (<paramref name="recordedSha256"/>, from <see cref="Check"/>) other
    /// than the training input's: the tracked run would be documented with another dataset's
    /// analysis. A file without a recorded hash cannot be checked and is accepted.
    /// </summary>
    public static void RequireSameData(string path, string? recordedSha256, string dataSha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataSha256);
        if (
            recordedSha256 is null
            || string.Equals(recordedSha256, dataSha256, StringComparison.Ordinal)
        )
        {
            return;
        }
        throw new InvalidDataException(
            $"The EDA summary {Path.GetFileName(path)} describes other data (SHA-256 {Short(recordedSha256)}…) than the training input (SHA-256 {Short(dataSha256)}…): run mhi eda on the training input, or leave out the EDA summary."
        );
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;

    private static string? FindProblem(string path, out string? dataSha256)
    {
        dataSha256 = null;
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"EDA summary not found: {path}", path);
        }
        if (file.Length > MaxBytes)
        {
            return "far too large";
        }
        JsonDocument document;
        try
        {
            using var stream = file.OpenRead();
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException)
        {
            return "not JSON";
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "not a JSON object";
            }
            if (
                !root.TryGetProperty("formatVersion", out var version)
                || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number)
                || number != EdaJsonDocument.CurrentFormatVersion
            )
            {
                return "no formatVersion of eda.json";
            }
            if (
                !root.TryGetProperty("disclaimer", out var disclaimer)
                || disclaimer.ValueKind != JsonValueKind.String
                || disclaimer.GetString() != HtmlReportBuilder.Disclaimer
            )
            {
                return "no disclaimer of mhi eda";
            }
            if (
                !root.TryGetProperty("report", out var report)
                || report.ValueKind != JsonValueKind.Object
                || ReportFields.Any(f => !report.TryGetProperty(f, out _))
            )
            {
                return "no EDA report";
            }
            if (root.TryGetProperty("dataSha256", out var hash))
            {
                if (hash.ValueKind != JsonValueKind.String || !IsSha256(hash.GetString()!))
                {
                    return "its dataSha256 is not a SHA-256";
                }
                dataSha256 = hash.GetString();
            }
        }
        return null;
    }

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    private static bool IsSha256(string text) =>
        text.Length == 64 && text.AsSpan().IndexOfAnyExcept(LowerHex) < 0;
}
