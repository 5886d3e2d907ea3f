using System.Globalization;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

public sealed partial class TrainingReportWriter
{
    private static void WriteModels(HtmlReportBuilder html, TrainingReport report)
    {
        var models = report.Models;
        string[] header = ["Metric", .. models.Select(m => m.DisplayName)];
        int resamples = models.Max(m => m.Test.BootstrapResamples);
        html.AddSection(ModelsHeading)
            .AddParagraph(
                $"Every model and the majority baseline on the held-out test part ({TrainingFormat.Count(report.Data.TestRows)} rows, used once), each metric with its 95% bootstrap interval, written \"estimate [lower, upper]\". Log loss and Brier score: lower is better."
            )
            .AddTable(
                header,
                TrainingFormat.ShownMetrics.Select(metric =>
                    (IReadOnlyList<string>)
                        [
                            TrainingFormat.MetricLabel(metric),
                            .. models.Select(m =>
                                TrainingFormat.WithInterval(
                                    TrainingReportFacts.TestInterval(m, metric)
                                )
                            ),
                        ]
                ),
                caption: string.Create(
                    CultureInfo.InvariantCulture,
                    $"Test-set metrics at each model's decision threshold, 95% percentile-bootstrap intervals ({resamples:N0} resamples)"
                )
            );

        html.AddTable(
            header,
            TrainingFormat.ShownMetrics.Select(metric =>
                (IReadOnlyList<string>)
                    [
                        TrainingFormat.MetricLabel(metric),
                        .. models.Select(m =>
                            m.CrossValidation.TryGetValue(metric, out var summary)
                                ? TrainingFormat.MeanStd(summary)
                                : "n/a"
                        ),
                    ]
            ),
            caption: string.Create(
                CultureInfo.InvariantCulture,
                $"Cross-validation on the training part ({report.Options.Folds} folds, chosen configuration, threshold 0.5 on raw scores): mean ± standard deviation"
            )
        );

        html.AddTable(
            ["Model", "Threshold", "Strategy", "Calibration", "Promotable"],
            models.Select(m =>
                (IReadOnlyList<string>)
                    [
                        m.DisplayName,
                        TrainingFormat.Value(m.Threshold.Value),
                        m.Threshold.IsFallback
                            ? $"{m.Threshold.Strategy} (fell back to 0.5)"
                            : m.Threshold.Strategy,
                        m.Calibration?.Method ?? "none",
                        TrainingFormat.YesNo(m.Promotable),
                    ]
            ),
            caption: "Decision threshold (chosen on out-of-fold predictions, never on the test part) and promotion"
        );
        html.AddList(
            models.Select(m =>
                $"{m.DisplayName}: {(m.Promotable ? "promotable" : "not promotable")}. {m.PromotionReason}"
            )
        );

        var best = report.BestModel is null ? null : report.FindModel(report.BestModel);
        var recommended = report.RecommendedModel is null
            ? null
            : report.FindModel(report.RecommendedModel);
        html.AddParagraph(
            $"Best model by mean cross-validated {TrainingFormat.MetricLabel(report.Options.PrimaryMetric)}: {best?.DisplayName ?? "none"}. Recommended for promotion: {recommended?.DisplayName ?? "none"}."
        );

        var notes = models
            .SelectMany(m =>
                m.Notes.Select(n => $"{m.DisplayName}: {n}")
                    .Concat(
                        m.Threshold.FallbackReason is { } reason
                            ? [$"{m.DisplayName}: threshold fallback — {reason}"]
                            : []
                    )
            )
            .ToList();
        if (notes.Count > 0)
        {
            html.AddSubheading("Notes").AddList(notes);
        }
    }

    private static void WriteSignificance(HtmlReportBuilder html, TrainingReport report)
    {
        var tests = report.Tests;
        double alpha = tests.Alpha;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var model in report.Models)
        {
            if (model.Significance is not { } s)
            {
                continue;
            }

            var auc = s.RocAucVersusBaseline;
            rows.Add([
                model.DisplayName,
                "DeLong, H0: ROC AUC = 0.5 (the baseline's)",
                TrainingFormat.WithInterval(auc.Auc),
                $"z = {TrainingFormat.Statistic(auc.Z)}",
                TrainingFormat.PValue(auc.PValue),
                TrainingFormat.YesNo(auc.IsSignificant(alpha)),
            ]);
            var logLoss = s.LogLossVersusBaseline;
            rows.Add([
                model.DisplayName,
                "Paired bootstrap, log loss (model − baseline)",
                TrainingFormat.DifferenceWithInterval(logLoss.Difference),
                $"Δ = {TrainingFormat.Difference(logLoss.Difference.Estimate)}",
                TrainingFormat.PValue(logLoss.PValue),
                TrainingFormat.YesNo(logLoss.IsSignificant(alpha)),
            ]);
        }

        html.AddSection(SignificanceHeading)
            .AddParagraph(
                $"Is each model better than the majority baseline, and are the models different from each other? Tests on the test part at α = {ReportFormat.Number(alpha)}. A p-value below α means a difference this large would be unlikely if the models were equally good; it does not say the difference matters in practice — read the interval."
            );
        if (rows.Count > 0)
        {
            html.AddTable(
                ["Model", "Test", "Estimate [95% CI]", "Statistic", "p-value", "Significant"],
                rows,
                caption: "Each model against the majority baseline (negative log-loss difference = better than the baseline)"
            );
        }

        if (report.Comparisons.Count > 0)
        {
            html.AddTable(
                [
                    "Model A",
                    "Model B",
                    "ROC AUC A",
                    "ROC AUC B",
                    "Difference A − B [95% CI]",
                    "z",
                    "p-value",
                    "Significant",
                ],
                report.Comparisons.Select(c =>
                    (IReadOnlyList<string>)
                        [
                            NameOf(report, c.ModelA),
                            NameOf(report, c.ModelB),
                            TrainingFormat.Value(c.RocAuc.AucA),
                            TrainingFormat.Value(c.RocAuc.AucB),
                            TrainingFormat.DifferenceWithInterval(c.RocAuc.Difference),
                            TrainingFormat.Statistic(c.RocAuc.Z),
                            TrainingFormat.PValue(c.RocAuc.PValue),
                            TrainingFormat.YesNo(c.RocAuc.IsSignificant(alpha)),
                        ]
                ),
                caption: $"Pairwise comparisons: {tests.Pairwise}"
            );
        }
    }

    private static void WriteCurves(
        HtmlReportBuilder html,
        TrainingReport report,
        Dictionary<string, RenderedPlot> plots
    )
    {
        if (plots.TryGetValue(RocKey, out var roc))
        {
            html.AddSection(RocHeading)
                .AddParagraph(
                    "How well each model ranks people with the condition above people without it, at every possible threshold. The dashed diagonal is chance, which is also the majority baseline; the further a curve bends towards the top left, the better. The area under it (ROC AUC) is the chance that a random person with the condition gets a higher score than a random person without it."
                );
            AddPlot(html, roc);
        }

        if (plots.TryGetValue(PrecisionRecallKey, out var pr))
        {
            html.AddSection(PrecisionRecallHeading)
                .AddParagraph(
                    $"For each share of people with the condition that is flagged (recall), the share of flagged people who have it (precision). Chance stays at the prevalence of the test part ({TrainingFormat.Value(TrainingReportFacts.TestPrevalence(report))}), the dashed line."
                );
            AddPlot(html, pr);
        }

        if (plots.TryGetValue(CalibrationKey, out var calibration))
        {
            html.AddSection(CalibrationHeading)
                .AddParagraph(
                    "Whether a predicted probability can be read as a risk: test predictions are binned, and each bin's mean prediction is plotted against the share in it who have the condition. Points on the diagonal are perfectly calibrated. The expected calibration error (ECE) is the count-weighted mean vertical gap, in probability units."
                );
            AddPlot(html, calibration);
            html.AddTable(
                [
                    "Model",
                    "Calibrator",
                    "ECE test",
                    "ECE out-of-fold",
                    "ECE out-of-fold before calibration",
                ],
                report.Models.Select(m =>
                    (IReadOnlyList<string>)
                        [
                            m.DisplayName,
                            m.Calibration is { } c
                                ? string.Create(
                                    CultureInfo.InvariantCulture,
                                    $"{c.Method} ({c.FittedOnRows:N0} rows)"
                                )
                                : "none",
                            TrainingFormat.Value(m.Test.Calibration.ExpectedCalibrationError),
                            TrainingFormat.Value(m.OutOfFold.Calibration.ExpectedCalibrationError),
                            m.OutOfFold.UncalibratedCalibration is { } raw
                                ? TrainingFormat.Value(raw.ExpectedCalibrationError)
                                : "n/a",
                        ]
                ),
                caption: "Expected calibration error (the test column is the honest one: out-of-fold predictions also fitted the calibrator)"
            );
        }
    }

    private static void WriteConfusionMatrices(HtmlReportBuilder html, TrainingReport report)
    {
        html.AddSection(ConfusionHeading)
            .AddParagraph(
                "Decisions on the test part at each model's threshold. Each count is followed by its share of the actual group: sensitivity (recall) and miss rate for people with the condition, false-positive rate and specificity for people without it."
            );
        foreach (var model in report.Models)
        {
            var c = model.Test.Metrics.Confusion;
            html.AddSubheading(
                    $"{model.DisplayName} (threshold {TrainingFormat.Value(model.Test.Metrics.Threshold)})"
                )
                .AddTable(
                    ["Actual \\ predicted", "Condition: Yes", "Condition: No", "Total"],
                    [
                        [
                            "Condition: Yes",
                            CountAndRate(c.TruePositives, c.Positives),
                            CountAndRate(c.FalseNegatives, c.Positives),
                            TrainingFormat.Count(c.Positives),
                        ],
                        [
                            "Condition: No",
                            CountAndRate(c.FalsePositives, c.Negatives),
                            CountAndRate(c.TrueNegatives, c.Negatives),
                            TrainingFormat.Count(c.Negatives),
                        ],
                        [
                            "Total",
                            TrainingFormat.Count(c.PredictedPositives),
                            TrainingFormat.Count(c.Total - c.PredictedPositives),
                            TrainingFormat.Count(c.Total),
                        ],
                    ]
                );
        }
    }

    private static string CountAndRate(long count, long of) =>
        $"{TrainingFormat.Count(count)} ({TrainingFormat.Percent(of == 0 ? double.NaN : (double)count / of)})";

    private static string NameOf(TrainingReport report, string name) =>
        report.FindModel(name)?.DisplayName ?? name;
}
