using MentalHealthInsights.Core.Training.Reports;
using ScottPlot;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

internal static partial class TrainingPlots
{
    private static readonly Color HigherRiskColor = Colors.C1;
    private static readonly Color LowerRiskColor = Colors.C0;
    private static readonly Color NoDirectionColor = Colors.Gray;

    /// <summary>
    /// Grouped permutation importance of one model: the mean drop in test ROC AUC when a column is
    /// shuffled, with ± one standard deviation over the repeats as error bars; largest at the top.
    /// </summary>
    public static RenderedPlot Importance(IReadOnlyList<ModelEvaluation> models, int index)
    {
        var model = models[index];
        using var plot = NewPlot();
        var rows = model.PermutationImportance.OrderByDescending(c => c.Mean).ToList();
        var positions = TopDownPositions(rows.Count);
        var bars = new List<Bar>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            double sd = rows[i].StandardDeviation;
            bars.Add(
                new Bar
                {
                    Position = positions[i],
                    Value = double.IsFinite(rows[i].Mean) ? rows[i].Mean : 0,
                    Error = double.IsFinite(sd) ? sd : 0,
                    FillColor = ColorOf(models, index),
                    Orientation = Orientation.Horizontal,
                }
            );
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var zero = plot.Add.VerticalLine(0);
        zero.Color = ReferenceColor;
        zero.LineWidth = 1;
        plot.Axes.Left.SetTicks(positions, [.. rows.Select(r => r.Column)]);
        int repeats = rows.Count > 0 ? rows.Max(r => r.Repeats) : 0;
        plot.Title($"{model.DisplayName}: permutation importance");
        plot.XLabel($"Drop in test ROC AUC when shuffled (mean ± std, {repeats} repeats)");
        plot.HideGrid();
        plot.Grid.XAxisStyle.IsVisible = true;
        return Render(
            plot,
            "importance-" + model.Name,
            $"Horizontal bar chart of {model.DisplayName}'s permutation importance per original column (drop in test ROC AUC), with ± one standard deviation error bars.",
            BarHeight(rows.Count)
        );
    }

    /// <summary>
    /// Forest plot of logistic-regression odds ratios with their 95% intervals on a log axis
    /// (log10 positions, labelled in odds-ratio units), with the no-effect line at 1. Terms
    /// whose ratio or bounds are not finite and positive cannot sit on a log axis and are left
    /// out (the table lists them).
    /// </summary>
    public static RenderedPlot OddsRatios(IReadOnlyList<ModelEvaluation> models, int index)
    {
        var model = models[index];
        using var plot = NewPlot();
        var terms = model.Coefficients.Where(Plottable).ToList();
        var positions = TopDownPositions(terms.Count);
        if (terms.Count == 0)
        {
            NoData(plot, "No finite odds ratio to plot");
        }
        else
        {
            double[] xs = [.. terms.Select(t => Math.Log10(t.OddsRatio))];
            double[] low =
            [
                .. terms.Select(t => Math.Log10(t.OddsRatio) - Math.Log10(t.OddsRatioLower)),
            ];
            double[] high =
            [
                .. terms.Select(t => Math.Log10(t.OddsRatioUpper) - Math.Log10(t.OddsRatio)),
            ];
            double[] none = new double[terms.Count];
            var color = ColorOf(models, index);
            var whiskers = plot.Add.ErrorBar(xs, positions, none);
            whiskers.XErrorNegative = low;
            whiskers.XErrorPositive = high;
            whiskers.YErrorNegative = none;
            whiskers.YErrorPositive = none;
            whiskers.Color = color;
            whiskers.LineWidth = 2;
            whiskers.CapSize = 6;
            plot.Add.Markers(xs, positions, MarkerShape.FilledSquare, 9, color);
            var one = plot.Add.VerticalLine(0);
            one.LinePattern = LinePattern.Dashed;
            one.Color = ReferenceColor;
            one.LineWidth = 1.5f;

            double min = terms.Min(t => Math.Log10(t.OddsRatioLower));
            double max = terms.Max(t => Math.Log10(t.OddsRatioUpper));
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
            double pad = Math.Max((max - min) * 0.08, 0.02);
            plot.Axes.SetLimitsX(min - pad, max + pad);
            plot.Axes.SetLimitsY(-0.7, terms.Count - 0.3);
            var ticks = LogTicks(min - pad, max + pad);
            plot.Axes.Bottom.SetTicks(
                [.. ticks.Select(Math.Log10)],
                [.. ticks.Select(TrainingFormat.OddsRatioTick)]
            );
            plot.Axes.Left.SetTicks(positions, [.. terms.Select(t => t.Term)]);
        }

        plot.Title($"{model.DisplayName}: odds ratios with 95% intervals");
        plot.XLabel("Odds ratio (log scale; numeric columns per standard deviation)");
        return Render(
            plot,
            "odds-ratios-" + model.Name,
            $"Forest plot of {model.DisplayName}'s odds ratios per input term with 95% Wald intervals on a logarithmic axis; the dashed line marks an odds ratio of 1 (no association).",
            BarHeight(terms.Count)
        );
    }

    /// <summary>
    /// Mean |SHAP| (log-odds) per original column of one model, largest at the top, coloured by
    /// the direction of the column's effect on predicted risk.
    /// </summary>
    public static RenderedPlot Shap(ModelEvaluation model)
    {
        using var plot = NewPlot();
        var rows = model.Contributions.OrderByDescending(c => c.MeanAbsoluteContribution).ToList();
        var positions = TopDownPositions(rows.Count);
        foreach (
            var direction in (EffectDirection[])
                [EffectDirection.HigherRisk, EffectDirection.LowerRisk, EffectDirection.None]
        )
        {
            var bars = new List<Bar>();
            for (int i = 0; i < rows.Count; i++)
            {
                if (rows[i].Direction != direction)
                {
                    continue;
                }

                double value = rows[i].MeanAbsoluteContribution;
                bars.Add(
                    new Bar
                    {
                        Position = positions[i],
                        Value = double.IsFinite(value) ? value : 0,
                        FillColor = DirectionColor(direction),
                        Orientation = Orientation.Horizontal,
                    }
                );
            }

            if (bars.Count == 0)
            {
                continue;
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            barPlot.Color = DirectionColor(direction);
            barPlot.LegendText = direction switch
            {
                EffectDirection.HigherRisk => "Goes with higher predicted risk",
                EffectDirection.LowerRisk => "Goes with lower predicted risk",
                _ => "No clear direction",
            };
        }

        plot.Axes.Left.SetTicks(positions, [.. rows.Select(r => r.Column)]);
        plot.Axes.Margins(left: 0, right: 0.1);
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title($"{model.DisplayName}: mean |SHAP| per column");
        plot.XLabel("Mean |SHAP value| on the test part (log-odds)");
        plot.HideGrid();
        plot.Grid.XAxisStyle.IsVisible = true;
        return Render(
            plot,
            "shap-" + model.Name,
            $"Horizontal bar chart of {model.DisplayName}'s mean absolute SHAP value per original column on the test part, coloured by whether the column goes with higher or lower predicted risk.",
            BarHeight(rows.Count)
        );
    }

    private static bool Plottable(LinearCoefficient c) =>
        c.OddsRatio > 0
        && c.OddsRatioLower > 0
        && c.OddsRatioUpper > 0
        && double.IsFinite(c.OddsRatio)
        && double.IsFinite(c.OddsRatioLower)
        && double.IsFinite(c.OddsRatioUpper);

    private static Color DirectionColor(EffectDirection direction) =>
        direction switch
        {
            EffectDirection.HigherRisk => HigherRiskColor,
            EffectDirection.LowerRisk => LowerRiskColor,
            _ => NoDirectionColor,
        };

    /// <summary>
    /// Odds-ratio ticks between 10^<paramref name="logMin"/> and 10^<paramref name="logMax"/>:
    /// mantissas 1, 2, 5 (and finer ones when the span is narrow), always including 1 when in
    /// range, at most about eight.
    /// </summary>
    internal static IReadOnlyList<double> LogTicks(double logMin, double logMax)
    {
        double span = logMax - logMin;
        double[] mantissas =
            span > 2.5 ? [1]
            : span > 1.2 ? [1, 2, 5]
            : span > 0.5 ? [1, 1.5, 2, 3, 5, 7]
            : [1, 1.1, 1.2, 1.3, 1.5, 1.7, 2, 2.5, 3, 4, 5, 6, 7, 8, 9];
        var ticks = new List<double>();
        for (
            int exponent = (int)Math.Floor(logMin) - 1;
            exponent <= (int)Math.Ceiling(logMax);
            exponent++
        )
        {
            foreach (double m in mantissas)
            {
                double value = m * Math.Pow(10, exponent);
                double log = Math.Log10(value);
                if (log >= logMin && log <= logMax)
                {
                    ticks.Add(value);
                }
            }
        }

        if (ticks.Count > 9)
        {
            // Thin evenly but keep 1 (no effect), which every reader looks for.
            int step = (int)Math.Ceiling(ticks.Count / 8.0);
            int anchor = ticks.FindIndex(t => Math.Abs(t - 1) < 1e-12);
            int offset = anchor >= 0 ? anchor % step : 0;
            ticks = [.. ticks.Where((_, i) => i % step == offset)];
        }

        return ticks;
    }
}
