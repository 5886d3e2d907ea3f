using System.Globalization;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

public sealed partial class TrainingReportWriter
{
    private static void WriteKeyIndicators(
        HtmlReportBuilder html,
        TrainingReport report,
        Dictionary<string, RenderedPlot> plots
    )
    {
        var importancePlots = report
            .Models.Select((m, i) => plots.GetValueOrDefault(ImportanceKey(i)))
            .OfType<RenderedPlot>()
            .ToList();
        if (report.KeyIndicators.Count == 0 && importancePlots.Count == 0)
        {
            return;
        }

        var best = report.BestModel is null ? null : report.FindModel(report.BestModel);
        html.AddSection(KeyIndicatorsHeading)
            .AddParagraph(
                "Which lifestyle and demographic factors the models rely on. Importance is the drop in test ROC AUC when a column's values are shuffled across people (all of a category's one-hot slots together), mean ± standard deviation over the repeats; near zero means the model does not use the column. The direction is read from the model's own explanations. These are associations the model learned from this dataset, not causes."
            );
        if (TrainingReportFacts.NoModelBeatsChance(report))
        {
            html.AddNote(
                "No model beats chance on this data, so these rankings describe noise and must not be read as risk factors."
            );
        }

        if (report.KeyIndicators.Count > 0)
        {
            html.AddTable(
                [
                    "Rank",
                    "Column",
                    "Importance (AUC drop) ± std",
                    "Mean |contribution| (log-odds)",
                    "Direction",
                ],
                report
                    .KeyIndicators.OrderBy(k => k.Rank)
                    .Select(k =>
                        (IReadOnlyList<string>)
                            [
                                k.Rank.ToString(CultureInfo.InvariantCulture),
                                k.Column,
                                TrainingFormat.MeanStd(k.Importance, k.ImportanceStandardDeviation),
                                TrainingFormat.Value(k.MeanAbsoluteContribution),
                                k.DirectionText,
                            ]
                    ),
                caption: $"Key indicators of the best model, {best?.DisplayName ?? report.BestModel ?? "n/a"}, ranked by permutation importance"
            );
        }

        foreach (var plot in importancePlots)
        {
            AddPlot(html, plot);
        }
    }

    private static void WriteOddsRatios(
        HtmlReportBuilder html,
        TrainingReport report,
        Dictionary<string, RenderedPlot> plots
    )
    {
        bool opened = false;
        for (int i = 0; i < report.Models.Count; i++)
        {
            var model = report.Models[i];
            if (model.Coefficients.Count == 0)
            {
                continue;
            }

            if (!opened)
            {
                html.AddSection(OddsRatiosHeading)
                    .AddParagraph(
                        "How the odds of the condition change with each input of the logistic regression, other inputs held fixed. Numeric columns are standardised, so their odds ratio is per standard deviation; a category's odds ratio compares it with the encoding's reference. An odds ratio of 1 means no association; an interval that excludes 1 is significant at the 5% level (Wald)."
                    );
                opened = true;
            }

            html.AddSubheading(model.DisplayName)
                .AddTable(
                    [
                        "Term",
                        "Coefficient (log-odds)",
                        "Standard error",
                        "Odds ratio [95% CI]",
                        "p-value",
                    ],
                    model.Coefficients.Select(c =>
                        (IReadOnlyList<string>)
                            [
                                c.Term,
                                TrainingFormat.Difference(c.Coefficient),
                                TrainingFormat.Value(c.StandardError),
                                TrainingFormat.OddsRatioWithInterval(
                                    c.OddsRatio,
                                    c.OddsRatioLower,
                                    c.OddsRatioUpper
                                ),
                                TrainingFormat.PValue(c.PValue),
                            ]
                    )
                );
            if (plots.TryGetValue(OddsRatioKey(i), out var plot))
            {
                AddPlot(html, plot);
            }
        }
    }

    private static void WriteShap(
        HtmlReportBuilder html,
        TrainingReport report,
        Dictionary<string, RenderedPlot> plots
    )
    {
        bool opened = false;
        for (int i = 0; i < report.Models.Count; i++)
        {
            var model = report.Models[i];
            if (!plots.TryGetValue(ShapKey(i), out var plot))
            {
                continue;
            }

            if (!opened)
            {
                html.AddSection(ShapHeading)
                    .AddParagraph(
                        "XGBoost's own TreeSHAP splits each prediction (in log-odds) into one contribution per input; contributions of a column's one-hot slots are summed. The mean absolute contribution over the test part shows how much a column moves predictions, the colour which way."
                    );
                opened = true;
            }

            html.AddSubheading($"{model.DisplayName}: {model.ContributionMethod}");
            AddPlot(html, plot);
            html.AddTable(
                ["Column", "Mean |SHAP| (log-odds)", "Direction"],
                model.Contributions.Select(c =>
                    (IReadOnlyList<string>)
                        [
                            c.Column,
                            TrainingFormat.Value(c.MeanAbsoluteContribution),
                            c.DirectionText,
                        ]
                )
            );
        }
    }

    private static void WriteSearch(HtmlReportBuilder html, TrainingReport report)
    {
        var models = report.Models.Where(m => !m.IsBaseline && m.Trials.Count > 0).ToList();
        if (models.Count == 0)
        {
            return;
        }

        html.AddSection(SearchHeading)
            .AddParagraph(
                $"Each model's configurations were compared by cross-validation on the training part only (mean {TrainingFormat.MetricLabel(report.Options.PrimaryMetric)} over the folds, ties broken by log loss); the test part played no part in the choice."
            )
            .AddTable(
                [
                    "Model",
                    "Configurations tried",
                    "Chosen configuration",
                    "CV score of the chosen (mean ± std)",
                    "CV log loss",
                ],
                models.Select(m =>
                {
                    var chosen = TrainingReportFacts.ChosenTrial(m);
                    return (IReadOnlyList<string>)
                        [
                            m.DisplayName,
                            TrainingFormat.Count(m.Trials.Count),
                            TrainingFormat.Configuration(
                                chosen?.HyperParameters ?? m.HyperParameters
                            ),
                            chosen is null
                                ? "n/a"
                                : $"{TrainingFormat.MetricLabel(chosen.PrimaryMetric)} {TrainingFormat.MeanStd(chosen.MeanPrimaryMetric, chosen.StandardDeviationPrimaryMetric)}",
                            chosen is null ? "n/a" : TrainingFormat.Value(chosen.MeanLogLoss),
                        ];
                })
            );
    }
}
