using System.Globalization;
using MentalHealthInsights.Core.Training.Reports;
using ScottPlot;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

/// <summary>
/// Renders the training report's charts with ScottPlot at fixed sizes, each as PNG and SVG.
/// Charts show aggregates of the test part (curves, bins, importances, coefficients), never
/// individual records. A model keeps its colour across charts (its position in the report).
/// </summary>
internal static partial class TrainingPlots
{
    /// <summary>Width of every chart, in pixels.</summary>
    public const int Width = 800;

    /// <summary>Height of the ROC, precision–recall and calibration charts, in pixels.</summary>
    public const int CurveHeight = 600;

    /// <summary>The smallest height of a bar chart or forest plot, in pixels.</summary>
    public const int MinimumBarHeight = 360;

    /// <summary>The largest height of a bar chart or forest plot, in pixels.</summary>
    public const int MaximumBarHeight = 1400;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly ScottPlot.Palettes.Category10 Palette = new();
    private static readonly Color BaselineColor = Colors.Gray;
    private static readonly Color ReferenceColor = Colors.Black.WithAlpha(0.55);

    /// <summary>Height of a horizontal bar chart or forest plot with <paramref name="rows"/> rows.</summary>
    public static int BarHeight(int rows) =>
        Math.Clamp(140 + (30 * rows), MinimumBarHeight, MaximumBarHeight);

    /// <summary>
    /// The colour of the model at <paramref name="index"/> in <paramref name="models"/>: the
    /// baseline is grey, the others take the palette in order, so colours match across charts.
    /// </summary>
    public static Color ColorOf(IReadOnlyList<ModelEvaluation> models, int index)
    {
        if (models[index].IsBaseline)
        {
            return BaselineColor;
        }

        int ordinal = 0;
        for (int i = 0; i < index; i++)
        {
            ordinal += models[i].IsBaseline ? 0 : 1;
        }

        return Palette.GetColor(ordinal);
    }

    private static Plot NewPlot()
    {
        PlotFonts.EnsureConfigured();
        return new Plot();
    }

    private static void AddDiagonal(Plot plot, string legend)
    {
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LineWidth = 1.5f;
        diagonal.Color = ReferenceColor;
        diagonal.LegendText = legend;
    }

    private static void UnitSquare(Plot plot)
    {
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.1);
    }

    private static void NoData(Plot plot, string text)
    {
        var label = plot.Add.Text(text, 0.5, 0.5);
        label.LabelFontSize = 18;
        label.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(0, 1, 0, 1);
    }

    /// <summary>Y positions so the first row of a ranked list is drawn at the top.</summary>
    private static double[] TopDownPositions(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (double)(count - 1 - i))];

    private static RenderedPlot Render(Plot plot, string stem, string altText, int height) =>
        RenderedPlot.Render(plot, stem, altText, Width, height);
}
