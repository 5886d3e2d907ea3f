using System.Globalization;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Monitoring.Fairness;
using MentalHealthInsights.Core.Monitoring.Performance;
using MentalHealthInsights.Infrastructure.Reporting;

namespace MentalHealthInsights.Infrastructure.Monitoring;

public static partial class MonitoringReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The section headings, in order.</summary>
    public static IReadOnlyList<string> SectionHeadings { get; } =
    [
        "Key metrics",
        "Data drift",
        "Prediction and target drift",
        "Drift over time",
        "Quality over time",
        "Fairness",
        "Data quality",
        "Method",
    ];

    private static string BuildHtml(MonitoringReport report)
    {
        var html = new HtmlReportBuilder("Model monitoring report")
            .AddBannerLine(
                "Monitoring describes the model's inputs and outputs, not people; the report holds summaries, never a record."
            )
            .AddMeta("Generated", report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant))
            .AddMeta(
                "Reference",
                $"{report.ReferenceSource} ({ReportFormat.Count(report.ReferenceRows)} rows)"
            )
            .AddMeta(
                "Current",
                $"{report.CurrentSource} ({ReportFormat.Count(report.CurrentRows)} rows, {ReportFormat.Count(report.LabelledRows)} labelled)"
            )
            .AddMeta("Drift profile", report.Drift.Profile.ToString());
        if (report.From is not null || report.To is not null)
        {
            html.AddMeta(
                "Period",
                $"{report.From?.ToString("u", Invariant) ?? "…"} – {report.To?.ToString("u", Invariant) ?? "…"}"
            );
        }
        foreach (var finding in report.Findings)
        {
            html.AddHeadline(
                finding,
                warning: finding.StartsWith("Dataset drift", StringComparison.Ordinal)
            );
        }

        html.AddSection(SectionHeadings[0]);
        html.AddTable(
            ["metric", "value"],
            MonitoringKeyMetrics
                .All.Where(report.KeyMetrics.ContainsKey)
                .Select(k => (IReadOnlyList<string>)[k, KeyValue(report.KeyMetrics[k])])
        );

        html.AddSection(SectionHeadings[1]);
        html.AddParagraph(
            report.Drift.ColumnsTested == 0
                ? "No column could be tested (too few rows or none left after cleaning; see each column's note): drift is unknown here, not absent."
                : string.Create(
                    Invariant,
                    $"{report.Drift.ColumnsDrifted} of {report.Drift.ColumnsTested} tested columns drifted (share {ReportFormat.Measure(report.Drift.Share)}; the dataset drifts at ≥ {ReportFormat.Measure(report.Drift.DriftShareThreshold)})."
                )
        );
        html.AddTable(
            DriftHeader(report.Drift.Profile),
            report.Drift.Features.Select(c => DriftRow(c, report.Drift.Profile))
        );
        foreach (var column in report.Drift.Features.Where(c => c.Distribution is not null))
        {
            html.AddImage(
                MonitoringPlots.Distribution(column),
                $"Reference and current shares of {column.Column} per bin."
            );
        }

        html.AddSection(SectionHeadings[2]);
        var utility = new[]
        {
            report.Drift.ProbabilityDrift,
            report.Drift.LabelDrift,
            report.Drift.TargetDrift,
        }
            .OfType<ColumnDriftResult>()
            .ToArray();
        if (report.LabelledRows == 0)
        {
            html.AddParagraph(
                "Target drift: not tested, no labels in the current data (it needs the observed outcomes)."
            );
        }
        if (utility.Length == 0)
        {
            html.AddParagraph("No predictions or outcomes on both sides: nothing to compare.");
        }
        else
        {
            html.AddTable(
                DriftHeader(report.Drift.Profile),
                utility.Select(c => DriftRow(c, report.Drift.Profile))
            );
            foreach (var column in utility.Where(c => c.Distribution is not null))
            {
                html.AddImage(
                    MonitoringPlots.Distribution(column),
                    $"Reference and current shares of {column.Column} per bin."
                );
            }
        }

        html.AddSection(SectionHeadings[3]);
        AddDriftOverTime(html, report);

        html.AddSection(SectionHeadings[4]);
        if (report.LabelledRows == 0)
        {
            html.AddParagraph(
                "Measured quality needs labels: no labels in the current data, so nothing is measured here."
            );
        }
        AddPerformance(html, report.Performance);

        html.AddSection(SectionHeadings[5]);
        AddFairness(html, report.Fairness, report.FairnessWindows);

        html.AddSection(SectionHeadings[6]);
        var q = report.Quality;
        html.AddParagraph(
            string.Create(
                Invariant,
                $"{q.RowsRejected} of {q.RowsRead} rows rejected by validation ({ReportFormat.Percent(q.RejectShare)})."
            )
        );
        if (q.RejectsByReason.Count > 0)
        {
            html.AddTable(
                ["reason", "rows"],
                q.RejectsByReason.Select(r =>
                    (IReadOnlyList<string>)[r.Key, ReportFormat.Count(r.Value)]
                ),
                "Rejected rows by reason"
            );
        }
        if (q.UnknownCategoriesMapped.Count > 0)
        {
            html.AddTable(
                ["column", "values mapped to Other"],
                q.UnknownCategoriesMapped.Select(r =>
                    (IReadOnlyList<string>)[r.Key, ReportFormat.Count(r.Value)]
                ),
                "Unknown categories"
            );
        }
        html.AddTable(
            ["column", "missing", "missing share", "reference missing share", "new categories"],
            q.Columns.Select(c =>
                (IReadOnlyList<string>)
                    [
                        c.Column,
                        ReportFormat.Count(c.Missing),
                        ReportFormat.Percent(c.MissingShare),
                        ReportFormat.Percent(c.ReferenceMissingShare),
                        c.NewCategories.Count == 0 ? "–" : string.Join(", ", c.NewCategories),
                    ]
            )
        );

        html.AddSection(SectionHeadings[7]);
        html.AddList(MethodNotes(report.Drift.Profile));
        return html.Build();
    }

    private static string KeyValue(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ReportFormat.Count((long)value)
            : ReportFormat.Number(value);

    private static string[] DriftHeader(DriftProfile profile) =>
        profile == DriftProfile.Strict
            ?
            [
                "column",
                "test",
                "p-value",
                "BH-adjusted p",
                "PSI (reference bins)",
                "drift",
                "n ref",
                "n cur",
                "missing ref",
                "missing cur",
            ]
            :
            [
                "column",
                "test",
                "score",
                "threshold",
                "rule",
                "drift",
                "n ref",
                "n cur",
                "missing ref",
                "missing cur",
            ];

    private static IReadOnlyList<string> DriftRow(ColumnDriftResult c, DriftProfile profile)
    {
        string drift = c.Note ?? (c.Drifted ? "DRIFT" : "no");
        return profile == DriftProfile.Strict
            ?
            [
                c.Column,
                c.Test,
                ReportFormat.PValue(c.Score),
                ReportFormat.PValue(c.AdjustedPValue),
                ReportFormat.Measure(c.ReferenceBinPsi),
                drift,
                ReportFormat.Count(c.ReferenceCount),
                ReportFormat.Count(c.CurrentCount),
                ReportFormat.Count(c.ReferenceMissing),
                ReportFormat.Count(c.CurrentMissing),
            ]
            :
            [
                c.Column,
                c.Test,
                DriftComparisons.IsPValue(c.Comparison)
                    ? ReportFormat.PValue(c.Score)
                    : ReportFormat.Statistic(c.Score),
                ReportFormat.Number(c.Threshold),
                Rule(c.Comparison),
                drift,
                ReportFormat.Count(c.ReferenceCount),
                ReportFormat.Count(c.CurrentCount),
                ReportFormat.Count(c.ReferenceMissing),
                ReportFormat.Count(c.CurrentMissing),
            ];
    }

    private static string Rule(DriftComparison comparison) =>
        comparison switch
        {
            DriftComparison.PValueAtMost => "p ≤ thr",
            DriftComparison.PValueBelow => "p < thr",
            DriftComparison.DistanceAtLeast => "d ≥ thr",
            _ => "d > thr",
        };

    private static void AddPerformance(HtmlReportBuilder html, PerformanceResult? performance)
    {
        if (performance is null)
        {
            html.AddParagraph(
                "Not available: quality needs the model's probabilities on both sides and outcomes in the reference."
            );
            return;
        }
        html.AddParagraph(
            performance.CbpeCalibrated is { } calibrated
                ? $"Estimates without labels use confidence-based performance estimation (CBPE); scores were {(calibrated ? "calibrated (isotonic, fitted on the reference)" : "used as they are (calibration did not lower the calibration error)")}. Bands are ±3 standard errors; alerts use thresholds from reference chunks."
                : "CBPE was not fitted (too few labelled reference rows)."
        );
        html.AddTable(
            [
                "metric",
                "reference",
                "current (measured)",
                "95% interval",
                "current (estimated)",
                "band",
                "alert range",
                "alert",
            ],
            CbpeMetric.All.Select(m => PerformanceRow(m, performance))
        );
        var windows = performance.Windows.Where(w => w.Start is not null).ToArray();
        if (windows.Length > 0)
        {
            html.AddTable(
                [
                    "window",
                    "rows",
                    "labelled",
                    "F1 measured",
                    "F1 estimated",
                    "ROC AUC measured",
                    "ROC AUC estimated",
                ],
                windows.Select(w =>
                    (IReadOnlyList<string>)
                        [
                            w.Start!.Value.ToString("yyyy-MM-dd HH:mm", Invariant),
                            ReportFormat.Count(w.Rows),
                            ReportFormat.Count(w.LabelledRows),
                            ReportFormat.Measure(w.Realized?["f1"].Estimate ?? double.NaN),
                            ReportFormat.Measure(w.Estimated?["f1"].Value ?? double.NaN),
                            ReportFormat.Measure(w.Realized?["roc_auc"].Estimate ?? double.NaN),
                            ReportFormat.Measure(w.Estimated?["roc_auc"].Value ?? double.NaN),
                        ]
                ),
                "Per window"
            );
            foreach (var metric in new[] { "f1", "roc_auc" })
            {
                if (MonitoringPlots.OverTime(performance, metric) is { } png)
                {
                    html.AddImage(
                        png,
                        $"{metric} per window: measured with intervals, estimated with its band, and the reference."
                    );
                }
            }
        }
    }

    private static IReadOnlyList<string> PerformanceRow(string metric, PerformanceResult p)
    {
        var measured = p.Overall.Realized?[metric];
        var estimated = p.Overall.Estimated?[metric];
        return
        [
            metric,
            ReportFormat.Measure(p.Reference.TryGetValue(metric, out double r) ? r : double.NaN),
            ReportFormat.Measure(measured?.Estimate ?? double.NaN),
            measured is { } m
                ? $"{ReportFormat.Measure(m.Lower)} – {ReportFormat.Measure(m.Upper)}"
                : "n/a",
            ReportFormat.Measure(estimated?.Value ?? double.NaN),
            estimated is { } e
                ? $"{ReportFormat.Measure(e.Lower)} – {ReportFormat.Measure(e.Upper)}"
                : "n/a",
            estimated is { } a
                ? $"{ReportFormat.Measure(a.AlertLower)} – {ReportFormat.Measure(a.AlertUpper)}"
                : "n/a",
            estimated?.Alert == true ? "ALERT" : "no",
        ];
    }

    private static void AddFairness(
        HtmlReportBuilder html,
        FairnessResult? fairness,
        IReadOnlyList<FairnessResult> windows
    )
    {
        if (fairness is null)
        {
            html.AddParagraph("Not available: fairness needs the model's labels.");
            return;
        }
        html.AddParagraph(
            "Selection rate, TPR, FPR and F1 of the model's labels per group (Fairlearn's definitions). Groups below the minimum size are flagged and left out of the differences and ratios; a ratio with a zero maximum is n/a."
        );
        foreach (var attribute in fairness.Attributes)
        {
            html.AddSubheading(attribute.Attribute);
            html.AddParagraph(
                $"Demographic parity difference {ReportFormat.Measure(attribute.DemographicParityDifference)}, ratio {ReportFormat.Measure(attribute.DemographicParityRatio)}; equalized odds difference {ReportFormat.Measure(attribute.EqualizedOddsDifference)}, ratio {ReportFormat.Measure(attribute.EqualizedOddsRatio)}."
            );
            html.AddTable(
                [
                    "group",
                    "rows",
                    "labelled",
                    "positives",
                    "selection rate",
                    "TPR",
                    "FPR",
                    "F1",
                    "small",
                ],
                attribute.Groups.Select(g =>
                    (IReadOnlyList<string>)
                        [
                            g.Group,
                            ReportFormat.Count(g.Rows),
                            ReportFormat.Count(g.LabelledRows),
                            ReportFormat.Count(g.Positives),
                            ReportFormat.Measure(g.SelectionRate),
                            ReportFormat.Measure(g.TruePositiveRate),
                            ReportFormat.Measure(g.FalsePositiveRate),
                            ReportFormat.Measure(g.F1),
                            g.Small ? "yes" : "",
                        ]
                )
            );
        }
        if (windows.Count > 0)
        {
            html.AddTable(
                ["window", "rows", "largest gap"],
                windows.Select(w =>
                    (IReadOnlyList<string>)
                        [
                            w.Start?.ToString("yyyy-MM-dd HH:mm", Invariant) ?? "all",
                            ReportFormat.Count(w.Rows),
                            ReportFormat.Measure(w.Gap),
                        ]
                ),
                "Fairness gap per window"
            );
        }
    }

    private static string[] MethodNotes(DriftProfile profile) =>
        profile == DriftProfile.Strict
            ?
            [
                "Strict profile: numerical columns are binned at reference deciles fixed once, categorical columns by reference category plus an 'unseen' bin, so PSI is comparable across windows.",
                "A column drifts when its Benjamini–Hochberg adjusted p-value (KS for numerical, chi-square of homogeneity for categorical) is below the false discovery rate and its PSI is at least the threshold: significance and size together.",
                "The dataset drifts when at least the drift share of the features drift; prediction and target drift are reported separately.",
            ]
            :
            [
                "Evidently profile: the test per column follows Evidently's defaults (KS, chi-square or Z for references up to 1,000 rows; normed Wasserstein or Jensen–Shannon above), with each test's threshold and comparison (KS: p ≤ 0.05; other p-values: p < 0.05; distances: ≥ 0.1).",
                "Missing and infinite values are dropped before each test; a category new in current makes chi-square drift; PSI and KL replace empty bins by a small share, Jensen–Shannon does not.",
                "The dataset drifts when the share of drifted columns (features, prediction and target) is at least the drift share (0.5).",
            ];
}
