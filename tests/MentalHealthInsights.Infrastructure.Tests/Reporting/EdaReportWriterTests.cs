using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Eda;
using MentalHealthInsights.Infrastructure.Reporting;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting;

public class EdaReportWriterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private static EdaReport Analyze(List<MentalHealthRecord>? records = null)
    {
        records ??= ReportTestData.Records();
        return EdaAnalyzer.Analyze(records, ReportTestData.Validation(records.Count));
    }

    private static EdaOutput Write(EdaReport report, TempDirectory dir) =>
        new EdaReportWriter(new FixedTimeProvider(Now)).Write(report, dir.Path, "survey.csv");

    [Fact]
    public void Write_Report_WritesHtmlJsonAndEveryPlotAsPngAndSvg()
    {
        using var dir = new TempDirectory();

        var output = Write(Analyze(), dir);

        Assert.Equal(Path.Combine(dir.Path, "eda.html"), output.HtmlPath);
        Assert.Equal(Path.Combine(dir.Path, "eda.json"), output.JsonPath);
        Assert.True(File.Exists(output.HtmlPath));
        Assert.True(File.Exists(output.JsonPath));

        // target balance + 4 numeric + 5 categorical + heatmap, each as PNG and SVG.
        Assert.Equal(22, output.PlotPaths.Count);
        Assert.All(output.PlotPaths, p => Assert.True(File.Exists(p), p));
        Assert.All(
            output.PlotPaths,
            p => Assert.Equal(Path.Combine(dir.Path, "plots"), Path.GetDirectoryName(p))
        );
        Assert.Equal(11, output.PlotPaths.Count(p => p.EndsWith(".png", StringComparison.Ordinal)));
        Assert.Contains(
            Path.Combine(dir.Path, "plots", "numeric-Sleep_Hours.png"),
            output.PlotPaths
        );
        Assert.Contains(
            Path.Combine(dir.Path, "plots", "categorical-Stress_Level.svg"),
            output.PlotPaths
        );
    }

    [Fact]
    public void Write_Html_ContainsEverySectionHeadingAndTheDisclaimerFirst()
    {
        using var dir = new TempDirectory();

        string html = File.ReadAllText(Write(Analyze(), dir).HtmlPath);

        foreach (string heading in EdaReportWriter.SectionHeadings)
        {
            Assert.Contains(
                $">{WebUtility.HtmlEncode(heading)}</h2>",
                html,
                StringComparison.Ordinal
            );
        }

        int disclaimer = html.IndexOf(
            "This is a screening aid, not a diagnosis.",
            StringComparison.Ordinal
        );
        Assert.True(disclaimer > 0);
        Assert.True(disclaimer < html.IndexOf("<h2", StringComparison.Ordinal));
        Assert.Contains(
            WebUtility.HtmlEncode(EdaReportWriter.DataStatement),
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            WebUtility.HtmlEncode(EdaReportWriter.AssociationStatement),
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("2025-03-14 09:26:53 UTC", html, StringComparison.Ordinal);
        Assert.Contains("survey.csv", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Html_IsSelfContainedWithEmbeddedImagesAndNoScripts()
    {
        using var dir = new TempDirectory();

        string html = File.ReadAllText(Write(Analyze(), dir).HtmlPath);

        Assert.Equal(11, Regex.Count(html, "<img src=\"data:image/png;base64,"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("href=\"plots/correlation-heatmap.svg\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Html_ShowsWhatStandsOutSentencesFromTheReport()
    {
        using var dir = new TempDirectory();
        var report = Analyze();

        string html = File.ReadAllText(Write(report, dir).HtmlPath);

        Assert.Contains(
            report.WhatStandsOut,
            s => s.StartsWith("Sleep_Hours tends to be lower", StringComparison.Ordinal)
        );
        Assert.All(
            report.WhatStandsOut,
            s => Assert.Contains(WebUtility.HtmlEncode(s), html, StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Write_HostileCategoryAndWarning_AreEscaped()
    {
        using var dir = new TempDirectory();
        var report = Analyze();
        const string Hostile = "<script>alert('x')</script>";
        var gender = report.CategoricalFeatures[0];
        report = report with
        {
            CategoricalFeatures =
            [
                gender with
                {
                    Levels = [.. gender.Levels, new CategoryLevel(Hostile, 1, 1)],
                },
                .. report.CategoricalFeatures.Skip(1),
            ],
            DataQuality = report.DataQuality with { Warnings = ["<img src=x onerror=alert(1)>"] },
        };

        var output = Write(report, dir);
        string html = File.ReadAllText(output.HtmlPath);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);

        // The label also reaches the SVG tick labels, escaped by the renderer.
        string svg = File.ReadAllText(Path.Combine(dir.Path, "plots", "categorical-Gender.svg"));
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Write_Pngs_DecodeWithTheExpectedSize()
    {
        using var dir = new TempDirectory();

        var output = Write(Analyze(), dir);

        foreach (
            string png in output.PlotPaths.Where(p => p.EndsWith(".png", StringComparison.Ordinal))
        )
        {
            var (width, height) = PngReader.Decode(File.ReadAllBytes(png));
            int expectedHeight = png.EndsWith("correlation-heatmap.png", StringComparison.Ordinal)
                ? 760
                : 450;
            Assert.Equal((800, expectedHeight), (width, height));
        }
    }

    [Fact]
    public void Write_Svgs_AreWellFormedXml()
    {
        using var dir = new TempDirectory();

        var output = Write(Analyze(), dir);

        foreach (
            string svg in output.PlotPaths.Where(p => p.EndsWith(".svg", StringComparison.Ordinal))
        )
        {
            var root = XDocument.Load(svg).Root!;
            Assert.Equal("svg", root.Name.LocalName);
            Assert.Equal("800", root.Attribute("width")?.Value);
        }
    }

    [Fact]
    public void Write_Json_ParsesAndHoldsThePValuesShown()
    {
        using var dir = new TempDirectory();
        var report = Analyze();

        using var json = JsonDocument.Parse(File.ReadAllText(Write(report, dir).JsonPath));

        var root = json.RootElement;
        Assert.Equal(Now, root.GetProperty("generatedAt").GetDateTimeOffset());
        Assert.Equal("survey.csv", root.GetProperty("input").GetString());
        Assert.Equal(
            "This is a screening aid, not a diagnosis.",
            root.GetProperty("disclaimer").GetString()
        );
        var associations = root.GetProperty("report")
            .GetProperty("associations")
            .EnumerateArray()
            .ToList();
        Assert.Equal(report.Associations.Count, associations.Count);
        for (int i = 0; i < associations.Count; i++)
        {
            Assert.Equal(
                report.Associations[i].Feature,
                associations[i].GetProperty("feature").GetString()
            );
            Assert.Equal(
                report.Associations[i].PValue,
                associations[i].GetProperty("pValue").GetDouble()
            );
            Assert.Equal(
                report.Associations[i].AdjustedPValue,
                associations[i].GetProperty("adjustedPValue").GetDouble()
            );
        }

        var sleep = root.GetProperty("report").GetProperty("numericFeatures")[1];
        Assert.Equal("Sleep_Hours", sleep.GetProperty("name").GetString());
        Assert.Equal("Asymptotic", sleep.GetProperty("test").GetProperty("method").GetString());
        Assert.Equal(
            report.NumericFeatures[1].Test.RankBiserial,
            sleep.GetProperty("test").GetProperty("rankBiserial").GetDouble()
        );
        Assert.Equal(
            10,
            root.GetProperty("report")
                .GetProperty("correlations")
                .GetProperty("values")
                .GetArrayLength()
        );
    }

    [Fact]
    public void Write_ReportWithNaN_KeepsJsonValid()
    {
        using var dir = new TempDirectory();
        var oneGroup = ReportTestData.Records().Where(r => r.HasCondition).ToList();

        var output = Write(Analyze(oneGroup), dir);

        using var json = JsonDocument.Parse(File.ReadAllText(output.JsonPath));
        var first = json.RootElement.GetProperty("report").GetProperty("associations")[0];
        Assert.Equal("NaN", first.GetProperty("pValue").GetString());
        Assert.True(File.Exists(output.HtmlPath));
    }

    [Fact]
    public void Write_NoRecords_StillWritesEveryFile()
    {
        using var dir = new TempDirectory();

        var output = Write(Analyze([]), dir);

        Assert.All(output.PlotPaths, p => Assert.True(new FileInfo(p).Length > 0));
        // Nothing could be tested, and the report says that rather than "nothing is significant".
        var html = File.ReadAllText(output.HtmlPath);
        Assert.Contains(
            WebUtility.HtmlEncode("No feature–condition test could be run"),
            html,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            WebUtility.HtmlEncode(EdaAnalyzer.NoSignificantAssociation),
            html,
            StringComparison.Ordinal
        );
    }
}
