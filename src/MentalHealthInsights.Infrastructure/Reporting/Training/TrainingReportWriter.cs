using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

/// <summary>
/// Writes a <see cref="TrainingReport"/> to a folder: training-report.html (self-contained: CSS
/// inline, plots embedded as base64 PNG, no scripts, opens offline), training.json (every number
/// of the report) and plots/*.png and plots/*.svg. Existing files of the same names are
/// overwritten. The page opens with the disclaimer and then the headline: the plain "no model is
/// better than chance" statement whenever no model beats the baseline. Sections whose data the
/// record does not hold (no logistic regression, nothing trained) are left out. The layout is
/// documented in docs/training-report.md.
/// </summary>
public sealed partial class TrainingReportWriter
{
    /// <summary>File name of the HTML report.</summary>
    public const string HtmlFileName = "training-report.html";

    /// <summary>File name of the JSON report.</summary>
    public const string JsonFileName = "training.json";

    /// <summary>Sub-folder holding the plots.</summary>
    public const string PlotsFolder = "plots";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Keep "→", "±" and "α" readable in training.json; HTML-sensitive characters stay escaped.
    private static readonly TrainingJsonContext Json = new(
        new JsonSerializerOptions(TrainingJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        }
    );

    private readonly TimeProvider _time;

    /// <summary>Creates a writer that stamps reports with <paramref name="time"/>'s clock.</summary>
    public TrainingReportWriter(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Writes the report into <paramref name="outputDirectory"/> (created if missing).</summary>
    /// <param name="report">The training protocol's report (a completed or a stopped run).</param>
    /// <param name="outputDirectory">Target folder.</param>
    /// <returns>The paths written; the plot paths list each PNG followed by its SVG.</returns>
    public TrainingReportOutput Write(TrainingReport report, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var generatedAt = _time.GetUtcNow();
        Directory.CreateDirectory(outputDirectory);

        var plots = RenderPlots(report);
        var plotPaths = new List<string>(plots.Count * 2);
        var relativePaths = new List<string>(plots.Count * 2);
        if (plots.Count > 0)
        {
            string plotsDirectory = Path.Combine(outputDirectory, PlotsFolder);
            Directory.CreateDirectory(plotsDirectory);
            var usedStems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string key in plots.Keys.ToList())
            {
                // Sanitised model names could collide ("a b" and "a_b"); never overwrite a plot.
                var plot = plots[key];
                string stem = plot.FileStem;
                for (int i = 2; !usedStems.Add(stem); i++)
                {
                    stem = string.Create(CultureInfo.InvariantCulture, $"{plot.FileStem}-{i}");
                }

                plot = plots[key] = plot with { FileStem = stem };
                string png = Path.Combine(plotsDirectory, stem + ".png");
                string svg = Path.Combine(plotsDirectory, stem + ".svg");
                File.WriteAllBytes(png, plot.Png);
                File.WriteAllText(svg, plot.Svg, Utf8NoBom);
                plotPaths.Add(png);
                plotPaths.Add(svg);
                relativePaths.Add($"{PlotsFolder}/{stem}.png");
                relativePaths.Add($"{PlotsFolder}/{stem}.svg");
            }
        }

        string jsonPath = Path.Combine(outputDirectory, JsonFileName);
        var document = new TrainingJsonDocument
        {
            GeneratedAt = generatedAt,
            NoModelBeatsChance = TrainingReportFacts.NoModelBeatsChance(report),
            Plots = relativePaths,
            Report = report,
        };
        using (var stream = File.Create(jsonPath))
        {
            JsonSerializer.Serialize(stream, document, Json.TrainingJsonDocument);
        }

        string htmlPath = Path.Combine(outputDirectory, HtmlFileName);
        File.WriteAllText(htmlPath, BuildHtml(report, plots, generatedAt), Utf8NoBom);
        return new TrainingReportOutput(htmlPath, jsonPath, plotPaths);
    }

    private static Dictionary<string, RenderedPlot> RenderPlots(TrainingReport report)
    {
        var plots = new List<(string, Func<RenderedPlot>)>();
        var models = report.Models;
        if (models.Count == 0)
        {
            return [];
        }

        if (models.Any(m => !m.IsBaseline))
        {
            plots.Add((RocKey, () => TrainingPlots.Roc(models)));
            plots.Add(
                (
                    PrecisionRecallKey,
                    () =>
                        TrainingPlots.PrecisionRecall(
                            models,
                            TrainingReportFacts.TestPrevalence(report)
                        )
                )
            );
        }

        plots.Add((CalibrationKey, () => TrainingPlots.Calibration(models)));
        for (int i = 0; i < models.Count; i++)
        {
            var index = i;
            var model = models[i];
            if (!model.IsBaseline && model.PermutationImportance.Count > 0)
            {
                plots.Add((ImportanceKey(i), () => TrainingPlots.Importance(models, index)));
            }

            if (model.Coefficients.Count > 0)
            {
                plots.Add((OddsRatioKey(i), () => TrainingPlots.OddsRatios(models, index)));
            }

            if (TrainingReportFacts.HasShap(model))
            {
                plots.Add((ShapKey(i), () => TrainingPlots.Shap(model)));
            }
        }

        return PlotBatch.Render(plots);
    }

    private const string RocKey = "roc";
    private const string PrecisionRecallKey = "pr";
    private const string CalibrationKey = "calibration";

    // Keyed by position: model names are not guaranteed unique.
    private static string ImportanceKey(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"importance:{index}");

    private static string OddsRatioKey(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"odds:{index}");

    private static string ShapKey(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"shap:{index}");
}
