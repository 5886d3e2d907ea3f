using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MentalHealthInsights.Core.Eda;

namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>
/// Writes an <see cref="EdaReport"/> to a folder: eda.html (self-contained: CSS inline, plots
/// embedded as base64 PNG, opens offline), eda.json (every number shown) and plots/*.png and
/// plots/*.svg. Existing files of the same names are overwritten. The layout is documented in
/// docs/eda.md.
/// </summary>
public sealed partial class EdaReportWriter
{
    /// <summary>File name of the HTML report.</summary>
    public const string HtmlFileName = "eda.html";

    /// <summary>File name of the JSON report.</summary>
    public const string JsonFileName = "eda.json";

    /// <summary>Sub-folder holding the plots.</summary>
    public const string PlotsFolder = "plots";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Keep "Cramér's V" and "α" readable in eda.json; HTML-sensitive characters stay escaped.
    private static readonly EdaJsonContext Json = new(
        new JsonSerializerOptions(EdaJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        }
    );

    private readonly TimeProvider _time;

    /// <summary>Creates a writer that stamps reports with <paramref name="time"/>'s clock.</summary>
    public EdaReportWriter(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Writes the report into <paramref name="outputDirectory"/> (created if missing).</summary>
    /// <param name="report">The computed analysis.</param>
    /// <param name="outputDirectory">Target folder.</param>
    /// <param name="inputName">Shown in the report header and JSON (e.g. the input file name); optional.</param>
    /// <param name="dataSha256">The input's SHA-256 (lowercase hex), recorded in eda.json so that <c>mhi train --eda-summary</c> can check it describes the training data; optional.</param>
    /// <returns>The paths written.</returns>
    public EdaOutput Write(
        EdaReport report,
        string outputDirectory,
        string? inputName = null,
        string? dataSha256 = null
    )
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var generatedAt = _time.GetUtcNow();

        string plotsDirectory = Path.Combine(outputDirectory, PlotsFolder);
        Directory.CreateDirectory(plotsDirectory);

        var plots = RenderPlots(report);
        var plotPaths = new List<string>(plots.Count * 2);
        var usedStems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in plots.Keys.ToList())
        {
            // Sanitised names could collide (e.g. "a b" and "a_b"); never overwrite a plot.
            var plot = plots[key];
            string stem = plot.FileStem;
            for (int i = 2; !usedStems.Add(stem); i++)
            {
                stem = string.Create(CultureInfo.InvariantCulture, $"{plot.FileStem}-{i}");
            }

            plot = plots[key] = plot with { FileStem = stem };
            string png = Path.Combine(plotsDirectory, plot.FileStem + ".png");
            string svg = Path.Combine(plotsDirectory, plot.FileStem + ".svg");
            File.WriteAllBytes(png, plot.Png);
            File.WriteAllText(svg, plot.Svg, Utf8NoBom);
            plotPaths.Add(png);
            plotPaths.Add(svg);
        }

        string jsonPath = Path.Combine(outputDirectory, JsonFileName);
        var document = new EdaJsonDocument
        {
            GeneratedAt = generatedAt,
            Input = inputName,
            DataSha256 = dataSha256,
            Report = report,
        };
        using (var stream = File.Create(jsonPath))
        {
            JsonSerializer.Serialize(stream, document, Json.EdaJsonDocument);
        }

        string htmlPath = Path.Combine(outputDirectory, HtmlFileName);
        File.WriteAllText(htmlPath, BuildHtml(report, plots, generatedAt, inputName), Utf8NoBom);
        return new EdaOutput(htmlPath, jsonPath, plotPaths);
    }

    private static Dictionary<string, RenderedPlot> RenderPlots(EdaReport report)
    {
        var plots = new List<(string, Func<RenderedPlot>)>
        {
            (TargetKey, () => EdaPlots.TargetBalance(report.Target)),
        };
        foreach (var feature in report.NumericFeatures)
        {
            plots.Add((NumericKey(feature.Name), () => EdaPlots.Numeric(feature)));
        }

        foreach (var feature in report.CategoricalFeatures)
        {
            plots.Add(
                (
                    CategoricalKey(feature.Name),
                    () => EdaPlots.Categorical(feature, report.Target.ConditionRate)
                )
            );
        }

        plots.Add((CorrelationKey, () => EdaPlots.Correlations(report.Correlations)));
        return PlotBatch.Render(plots);
    }

    private const string TargetKey = "target";
    private const string CorrelationKey = "correlation";

    private static string NumericKey(string name) => "numeric:" + name;

    private static string CategoricalKey(string name) => "categorical:" + name;
}
