using System.Globalization;
using MentalHealthInsights.Core.Eda;
using ScottPlot;

namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>
/// Renders the EDA charts with ScottPlot at fixed sizes, each as PNG and SVG. Charts show
/// aggregates only (counts, shares, rates, association measures), never individual records.
/// </summary>
internal static partial class EdaPlots
{
    /// <summary>Width of every chart, in pixels.</summary>
    public const int Width = 800;

    /// <summary>Height of the bar charts and histograms, in pixels.</summary>
    public const int Height = 450;

    /// <summary>Height of the correlation heatmap (square cells need the room), in pixels.</summary>
    public const int HeatmapHeight = 760;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly Color WithColor = Colors.C1;
    private static readonly Color WithoutColor = Colors.C0;

    public static RenderedPlot TargetBalance(TargetBalance target)
    {
        using var plot = NewPlot();
        long[] counts = [target.WithCondition, target.WithoutCondition];
        string[] names = ["Yes", "No"];
        Color[] colors = [WithColor, WithoutColor];
        var bars = new List<Bar>();
        for (int i = 0; i < counts.Length; i++)
        {
            double share = target.Total > 0 ? (double)counts[i] / target.Total : double.NaN;
            bars.Add(
                new Bar
                {
                    Position = i,
                    Value = counts[i],
                    Label = string.Create(
                        Invariant,
                        $"{counts[i]:N0} ({ReportFormat.Percent(share)})"
                    ),
                    FillColor = colors[i],
                }
            );
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([0, 1], names);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title("Mental_Health_Condition");
        plot.XLabel("Condition");
        plot.YLabel("Records");
        return Render(
            plot,
            "target-balance",
            string.Create(
                Invariant,
                $"Bar chart of records with ({target.WithCondition:N0}) and without ({target.WithoutCondition:N0}) the condition."
            ),
            Height
        );
    }

    public static RenderedPlot Numeric(NumericFeatureProfile feature)
    {
        using var plot = NewPlot();
        var h = feature.Histogram;
        long withTotal = h.WithCondition.Sum();
        long withoutTotal = h.WithoutCondition.Sum();
        if (h.BinEdges.Count < 2)
        {
            NoData(plot);
        }
        else
        {
            AddHistogramSeries(
                plot,
                h.BinEdges,
                h.WithoutCondition,
                withoutTotal,
                WithoutColor,
                string.Create(Invariant, $"Condition: No (n = {withoutTotal:N0})")
            );
            AddHistogramSeries(
                plot,
                h.BinEdges,
                h.WithCondition,
                withTotal,
                WithColor,
                string.Create(Invariant, $"Condition: Yes (n = {withTotal:N0})")
            );
            plot.ShowLegend(Alignment.UpperRight);
            plot.Axes.Margins(bottom: 0, top: 0.12);
        }

        plot.Title(string.Create(Invariant, $"{feature.Name} by condition"));
        plot.XLabel(feature.Name + UnitOf(feature.Name));
        plot.YLabel("Share of group (%)");
        return Render(
            plot,
            "numeric-" + feature.Name,
            $"Overlaid histograms of {feature.Name} for people with and without the condition, as a share of each group.",
            Height
        );
    }

    public static RenderedPlot Categorical(CategoricalFeatureProfile feature, double overallRate)
    {
        using var plot = NewPlot();
        var levels = feature.Levels;
        if (levels.Count == 0)
        {
            NoData(plot);
        }
        else
        {
            var bars = new List<Bar>();
            for (int i = 0; i < levels.Count; i++)
            {
                var level = levels[i];
                bars.Add(
                    new Bar
                    {
                        Position = i,
                        Value = double.IsNaN(level.ConditionRate) ? 0 : level.ConditionRate * 100,
                        Label = string.Create(
                            Invariant,
                            $"{ReportFormat.Percent(level.ConditionRate)} (n = {level.Count:N0})"
                        ),
                        FillColor = WithColor,
                    }
                );
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.ValueLabelStyle.FontSize = levels.Count > 5 ? 11 : 13;
            barPlot.ValueLabelStyle.BackgroundColor = Colors.White.WithAlpha(0.85);
            plot.Axes.Bottom.SetTicks(
                [.. Enumerable.Range(0, levels.Count).Select(i => (double)i)],
                [.. levels.Select(l => l.Name)]
            );
            if (!double.IsNaN(overallRate))
            {
                var line = plot.Add.HorizontalLine(overallRate * 100);
                line.LinePattern = LinePattern.Dashed;
                line.Color = Colors.Black.WithAlpha(0.6);
                line.LegendText = string.Create(
                    Invariant,
                    $"Overall rate {ReportFormat.Percent(overallRate)}"
                );
                plot.ShowLegend(Alignment.UpperRight);
            }

            plot.Axes.SetLimitsY(0, 115);
        }

        plot.Title(string.Create(Invariant, $"{feature.Name}: condition rate per category"));
        plot.XLabel(feature.Name);
        plot.YLabel("With the condition (%)");
        return Render(
            plot,
            "categorical-" + feature.Name,
            $"Bar chart of the share of people with the condition for each {feature.Name} category, with counts.",
            Height
        );
    }

    private static Plot NewPlot()
    {
        PlotFonts.EnsureConfigured();
        return new Plot();
    }

    private static void AddHistogramSeries(
        Plot plot,
        IReadOnlyList<double> edges,
        IReadOnlyList<long> counts,
        long total,
        Color color,
        string legend
    )
    {
        if (total == 0)
        {
            return;
        }

        var bars = new List<Bar>(counts.Count);
        for (int i = 0; i < counts.Count; i++)
        {
            bars.Add(
                new Bar
                {
                    Position = (edges[i] + edges[i + 1]) / 2,
                    Size = edges[i + 1] - edges[i],
                    Value = 100.0 * counts[i] / total,
                    FillColor = color.WithAlpha(0.55),
                    LineWidth = 0,
                }
            );
        }

        var series = plot.Add.Bars(bars);
        series.LegendText = legend;
        series.Color = color.WithAlpha(0.55);
    }

    private static void NoData(Plot plot)
    {
        var text = plot.Add.Text("No data", 0, 0);
        text.LabelFontSize = 20;
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
    }

    private static string UnitOf(string feature) =>
        feature switch
        {
            "Age" => " (years)",
            "Sleep_Hours" => " (hours per day)",
            "Work_Hours" or "Physical_Activity_Hours" => " (hours per week)",
            _ => string.Empty,
        };

    private static RenderedPlot Render(Plot plot, string stem, string altText, int height) =>
        RenderedPlot.Render(plot, stem, altText, Width, height);
}
