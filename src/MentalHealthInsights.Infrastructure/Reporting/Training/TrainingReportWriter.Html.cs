using System.Globalization;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

public sealed partial class TrainingReportWriter
{
    private const string DataHeading = "Data and reproducibility";
    private const string LeakageHeading = "Leakage check";
    private const string ModelsHeading = "Models side by side";
    private const string SignificanceHeading = "Significance";
    private const string RocHeading = "ROC curves";
    private const string PrecisionRecallHeading = "Precision–recall curves";
    private const string CalibrationHeading = "Calibration";
    private const string ConfusionHeading = "Confusion matrices";
    private const string KeyIndicatorsHeading = "Key indicators";
    private const string OddsRatiosHeading = "Logistic regression odds ratios";
    private const string ShapHeading = "XGBoost SHAP values";
    private const string SearchHeading = "Hyperparameter search";
    private const string MethodsHeading = "Methods";

    /// <summary>
    /// Headings of every section the report can have, in page order. A section is left out when
    /// the record has nothing for it (e.g. no logistic regression, or training stopped).
    /// </summary>
    public static IReadOnlyList<string> SectionHeadings { get; } =
    [
        DataHeading,
        LeakageHeading,
        ModelsHeading,
        SignificanceHeading,
        RocHeading,
        PrecisionRecallHeading,
        CalibrationHeading,
        ConfusionHeading,
        KeyIndicatorsHeading,
        OddsRatiosHeading,
        ShapHeading,
        SearchHeading,
        MethodsHeading,
    ];

    /// <summary>What the data are, stated in the banner under the disclaimer.</summary>
    public const string DataStatement =
        "These models were trained on data describing people's mental health. The report shows only aggregates, never an individual record.";

    /// <summary>How to read key indicators, stated in the banner.</summary>
    public const string AssociationStatement =
        "Key indicators show what the models rely on in this dataset, not causes: they do not show that any factor produces or prevents a mental health condition.";

    /// <summary>The warning shown when the run continued although a column was suspected of leaking the target.</summary>
    public const string LeakageAllowedWarning =
        "Suspected target leakage was allowed for this run: results that rely on the suspected column(s) may be too good to be true and may not hold on new data.";

    private static string BuildHtml(
        TrainingReport report,
        Dictionary<string, RenderedPlot> plots,
        DateTimeOffset generatedAt
    )
    {
        var html = new HtmlReportBuilder("Training report: mental health condition")
            .AddBannerLine(DataStatement)
            .AddBannerLine(AssociationStatement)
            .AddMeta("Run created", TrainingFormat.Timestamp(report.CreatedAt))
            .AddMeta("Report written", TrainingFormat.Timestamp(generatedAt))
            .AddMeta("Records", RecordsText(report));
        WriteHeadlines(html, report);
        WriteData(html, report);
        WriteLeakage(html, report);
        if (report.Models.Count > 0)
        {
            WriteModels(html, report);
            WriteSignificance(html, report);
            WriteCurves(html, report, plots);
            WriteConfusionMatrices(html, report);
            WriteKeyIndicators(html, report, plots);
            WriteOddsRatios(html, report, plots);
            WriteShap(html, report, plots);
            WriteSearch(html, report);
            WriteMethods(html, report);
        }

        return html.Build();
    }

    private static void WriteHeadlines(HtmlReportBuilder html, TrainingReport report)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        if (TrainingReportFacts.StoppedForLeakage(report))
        {
            string message = TrainingReportFacts.LeakageStopMessage(report);
            html.AddHeadline(message, warning: true);
            shown.Add(message);
            shown.Add(report.Headline);
        }
        else if (TrainingReportFacts.NoModelBeatsChance(report))
        {
            html.AddHeadline(TrainingReport.NoSignalHeadline, warning: true);
            shown.Add(TrainingReport.NoSignalHeadline);
            shown.Add(report.Headline);
        }
        else
        {
            html.AddHeadline(report.Headline);
            shown.Add(report.Headline);
        }

        if (report.SuspectedLeakageAllowed)
        {
            string detail =
                report.Leakage.Message ?? string.Join(", ", report.Leakage.SuspectedColumns);
            html.AddHeadline($"{LeakageAllowedWarning} {detail}", warning: true);
            shown.Add(report.Leakage.Message ?? string.Empty);
        }

        foreach (string warning in report.Warnings)
        {
            if (shown.Add(warning))
            {
                html.AddHeadline(warning, warning: true);
            }
        }
    }

    /// <summary>
    /// The rows used, and — when the caller recorded the input — the rows read and rejected
    /// with the rejects file, so that no rejected row goes unmentioned.
    /// </summary>
    private static string RecordsText(TrainingReport report) =>
        report.Input is { } input
            ? $"{TrainingFormat.Count(report.Data.Rows)} used of {TrainingFormat.Count(input.RowsRead)} read; {TrainingFormat.Count(input.RowsRejected)} rejected by validation (listed in {input.RejectsFile})"
            : TrainingFormat.Count(report.Data.Rows);

    private static void WriteData(HtmlReportBuilder html, TrainingReport report)
    {
        var data = report.Data;
        html.AddSection(DataHeading)
            .AddTable(
                ["Fact", "Value"],
                [
                    ["Records", RecordsText(report)],
                    [
                        "With the condition",
                        $"{TrainingFormat.Count(data.Positives)} ({TrainingFormat.Percent(data.Prevalence)})",
                    ],
                    ["Prevalence", TrainingFormat.Value(data.Prevalence)],
                    [
                        "Training part (rows, with the condition)",
                        $"{TrainingFormat.Count(data.TrainRows)} ({TrainingFormat.Count(data.TrainPositives)})",
                    ],
                    [
                        "Test part (rows, with the condition)",
                        $"{TrainingFormat.Count(data.TestRows)} ({TrainingFormat.Count(data.TestPositives)})",
                    ],
                    ["Target", $"{data.Target} = Yes"],
                    ["Data SHA-256", data.DataHash ?? "not recorded"],
                    ["Seed", data.Seed.ToString(CultureInfo.InvariantCulture)],
                    ["Git commit", TrainingReportFacts.GitCommit(report) ?? "not recorded"],
                    ["Run created", TrainingFormat.Timestamp(report.CreatedAt)],
                    [
                        "Report schema version",
                        report.SchemaVersion.ToString(CultureInfo.InvariantCulture),
                    ],
                ],
                caption: "What the models were trained and tested on"
            )
            .AddParagraph(
                $"Features ({data.Features.Count}), in preprocessing order: {string.Join(", ", data.Features)}."
            );

        var o = report.Options;
        html.AddTable(
            ["Option", "Value"],
            [
                ["Seed", o.Seed.ToString(CultureInfo.InvariantCulture)],
                ["Test fraction", ReportFormat.Number(o.TestFraction)],
                ["Cross-validation folds", o.Folds.ToString(CultureInfo.InvariantCulture)],
                [
                    "Search budget (configurations per model)",
                    o.SearchBudget.ToString(CultureInfo.InvariantCulture),
                ],
                ["Primary metric", TrainingFormat.MetricLabel(o.PrimaryMetric)],
                ["Threshold strategy", o.ThresholdStrategy],
                ["Calibration method", o.CalibrationMethod],
                ["Significance level α", ReportFormat.Number(o.Alpha)],
                ["Bootstrap resamples", TrainingFormat.Count(o.BootstrapResamples)],
                [
                    "Permutation repeats",
                    o.PermutationRepeats.ToString(CultureInfo.InvariantCulture),
                ],
                ["Leakage AUC threshold", ReportFormat.Number(o.LeakageAucThreshold)],
                ["Allow suspected leakage", TrainingFormat.YesNo(o.AllowSuspectedLeakage)],
            ],
            caption: "Options of the run"
        );

        var libraries = report
            .LibraryVersions.Where(kv => !TrainingReportFacts.IsCommitKey(kv.Key))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (IReadOnlyList<string>)[kv.Key, kv.Value])
            .ToList();
        if (libraries.Count > 0)
        {
            html.AddTable(["Library", "Version"], libraries, caption: "Library versions");
        }
        else
        {
            html.AddNote("Library versions were not recorded for this run.");
        }
    }

    private static void WriteLeakage(HtmlReportBuilder html, TrainingReport report)
    {
        var leakage = report.Leakage;
        html.AddSection(LeakageHeading)
            .AddParagraph(
                $"Each feature alone was scored by its cross-validated ROC AUC on the training part. A single feature at or above {TrainingFormat.Value(leakage.AucThreshold)} almost determines the target, which more often means it copies the target (or was recorded after it) than that it is a real predictor."
            );
        if (leakage.Columns.Count > 0)
        {
            html.AddTable(
                ["Column", "Kind", "Cross-validated ROC AUC", "Suspected"],
                leakage.Columns.Select(c =>
                    (IReadOnlyList<string>)
                        [
                            c.Column,
                            c.Kind,
                            TrainingFormat.Value(c.CrossValidatedAuc),
                            TrainingFormat.YesNo(c.Suspected),
                        ]
                )
            );
        }

        if (!leakage.Fired)
        {
            html.AddParagraph("No feature was suspected.");
            return;
        }

        if (!string.IsNullOrWhiteSpace(leakage.Message))
        {
            html.AddParagraph(leakage.Message);
        }

        if (leakage.Overridden)
        {
            html.AddNote(LeakageAllowedWarning);
        }
        else
        {
            html.AddParagraph(
                $"Nothing was trained. Remove or fix the suspected column(s) ({string.Join(", ", leakage.SuspectedColumns)}); only if a column is truly known before the outcome, rerun with suspected leakage explicitly allowed (--allow-suspected-leakage), which is recorded and shown on the report."
            );
        }
    }

    private static void WriteMethods(HtmlReportBuilder html, TrainingReport report)
    {
        var tests = report.Tests;
        var items = new List<string>
        {
            $"Intervals: {tests.Intervals}",
            $"Against the baseline (ROC AUC): {tests.VersusBaseline}",
            $"Against the baseline (log loss): {tests.LogLoss}",
            $"Between models: {tests.Pairwise}",
            $"Promotion rule: {tests.PromotionRule}",
            $"Significance level α = {ReportFormat.Number(tests.Alpha)}.",
        };
        foreach (var model in report.Models.Where(m => !m.IsBaseline))
        {
            items.Add($"{model.DisplayName}: contributions by {model.ContributionMethod}.");
        }

        html.AddSection(MethodsHeading)
            .AddList(items)
            .AddNote(
                "Numbers use the invariant culture; probabilities and metrics have three decimals; p-values below 0.001 are in scientific notation; \"n/a\" marks a value that is undefined on these data. training.json holds every number of this page. See docs/training-report.md for how to read each section."
            );
    }

    private static void AddPlot(
        HtmlReportBuilder html,
        RenderedPlot plot,
        string? caption = null
    ) =>
        html.AddImage(
            plot.Png,
            plot.AltText,
            caption,
            [
                new("PNG", $"{PlotsFolder}/{plot.FileStem}.png"),
                new("SVG", $"{PlotsFolder}/{plot.FileStem}.svg"),
            ]
        );
}
