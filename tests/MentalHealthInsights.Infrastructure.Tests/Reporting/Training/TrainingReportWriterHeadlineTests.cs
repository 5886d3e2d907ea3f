using System.Net;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Reporting.Training;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting.Training;

public class TrainingReportWriterHeadlineTests
{
    private const string Disclaimer = "This is a screening aid, not a diagnosis.";
    private const string NoSignal =
        "No model is better than chance on this data; do not use these predictions.";

    private static string Html(TrainingReport report)
    {
        using var dir = new TempDirectory();
        return File.ReadAllText(TrainingReportWriterTests.Write(report, dir).HtmlPath);
    }

    /// <summary>The first statement box after the disclaimer banner: its class and its text.</summary>
    private static (string Class, string Text) FirstHeadline(string html)
    {
        int banner = html.IndexOf(Disclaimer, StringComparison.Ordinal);
        int start = html.IndexOf("<div class=\"headline", banner, StringComparison.Ordinal);
        Assert.True(start > banner, "No headline after the disclaimer.");
        int classEnd = html.IndexOf('"', start + 12);
        string cssClass = html[(start + 12)..classEnd];
        int text = html.IndexOf("<strong>", start, StringComparison.Ordinal) + "<strong>".Length;
        string content = html[text..html.IndexOf("</strong>", text, StringComparison.Ordinal)];

        // Nothing but the banner stands between the disclaimer and the headline.
        Assert.True(start < html.IndexOf("<h2", StringComparison.Ordinal));
        Assert.True(start < html.IndexOf("<nav", StringComparison.Ordinal));
        return (cssClass, WebUtility.HtmlDecode(content));
    }

    [Fact]
    public void Write_NoSignalReport_OpensWithTheHonestyStatementInAWarningBox()
    {
        string html = Html(TrainingReportTestData.NoSignal());

        var (cssClass, text) = FirstHeadline(html);
        Assert.Equal("headline warning", cssClass);
        Assert.Equal(NoSignal, text);
        Assert.Equal(TrainingReport.NoSignalHeadline, NoSignal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NothingPromotableButAnotherHeadline_StillOpensWithTheHonestyStatement()
    {
        var report = TrainingReportTestData.NoSignal() with { Headline = "XGBoost looks fine." };

        var (cssClass, text) = FirstHeadline(Html(report));

        Assert.Equal("headline warning", cssClass);
        Assert.Equal(NoSignal, text);
    }

    [Fact]
    public void Write_RealisticReport_OpensWithItsHeadlineAndNeverTheHonestyStatement()
    {
        var report = TrainingReportTestData.Realistic();

        string html = Html(report);

        var (cssClass, text) = FirstHeadline(html);
        Assert.Equal("headline", cssClass);
        Assert.Equal(report.Headline, text);
        Assert.DoesNotContain(NoSignal, html, StringComparison.Ordinal);
        Assert.DoesNotContain("headline warning", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StoppedForLeakage_OpensWithTheMessageNamingTheFeatureAndShowsNoModels()
    {
        using var dir = new TempDirectory();
        var report = TrainingReportTestData.StoppedForLeakage();

        var output = TrainingReportWriterTests.Write(report, dir);
        string html = File.ReadAllText(output.HtmlPath);

        var (cssClass, text) = FirstHeadline(html);
        Assert.Equal("headline warning", cssClass);
        Assert.Equal(report.Headline, text);
        Assert.Contains("Consultation_History", text, StringComparison.Ordinal);
        Assert.Contains(
            WebUtility.HtmlEncode(report.Leakage.Message!),
            html,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(NoSignal, html, StringComparison.Ordinal);
        Assert.Contains(">Data and reproducibility</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">Leakage check</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Models side by side</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">ROC curves</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Methods</h2>", html, StringComparison.Ordinal);
        Assert.Empty(output.PlotPaths);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "plots")));
    }

    [Fact]
    public void Write_StoppedForLeakageWithAVagueHeadline_OpensWithTheGuardsMessage()
    {
        var report = TrainingReportTestData.StoppedForLeakage() with
        {
            Headline = "Training stopped: suspected leakage.",
        };

        var (cssClass, text) = FirstHeadline(Html(report));

        Assert.Equal("headline warning", cssClass);
        Assert.Equal(report.Leakage.Message, text);
    }

    [Fact]
    public void Write_StoppedForLeakageWithoutMessage_StillNamesEverySuspectedColumn()
    {
        var report = TrainingReportTestData.StoppedForLeakage();
        report = report with
        {
            Headline = "Training stopped: suspected leakage.",
            Leakage = report.Leakage with
            {
                Message = null,
                SuspectedColumns = ["Consultation_History", "Stress_Level"],
            },
        };

        var (_, text) = FirstHeadline(Html(report));

        Assert.StartsWith("Training stopped: suspected leakage.", text, StringComparison.Ordinal);
        Assert.Contains("Consultation_History, Stress_Level", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LeakageAllowed_WarnsAfterTheHeadline()
    {
        var report = TrainingReportTestData.LeakageAllowed();

        string html = Html(report);

        var (cssClass, text) = FirstHeadline(html);
        Assert.Equal("headline", cssClass);
        Assert.Equal(report.Headline, text);
        int warning = html.IndexOf(
            WebUtility.HtmlEncode(TrainingReportWriter.LeakageAllowedWarning),
            StringComparison.Ordinal
        );
        Assert.True(warning > html.IndexOf("<div class=\"headline\"", StringComparison.Ordinal));
        Assert.True(warning < html.IndexOf("<h2", StringComparison.Ordinal));
        Assert.Contains(
            "<div class=\"headline warning\" role=\"alert\">",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(WebUtility.HtmlEncode(report.Warnings[0]), html, StringComparison.Ordinal);
    }
}
