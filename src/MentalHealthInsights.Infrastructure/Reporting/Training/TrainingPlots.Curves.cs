using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;
using ScottPlot;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

internal static partial class TrainingPlots
{
    /// <summary>
    /// Test-part ROC curves of every non-baseline model on one chart, with the chance diagonal
    /// (which is also the majority baseline's curve: a constant score has AUC 0.5).
    /// </summary>
    public static RenderedPlot Roc(IReadOnlyList<ModelEvaluation> models)
    {
        using var plot = NewPlot();
        AddDiagonal(plot, "Chance = majority baseline (AUC 0.500)");
        for (int i = 0; i < models.Count; i++)
        {
            var model = models[i];
            if (model.IsBaseline)
            {
                continue;
            }

            var points = model
                .Test.RocCurve.Where(p =>
                    double.IsFinite(p.FalsePositiveRate) && double.IsFinite(p.TruePositiveRate)
                )
                .ToList();
            if (points.Count < 2)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(
                points.Select(p => p.FalsePositiveRate).ToArray(),
                points.Select(p => p.TruePositiveRate).ToArray(),
                ColorOf(models, i)
            );
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText =
                $"{model.DisplayName} (AUC {TrainingFormat.WithInterval(TrainingReportFacts.TestInterval(model, MetricNames.RocAuc))})";
        }

        UnitSquare(plot);
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title("ROC curves on the test part");
        plot.XLabel("False-positive rate (1 − specificity)");
        plot.YLabel("True-positive rate (recall)");
        return Render(
            plot,
            "roc-curves",
            "ROC curves of every model on the test part, with the chance diagonal; the legend gives each model's ROC AUC and its 95% interval.",
            CurveHeight
        );
    }

    /// <summary>
    /// Test-part precision–recall curves of every non-baseline model on one chart (drawn as steps,
    /// the shape average precision sums), with the test prevalence: the precision of chance.
    /// </summary>
    public static RenderedPlot PrecisionRecall(
        IReadOnlyList<ModelEvaluation> models,
        double prevalence
    )
    {
        using var plot = NewPlot();
        if (double.IsFinite(prevalence))
        {
            var line = plot.Add.HorizontalLine(prevalence);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 1.5f;
            line.Color = ReferenceColor;
            line.LegendText = $"Prevalence {TrainingFormat.Value(prevalence)} = chance / baseline";
        }

        for (int i = 0; i < models.Count; i++)
        {
            var model = models[i];
            if (model.IsBaseline)
            {
                continue;
            }

            var points = model
                .Test.PrecisionRecallCurve.Where(p =>
                    double.IsFinite(p.Recall) && double.IsFinite(p.Precision)
                )
                .ToList();
            if (points.Count < 2)
            {
                continue;
            }

            // Points come in increasing-threshold order (recall falling); horizontal-first steps
            // then hold each precision over the recall it adds, as average precision counts it.
            var curve = plot.Add.ScatterLine(
                points.Select(p => p.Recall).ToArray(),
                points.Select(p => p.Precision).ToArray(),
                ColorOf(models, i)
            );
            curve.ConnectStyle = ConnectStyle.StepHorizontal;
            curve.LineWidth = 2;
            curve.MarkerSize = 0;
            curve.LegendText =
                $"{model.DisplayName} (PR AUC {TrainingFormat.WithInterval(TrainingReportFacts.TestInterval(model, MetricNames.PrAuc))})";
        }

        UnitSquare(plot);
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Title("Precision–recall curves on the test part");
        plot.XLabel("Recall (share of people with the condition flagged)");
        plot.YLabel("Precision (share of flagged with the condition)");
        return Render(
            plot,
            "precision-recall-curves",
            "Precision–recall curves of every model on the test part, with the prevalence line that chance reaches; the legend gives each model's average precision and its 95% interval.",
            CurveHeight
        );
    }

    /// <summary>
    /// Reliability diagram of every model's test probabilities (the baseline included), with the
    /// perfect-calibration diagonal; the legend gives each model's expected calibration error.
    /// </summary>
    public static RenderedPlot Calibration(IReadOnlyList<ModelEvaluation> models)
    {
        using var plot = NewPlot();
        AddDiagonal(plot, "Perfect calibration");
        for (int i = 0; i < models.Count; i++)
        {
            var model = models[i];
            var bins = model
                .Test.Calibration.Bins.Where(b =>
                    double.IsFinite(b.MeanPredicted) && double.IsFinite(b.ObservedRate)
                )
                .ToList();
            if (bins.Count == 0)
            {
                continue;
            }

            var series = plot.Add.ScatterLine(
                bins.Select(b => b.MeanPredicted).ToArray(),
                bins.Select(b => b.ObservedRate).ToArray(),
                ColorOf(models, i)
            );
            series.LineWidth = 2;
            series.MarkerSize = model.IsBaseline ? 14 : 8;
            series.MarkerShape = model.IsBaseline
                ? MarkerShape.FilledDiamond
                : MarkerShape.FilledCircle;
            series.LegendText =
                $"{model.DisplayName} (ECE {TrainingFormat.Value(model.Test.Calibration.ExpectedCalibrationError)})";
        }

        UnitSquare(plot);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title("Calibration on the test part");
        plot.XLabel("Mean predicted probability in the bin");
        plot.YLabel("Observed share with the condition in the bin");
        return Render(
            plot,
            "calibration",
            "Reliability diagram of every model on the test part: each bin's mean predicted probability against the observed share with the condition, with the perfect-calibration diagonal; the legend gives each model's expected calibration error (ECE).",
            CurveHeight
        );
    }
}
