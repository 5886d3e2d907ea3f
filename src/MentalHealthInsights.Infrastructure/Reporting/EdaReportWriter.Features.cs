using System.Globalization;
using MentalHealthInsights.Core.Eda;
using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Infrastructure.Reporting;

public sealed partial class EdaReportWriter
{
    private static void WriteNumeric(
        HtmlReportBuilder html,
        EdaReport report,
        Dictionary<string, RenderedPlot> plots
    )
    {
        html.AddSection(SectionHeadings[3])
            .AddNote(
                "Mann–Whitney U compares people with the condition (x) to people without (y); missing values are excluded per test and counted. Rank-biserial r > 0 means higher values among people with the condition; AUC is the probability that a random person with the condition has the higher value."
            );
        foreach (var f in report.NumericFeatures)
        {
            var a = report.Associations.First(x => x.Feature == f.Name);
            var t = f.Test;
            html.AddSubheading(f.Name)
                .AddTable(
                    ["Group", "n", "Missing", "Mean", "Std", "Min", "Q1", "Median", "Q3", "Max"],
                    [
                        SummaryRow("All records", f.Overall),
                        SummaryRow("With the condition", f.WithCondition),
                        SummaryRow("Without the condition", f.WithoutCondition),
                    ]
                )
                .AddParagraph(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Mann–Whitney U = {ReportFormat.Statistic(t.Statistic)} ({t.Method.ToString().ToLowerInvariant()} p-value), p = {ReportFormat.PValue(a.PValue)}, Benjamini–Hochberg adjusted p = {ReportFormat.PValue(a.AdjustedPValue)}{(a.IsSignificant ? " (significant)" : string.Empty)}; rank-biserial r = {ReportFormat.Effect(t.RankBiserial)}, AUC = {ReportFormat.Measure(t.Auc)}; n = {ReportFormat.Count(t.N1)} with and {ReportFormat.Count(t.N2)} without the condition, {ReportFormat.Count(t.Missing1 + t.Missing2)} missing values excluded."
                    )
                );
            AddPlot(html, plots[NumericKey(f.Name)]);
        }
    }

    private static IReadOnlyList<string> SummaryRow(string group, SummaryStatistics s) =>
        [
            group,
            ReportFormat.Count(s.Count),
            ReportFormat.Count(s.Missing),
            ReportFormat.Number(s.Mean),
            ReportFormat.Number(s.StandardDeviation),
            ReportFormat.Number(s.Min),
            ReportFormat.Number(s.Q1),
            ReportFormat.Number(s.Median),
            ReportFormat.Number(s.Q3),
            ReportFormat.Number(s.Max),
        ];

    private static void WriteCategorical(
        HtmlReportBuilder html,
        EdaReport report,
        Dictionary<string, RenderedPlot> plots
    )
    {
        html.AddSection(SectionHeadings[4])
            .AddNote(
                $"Chi-square test of independence of category × condition (Yates' correction only when the table has one degree of freedom); Cramér's V from the uncorrected chi-square. A missing value is its own level, \"{EdaAnalyzer.MissingLevel}\"."
            );
        foreach (var f in report.CategoricalFeatures)
        {
            var a = report.Associations.First(x => x.Feature == f.Name);
            html.AddSubheading(f.Name)
                .AddTable(
                    [f.Name, "Records", "With the condition", "Without", "Condition rate"],
                    f.Levels.Select(l =>
                        (IReadOnlyList<string>)
                            [
                                l.Name,
                                ReportFormat.Count(l.Count),
                                ReportFormat.Count(l.WithCondition),
                                ReportFormat.Count(l.WithoutCondition),
                                ReportFormat.Percent(l.ConditionRate),
                            ]
                    )
                )
                .AddParagraph(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"χ² = {ReportFormat.Statistic(f.Test.Statistic)}{(f.Test.YatesCorrectionApplied ? " (Yates-corrected)" : string.Empty)}, dof = {f.Test.DegreesOfFreedom}, p = {ReportFormat.PValue(a.PValue)}, Benjamini–Hochberg adjusted p = {ReportFormat.PValue(a.AdjustedPValue)}{(a.IsSignificant ? " (significant)" : string.Empty)}; Cramér's V = {ReportFormat.Measure(f.CramersV)}; n = {ReportFormat.Count(f.Test.N)}."
                    )
                );
            AddPlot(html, plots[CategoricalKey(f.Name)]);
        }
    }

    private static void WriteSeverity(HtmlReportBuilder html, IReadOnlyList<CategoryLevel> severity)
    {
        html.AddSection(SectionHeadings[5])
            .AddNote(
                "Severity describes the condition itself, so it is an outcome: it is shown against the target here and is never tested, ranked or used as a feature."
            )
            .AddTable(
                ["Severity", "With the condition", "Without the condition", "Records"],
                severity.Select(l =>
                    (IReadOnlyList<string>)
                        [
                            l.Name,
                            ReportFormat.Count(l.WithCondition),
                            ReportFormat.Count(l.WithoutCondition),
                            ReportFormat.Count(l.Count),
                        ]
                )
            );
    }

    private static void WriteCorrelations(
        HtmlReportBuilder html,
        CorrelationMatrix m,
        RenderedPlot plot
    )
    {
        html.AddSection(SectionHeadings[6])
            .AddNote(
                "A mixed matrix: Pearson r between two numeric features (−1 to 1), Cramér's V between two categorical variables (0 to 1, \"(missing)\" as a level) and the correlation ratio η between a categorical and a numeric variable (0 to 1). Mental_Health_Condition is a Yes/No categorical variable, so its row holds V and η. Values on different measures are comparable only roughly."
            );
        AddPlot(html, plot);
        html.AddTable(
            ["", .. m.Variables],
            m.Variables.Select(
                (v, i) => (IReadOnlyList<string>)[v, .. m.Values[i].Select(ReportFormat.Measure)]
            )
        );
    }
}
