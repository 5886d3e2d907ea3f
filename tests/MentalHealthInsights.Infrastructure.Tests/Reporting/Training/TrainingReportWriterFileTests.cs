using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting.Training;

public class TrainingReportWriterFileTests
{
    private const string Hostile = "<script>alert('x')</script><b onclick=\"x()\">&";

    [Fact]
    public void Write_RealisticReport_EveryPngDecodesWithItsExpectedSize()
    {
        using var dir = new TempDirectory();

        var output = TrainingReportWriterTests.Write(TrainingReportTestData.Realistic(), dir);

        // Curves are 800 × 600; bar charts and forest plots grow 30 px per row from 140 px
        // (at least 360): nine columns → 410, ten odds-ratio terms → 440.
        var expected = new Dictionary<string, (int Width, int Height)>
        {
            ["roc-curves.png"] = (800, 600),
            ["precision-recall-curves.png"] = (800, 600),
            ["calibration.png"] = (800, 600),
            ["importance-lr.png"] = (800, 410),
            ["importance-xgb.png"] = (800, 410),
            ["shap-xgb.png"] = (800, 410),
            ["odds-ratios-lr.png"] = (800, 440),
        };
        var pngs = output
            .PlotPaths.Where(p => p.EndsWith(".png", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(
            expected.Keys.Order(StringComparer.Ordinal),
            pngs.Select(Path.GetFileName).Order(StringComparer.Ordinal)
        );
        foreach (string png in pngs)
        {
            Assert.Equal(expected[Path.GetFileName(png)], PngReader.Decode(File.ReadAllBytes(png)));
        }
    }

    [Fact]
    public void Write_HtmlEmbedsEveryPngAndLinksItsFiles()
    {
        using var dir = new TempDirectory();

        var output = TrainingReportWriterTests.Write(TrainingReportTestData.Realistic(), dir);
        string html = File.ReadAllText(output.HtmlPath);

        foreach (
            string png in output.PlotPaths.Where(p => p.EndsWith(".png", StringComparison.Ordinal))
        )
        {
            string base64 = Convert.ToBase64String(File.ReadAllBytes(png));
            Assert.Contains(
                $"src=\"data:image/png;base64,{base64}\"",
                html,
                StringComparison.Ordinal
            );
            Assert.Contains(
                $"href=\"plots/{Path.GetFileName(png)}\"",
                html,
                StringComparison.Ordinal
            );
        }

        // Opens offline: nothing is fetched and no script runs.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EverySvg_IsWellFormedXml()
    {
        using var dir = new TempDirectory();

        var output = TrainingReportWriterTests.Write(HostileReport(), dir);

        foreach (
            string svg in output.PlotPaths.Where(p => p.EndsWith(".svg", StringComparison.Ordinal))
        )
        {
            var root = XDocument.Parse(File.ReadAllText(svg)).Root!;
            Assert.Equal("svg", root.Name.LocalName);
            Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName == "script");
        }
    }

    [Fact]
    public void Write_HostileStrings_AreEscapedInTheHtml()
    {
        using var dir = new TempDirectory();

        string html = File.ReadAllText(
            TrainingReportWriterTests.Write(HostileReport(), dir).HtmlPath
        );

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b onclick", html, StringComparison.Ordinal);
        string escaped = WebUtility.HtmlEncode(Hostile);
        // display name (table headers, subheadings, lists), warning, note, library, hyperparameter, column
        Assert.True(
            CountOf(html, escaped) >= 10,
            $"Expected the escaped text many times, found {CountOf(html, escaped)}."
        );
    }

    [Fact]
    public void Write_UndefinedAndInfiniteNumbers_WritesValidFilesWithNotAvailable()
    {
        using var dir = new TempDirectory();
        var report = TrainingReportTestData.Realistic();
        var models = report.Models.ToList();
        var lr = models[1];
        models[1] = lr with
        {
            Test = lr.Test with
            {
                Intervals = MetricNames.All.ToDictionary(m => m, _ => Interval.Undefined),
                RocCurve = [],
                PrecisionRecallCurve = [],
                Calibration = new CalibrationCurve(CalibrationStrategy.Uniform, 10, [], double.NaN),
            },
            PermutationImportance =
            [
                .. lr.PermutationImportance.Select(c => c with { StandardDeviation = double.NaN }),
            ],
            Coefficients =
            [
                new LinearCoefficient(
                    "Age",
                    "Age",
                    800,
                    double.PositiveInfinity,
                    double.PositiveInfinity,
                    0,
                    double.PositiveInfinity,
                    double.NaN
                ),
                new LinearCoefficient(
                    "Sleep_Hours",
                    "Sleep_Hours",
                    -0.4,
                    0.1,
                    0.67,
                    0.55,
                    0.82,
                    0.0001
                ),
            ],
        };
        report = report with { Models = models };

        var output = TrainingReportWriterTests.Write(report, dir);

        string html = File.ReadAllText(output.HtmlPath);
        Assert.Contains("<td>n/a</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>∞ [0.000, ∞]</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(output.JsonPath));
        var interval = json
            .RootElement.GetProperty("report")
            .GetProperty("models")[1]
            .GetProperty("test")
            .GetProperty("intervals")
            .GetProperty(MetricNames.RocAuc);
        Assert.Equal("NaN", interval.GetProperty("estimate").GetString());
        Assert.All(
            output.PlotPaths.Where(p => p.EndsWith(".png", StringComparison.Ordinal)),
            p => PngReader.Decode(File.ReadAllBytes(p))
        );
    }

    private static TrainingReport HostileReport()
    {
        var report = TrainingReportTestData.Realistic();
        var models = report.Models.ToList();
        models[1] = models[1] with
        {
            DisplayName = Hostile,
            Notes = [Hostile],
            PromotionReason = Hostile,
            HyperParameters = new Dictionary<string, string> { [Hostile] = Hostile },
            Trials =
            [
                .. models[1]
                    .Trials.Select(t =>
                        t with
                        {
                            HyperParameters = new Dictionary<string, string> { ["l2"] = Hostile },
                        }
                    ),
            ],
        };
        models[2] = models[2] with
        {
            Contributions =
            [
                .. models[2]
                    .Contributions.Select(
                        (c, i) => i == 0 ? c with { Column = Hostile, DirectionText = Hostile } : c
                    ),
            ],
        };
        return report with
        {
            Models = models,
            Warnings = [Hostile],
            LibraryVersions = new Dictionary<string, string> { [Hostile] = Hostile },
            KeyIndicators =
            [
                .. report.KeyIndicators.Select(k => k with { DirectionText = Hostile }),
            ],
        };
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (
            int i = text.IndexOf(value, StringComparison.Ordinal);
            i >= 0;
            i = text.IndexOf(value, i + 1, StringComparison.Ordinal)
        )
        {
            count++;
        }

        return count;
    }
}
