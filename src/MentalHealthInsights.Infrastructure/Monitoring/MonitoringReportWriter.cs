using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;

namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>
/// Writes a <see cref="MonitoringReport"/> as monitoring-report.html (self-contained: plots are
/// embedded PNGs of binned summaries, so the size is bounded whatever the row count) and
/// monitoring.json (every number of the report).
/// </summary>
public static partial class MonitoringReportWriter
{
    /// <summary>The HTML file name.</summary>
    public const string HtmlFileName = "monitoring-report.html";

    /// <summary>The JSON file name.</summary>
    public const string JsonFileName = "monitoring.json";

    /// <summary>The reference profile file name (strict profile).</summary>
    public const string ProfileFileName = "reference-profile.json";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly MonitoringJsonContext Json = new(
        new JsonSerializerOptions(MonitoringJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        }
    );

    /// <summary>Writes both files (and the reference profile when given) into <paramref name="outputDirectory"/>.</summary>
    public static MonitoringOutput Write(
        MonitoringReport report,
        string outputDirectory,
        ReferenceProfile? profile = null
    )
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        string jsonPath = Path.Combine(outputDirectory, JsonFileName);
        using (var stream = File.Create(jsonPath))
        {
            JsonSerializer.Serialize(stream, report, Json.MonitoringReport);
        }
        string? profilePath = null;
        if (profile is not null)
        {
            profilePath = Path.Combine(outputDirectory, ProfileFileName);
            WriteProfile(profile, profilePath);
        }
        string htmlPath = Path.Combine(outputDirectory, HtmlFileName);
        File.WriteAllText(htmlPath, BuildHtml(report), Utf8NoBom);
        return new MonitoringOutput(htmlPath, jsonPath, profilePath);
    }

    /// <summary>Writes a reference profile (reference-profile.json) to <paramref name="path"/>.</summary>
    public static void WriteProfile(ReferenceProfile profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, profile, Json.ReferenceProfile);
    }

    /// <summary>Reads monitoring.json back (for tests, the dashboard and comparisons).</summary>
    public static MonitoringReport ReadJson(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize(stream, Json.MonitoringReport)
            ?? throw new InvalidDataException($"{path} is not a monitoring report.");
    }

    /// <summary>Reads a saved reference profile; throws <see cref="InvalidDataException"/> for a malformed file.</summary>
    public static ReferenceProfile ReadProfile(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize(stream, Json.ReferenceProfile)
                ?? throw new InvalidDataException($"{path} is not a reference profile.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a reference profile: {ex.Message}", ex);
        }
    }
}
