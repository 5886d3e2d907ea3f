using MentalHealthInsights.Core.Eda;
using MentalHealthInsights.Infrastructure.Reporting;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting;

/// <summary>
/// Plots rendered side by side are the same bytes as plots rendered one at a time, come back in
/// the order given, and a failing plot's own exception is what the caller sees.
/// </summary>
public sealed class PlotBatchTests
{
    private static EdaReport Report()
    {
        var records = ReportTestData.Records();
        return EdaAnalyzer.Analyze(records, ReportTestData.Validation(records.Count));
    }

    [Fact]
    public void Render_ManyPlotsAtOnce_SameBytesAsOneAtATime()
    {
        var report = Report();
        var sources = new List<(string, Func<RenderedPlot>)>();
        for (var copy = 0; copy < 4; copy++)
        {
            sources.Add(($"correlation:{copy}", () => EdaPlots.Correlations(report.Correlations)));
            foreach (var feature in report.NumericFeatures)
            {
                sources.Add(($"numeric:{feature.Name}:{copy}", () => EdaPlots.Numeric(feature)));
            }
        }

        var together = PlotBatch.Render(sources);

        Assert.Equal(sources.Select(s => s.Item1), together.Keys);
        foreach (var (key, render) in sources)
        {
            var alone = render();
            Assert.Equal(alone.Png, together[key].Png);
            Assert.Equal(alone.Svg, together[key].Svg);
            Assert.Equal(alone.FileStem, together[key].FileStem);
        }
    }

    [Fact]
    public void Render_KeyGivenTwice_KeepsFirstPositionAndLastPlot()
    {
        var report = Report();
        var target = EdaPlots.TargetBalance(report.Target);
        var correlations = EdaPlots.Correlations(report.Correlations);

        var plots = PlotBatch.Render([
            ("a", () => target),
            ("b", () => correlations),
            ("a", () => correlations),
        ]);

        Assert.Equal(["a", "b"], plots.Keys);
        Assert.Same(correlations, plots["a"]);
    }

    [Fact]
    public void Render_OnePlotFails_ThrowsItsException()
    {
        var report = Report();

        var error = Assert.Throws<InvalidOperationException>(() =>
            PlotBatch.Render([
                ("ok", () => EdaPlots.TargetBalance(report.Target)),
                ("broken", () => throw new InvalidOperationException("no data")),
            ])
        );
        Assert.Equal("no data", error.Message);
    }
}
