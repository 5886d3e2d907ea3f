using System.Net;
using System.Text.RegularExpressions;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Reporting.Training;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting.Training;

public class TrainingReportWriterTests
{
    internal static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    internal static TrainingReportOutput Write(TrainingReport report, TempDirectory dir) =>
        new TrainingReportWriter(new FixedTimeProvider(Now)).Write(report, dir.Path);

    [Fact]
    public void Write_RealisticReport_WritesHtmlJsonAndEveryPlotAsPngAndSvg()
    {
        using var dir = new TempDirectory();

        var output = Write(TrainingReportTestData.Realistic(), dir);

        Assert.Equal(Path.Combine(dir.Path, "training-report.html"), output.HtmlPath);
        Assert.Equal(Path.Combine(dir.Path, "training.json"), output.JsonPath);
        Assert.True(File.Exists(output.HtmlPath));
        Assert.True(File.Exists(output.JsonPath));
        string plots = Path.Combine(dir.Path, "plots");
        string[] expected =
        [
            "roc-curves",
            "precision-recall-curves",
            "calibration",
            "importance-lr",
            "odds-ratios-lr",
            "importance-xgb",
            "shap-xgb",
        ];
        Assert.Equal(
            expected
                .SelectMany(s =>
                    new[] { Path.Combine(plots, s + ".png"), Path.Combine(plots, s + ".svg") }
                )
                .Order(StringComparer.Ordinal),
            output.PlotPaths.Order(StringComparer.Ordinal)
        );
        Assert.All(output.PlotPaths, p => Assert.True(File.Exists(p), p));
    }

    [Fact]
    public void Write_RealisticReport_HasEverySectionInPageOrderAfterTheDisclaimer()
    {
        using var dir = new TempDirectory();

        string html = File.ReadAllText(Write(TrainingReportTestData.Realistic(), dir).HtmlPath);

        int disclaimer = html.IndexOf(
            "This is a screening aid, not a diagnosis.",
            StringComparison.Ordinal
        );
        Assert.True(disclaimer > 0);
        int previous = disclaimer;
        foreach (string heading in TrainingReportWriter.SectionHeadings)
        {
            int at = html.IndexOf(
                $">{WebUtility.HtmlEncode(heading)}</h2>",
                StringComparison.Ordinal
            );
            Assert.True(at > previous, $"'{heading}' missing or out of order.");
            previous = at;
        }
    }

    [Fact]
    public void Write_RealisticReport_RendersEachModelsTestRocAucWithItsInterval()
    {
        using var dir = new TempDirectory();
        var report = TrainingReportTestData.Realistic();

        string html = File.ReadAllText(Write(report, dir).HtmlPath);

        foreach (var model in report.Models)
        {
            var interval = model.Test.Intervals[MetricNames.RocAuc];
            Assert.Contains(
                TrainingReportTestData.Format(interval),
                html,
                StringComparison.Ordinal
            );
        }

        // Every cell holding an unsigned interval has the "x [l, u]" form with three decimals.
        var cells = Regex
            .Matches(html, @"<td>(\d[^<]*\[[^<]*\])</td>")
            .Select(m => m.Groups[1].Value)
            .ToList();
        Assert.True(cells.Count >= 8 * report.Models.Count, "Too few interval cells.");
        Assert.All(
            cells,
            c => Assert.Matches(@"^\d+\.\d{3} \[(\d+\.\d{3}|n/a), (\d+\.\d{3}|n/a)\]$", c)
        );
    }

    [Fact]
    public void Write_RealisticReport_ShowsDataAndReproducibilityFacts()
    {
        using var dir = new TempDirectory();
        var report = TrainingReportTestData.Realistic();

        string html = File.ReadAllText(Write(report, dir).HtmlPath);

        Assert.Contains(report.Data.DataHash!, html, StringComparison.Ordinal);
        Assert.Contains("0123456789abcdef0123456789abcdef01234567", html, StringComparison.Ordinal);
        Assert.Contains(
            "<th scope=\"row\">Microsoft.ML</th><td>5.0.1</td>",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("<th scope=\"row\">Seed</th><td>42</td>", html, StringComparison.Ordinal);
        Assert.Contains("2025-03-14 09:00:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains("2025-03-14 09:26:53 UTC", html, StringComparison.Ordinal);
        Assert.Contains(
            string.Join(", ", TrainingReportTestData.Features),
            html,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Write_RealisticReport_FormatsPValuesBelowOneThousandthInScientificNotation()
    {
        using var dir = new TempDirectory();
        var report = TrainingReportTestData.Realistic();
        var lr = report.FindModel("lr")!;
        double p = lr.Significance!.RocAucVersusBaseline.PValue;
        Assert.True(p < 0.001, "The realistic data must give a tiny p-value.");

        string html = File.ReadAllText(Write(report, dir).HtmlPath);

        Assert.Contains(
            $"<td>{p.ToString("0.00e+00", System.Globalization.CultureInfo.InvariantCulture)}</td>",
            html,
            StringComparison.Ordinal
        );
        // The odds-ratio table's p = 0.2 stays in fixed notation.
        Assert.Contains("<td>0.2000</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ConfusionMatrices_ShowCountsAndRatesOfTheActualGroup()
    {
        using var dir = new TempDirectory();
        var report = TrainingReportTestData.Realistic();
        var c = report.FindModel("lr")!.Test.Metrics.Confusion;

        string html = File.ReadAllText(Write(report, dir).HtmlPath);

        string recall = (100.0 * c.TruePositives / c.Positives).ToString(
            "0.0",
            System.Globalization.CultureInfo.InvariantCulture
        );
        Assert.Contains($"<td>{c.TruePositives} ({recall}%)</td>", html, StringComparison.Ordinal);
        // The baseline calls nobody positive.
        var b = report.FindModel("baseline")!.Test.Metrics.Confusion;
        Assert.Contains(
            $"<td>0 (0.0%)</td><td>{b.Positives} (100.0%)</td>",
            html,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Write_NoLogisticRegressionOrShap_OmitsThoseSectionsAndPlots()
    {
        using var dir = new TempDirectory();
        var report = TrainingReportTestData.Realistic();
        report = report with
        {
            Models =
            [
                .. report.Models.Select(m =>
                    m with
                    {
                        Coefficients = [],
                        ContributionMethod = "feature contributions",
                        Name = m.Name == "xgb" ? "rf" : m.Name,
                    }
                ),
            ],
        };

        var output = Write(report, dir);
        string html = File.ReadAllText(output.HtmlPath);

        Assert.DoesNotContain(
            ">Logistic regression odds ratios</h2>",
            html,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(">XGBoost SHAP values</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">Key indicators</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(
            output.PlotPaths,
            p =>
                p.Contains("odds-ratios", StringComparison.Ordinal)
                || p.Contains("shap", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Write_SameReportTwice_GivesIdenticalHtml()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var report = TrainingReportTestData.Realistic();

        string a = File.ReadAllText(Write(report, first).HtmlPath);
        string b = File.ReadAllText(Write(report, second).HtmlPath);

        Assert.Equal(a, b);
    }
}
