using MentalHealthInsights.Core.Eda;
using ScottPlot;

namespace MentalHealthInsights.Infrastructure.Reporting;

internal static partial class EdaPlots
{
    public static RenderedPlot Correlations(CorrelationMatrix matrix)
    {
        using var plot = NewPlot();
        int k = matrix.Variables.Count;
        var values = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                values[i, j] = matrix.Values[i][j];
            }
        }

        if (k == 0)
        {
            NoData(plot);
        }
        else
        {
            // Heatmap row 0 is drawn at the top (y = k − 1), matching the reading order of the table.
            var heatmap = plot.Add.Heatmap(values);
            heatmap.Colormap = new ScottPlot.Colormaps.Balance();
            heatmap.ManualRange = new ScottPlot.Range(-1, 1);
            heatmap.NaNCellColor = Colors.LightGray;
            var colorBar = plot.Add.ColorBar(heatmap);
            colorBar.Label = "Association (Pearson r: −1 to 1; V and η: 0 to 1)";
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    double v = values[i, j];
                    var text = plot.Add.Text(
                        double.IsNaN(v) ? "n/a" : v.ToString("0.00", Invariant),
                        j,
                        k - 1 - i
                    );
                    text.LabelFontSize = 11;
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontColor = Math.Abs(v) > 0.6 ? Colors.White : Colors.Black;
                }
            }

            double[] positions = [.. Enumerable.Range(0, k).Select(i => (double)i)];
            plot.Axes.Bottom.SetTicks(positions, [.. matrix.Variables]);
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 170;
            plot.Axes.Left.SetTicks(positions, [.. matrix.Variables.Reverse()]);
            plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
            plot.HideGrid();
        }

        plot.Title("Associations between features and the condition");
        plot.XLabel("Variable");
        plot.YLabel("Variable");
        return Render(
            plot,
            "correlation-heatmap",
            "Heatmap of the mixed association matrix: Pearson r between numeric features, Cramér's V between categorical variables, correlation ratio η between a categorical and a numeric variable.",
            HeatmapHeight
        );
    }
}
