using System.Globalization;
using MentalHealthInsights.Core.Eda;

namespace MentalHealthInsights.Infrastructure.Reporting;

public sealed partial class EdaReportWriter
{
    /// <summary>Headings of the report's sections, in order.</summary>
    public static IReadOnlyList<string> SectionHeadings { get; } =
    [
        "What stands out",
        "Data quality",
        "Target balance",
        "Numeric features",
        "Categorical features",
        "Severity (an outcome, not a feature)",
        "Correlations",
        "All feature–condition tests",
        "Methods",
    ];

    /// <summary>What the data are, stated at the top of the report.</summary>
    public const string DataStatement =
        "These data describe people's mental health. The report shows only aggregates, never an individual record.";

    /// <summary>How to read the findings, stated at the top of the report.</summary>
    public const string AssociationStatement =
        "Findings are statistical associations in this dataset, not causes: they do not show that any factor produces or prevents a mental health condition.";

    private static string BuildHtml(
        EdaReport report,
        Dictionary<string, RenderedPlot> plots,
        DateTimeOffset generatedAt,
        string? inputName
    )
    {
        var html = new HtmlReportBuilder("Exploratory data analysis: mental health condition")
            .AddBannerLine(DataStatement)
            .AddBannerLine(AssociationStatement)
            .AddMeta(
                "Generated",
                generatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            );
        if (!string.IsNullOrWhiteSpace(inputName))
        {
            html.AddMeta("Input", inputName);
        }

        html.AddMeta("Records analysed", ReportFormat.Count(report.Target.Total));

        html.AddSection(SectionHeadings[0]).AddList(report.WhatStandsOut);
        WriteDataQuality(html, report.DataQuality);
        WriteTarget(html, report.Target, plots[TargetKey]);
        WriteNumeric(html, report, plots);
        WriteCategorical(html, report, plots);
        WriteSeverity(html, report.SeverityByCondition);
        WriteCorrelations(html, report.Correlations, plots[CorrelationKey]);
        WriteTests(html, report);
        WriteMethods(html, report);
        return html.Build();
    }

    private static void WriteDataQuality(HtmlReportBuilder html, EdaDataQuality q)
    {
        html.AddSection(SectionHeadings[1])
            .AddTable(
                ["Rows", "Count"],
                [
                    ["Read", ReportFormat.Count(q.RowsRead)],
                    ["Accepted", ReportFormat.Count(q.RowsAccepted)],
                    ["Rejected", ReportFormat.Count(q.RowsRejected)],
                    ["Analysed", ReportFormat.Count(q.RecordsAnalyzed)],
                ]
            );
        WriteCounts(
            html,
            "Rejected rows by reason",
            "Reason",
            q.RejectsByReason,
            "No row was rejected."
        );
        WriteCounts(
            html,
            "Missing values per column (accepted rows)",
            "Column",
            q.MissingByColumn,
            "No value is missing."
        );
        WriteCounts(
            html,
            "Unknown categories mapped to \"Other\"",
            "Column",
            q.UnknownCategoriesMapped,
            "No unknown category was mapped."
        );
        if (q.Warnings.Count > 0)
        {
            html.AddSubheading("Validation warnings").AddList(q.Warnings);
        }
    }

    private static void WriteCounts(
        HtmlReportBuilder html,
        string heading,
        string label,
        IReadOnlyList<NamedCount> counts,
        string whenNone
    )
    {
        html.AddSubheading(heading);
        if (counts.All(c => c.Count == 0))
        {
            html.AddParagraph(whenNone);
            return;
        }

        html.AddTable(
            [label, "Count"],
            counts.Select(c => (IReadOnlyList<string>)[c.Name, ReportFormat.Count(c.Count)])
        );
    }

    private static void WriteTarget(HtmlReportBuilder html, TargetBalance target, RenderedPlot plot)
    {
        html.AddSection(SectionHeadings[2])
            .AddTable(
                ["Mental_Health_Condition", "Records", "Share"],
                [
                    [
                        "Yes",
                        ReportFormat.Count(target.WithCondition),
                        ReportFormat.Percent(target.ConditionRate),
                    ],
                    [
                        "No",
                        ReportFormat.Count(target.WithoutCondition),
                        ReportFormat.Percent(1 - target.ConditionRate),
                    ],
                    [
                        "Total",
                        ReportFormat.Count(target.Total),
                        target.Total > 0 ? "100.0%" : "n/a",
                    ],
                ]
            );
        AddPlot(html, plot);
    }

    private static void WriteTests(HtmlReportBuilder html, EdaReport report)
    {
        html.AddSection(SectionHeadings[7])
            .AddNote(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Benjamini–Hochberg adjustment across all {report.Associations.Count} feature–condition tests; significant means adjusted p ≤ α = {report.Alpha:0.###}. Sorted by adjusted p."
                )
            )
            .AddTable(
                [
                    "Feature",
                    "Test",
                    "Statistic",
                    "p",
                    "Adjusted p",
                    "Significant",
                    "Effect size",
                    "Measure",
                    "n",
                    "Missing",
                ],
                report
                    .Associations.OrderBy(a =>
                        double.IsNaN(a.AdjustedPValue) ? 2.0 : a.AdjustedPValue
                    )
                    .Select(a =>
                        (IReadOnlyList<string>)
                            [
                                a.Feature,
                                a.Test,
                                ReportFormat.Statistic(a.Statistic),
                                ReportFormat.PValue(a.PValue),
                                ReportFormat.PValue(a.AdjustedPValue),
                                a.IsSignificant ? "yes" : "no",
                                a.Kind == VariableKind.Numeric
                                    ? ReportFormat.Effect(a.EffectSize)
                                    : ReportFormat.Measure(a.EffectSize),
                                a.EffectSizeName,
                                ReportFormat.Count(a.N),
                                ReportFormat.Count(a.Missing),
                            ]
                    )
            );
    }

    private static void WriteMethods(HtmlReportBuilder html, EdaReport report)
    {
        html.AddSection(SectionHeadings[8])
            .AddList([
                "Numeric features: Mann–Whitney U, two-sided, as scipy.stats.mannwhitneyu(x, y, alternative='two-sided') in SciPy 1.10: exact p-value when there are no ties and at least one group has 8 or fewer values, otherwise the normal approximation with tie and continuity corrections.",
                "Categorical features: chi-square test of independence, as scipy.stats.chi2_contingency (Yates' correction only when dof = 1); empty levels are dropped.",
                "Cramér's V = sqrt(χ² / (n · (min(rows, columns) − 1))) from the uncorrected χ², without bias correction.",
                "Summary statistics: sample standard deviation (n − 1) and quartiles by linear interpolation, as pandas' describe().",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Histograms: {report.HistogramBins} equal-width bins over the observed range, shared by both groups, drawn as the share of each group."
                ),
                "Multiple testing: Benjamini–Hochberg false-discovery-rate control across all feature–condition tests; \"what stands out\" ranks the significant ones by absolute effect size (|rank-biserial r| or Cramér's V).",
            ]);
    }

    private static void AddPlot(HtmlReportBuilder html, RenderedPlot plot)
    {
        string png = $"{PlotsFolder}/{plot.FileStem}.png";
        string svg = $"{PlotsFolder}/{plot.FileStem}.svg";
        html.AddImage(
            plot.Png,
            plot.AltText,
            caption: null,
            links: [new("PNG", png), new("SVG", svg)]
        );
    }
}
