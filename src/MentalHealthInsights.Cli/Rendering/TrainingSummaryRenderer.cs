using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Cli.Rendering;

/// <summary>
/// The terminal summary of a training job: the headline first (the honesty statement when no
/// model beats chance), the models side by side with intervals, the key indicators, and paths.
/// </summary>
internal static class TrainingSummaryRenderer
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Render(TrainingJobResult result)
    {
        var report = result.Report;
        var text = new StringBuilder();
        text.AppendLine(report.Headline);
        text.AppendLine(report.Disclaimer);
        text.AppendLine(
            Culture,
            $"Rows {report.Data.Rows:N0} (train {report.Data.TrainRows:N0}, test {report.Data.TestRows:N0}), prevalence {report.Data.Prevalence * 100:0.0}%, seed {report.Data.Seed}"
        );
        // read = used + rejected: the rows validation set aside are never left unmentioned.
        text.AppendLine(
            Culture,
            $"Input  {result.Validation.RowsRead:N0} rows read, {report.Data.Rows:N0} used, {result.Validation.RowsRejected:N0} rejected (see {result.RejectsPath})"
        );
        if (report.Models.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(
                Culture,
                $"{"model", -10} {"ROC AUC (95% CI)", -24} {"F1 (95% CI)", -24} {"threshold", 9}  promotable"
            );
            foreach (var model in report.Models)
            {
                text.AppendLine(
                    Culture,
                    $"{model.Name, -10} {Interval(model, MetricNames.RocAuc), -24} {Interval(model, MetricNames.F1), -24} {model.Threshold.Value, 9:0.###}  {(model.IsBaseline ? "-" : model.Promotable ? "yes" : "no")}"
                );
            }
        }
        if (report.KeyIndicators.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(
                Culture,
                $"Key indicators ({report.BestModel}; drop in ROC AUC when shuffled):"
            );
            foreach (var indicator in report.KeyIndicators.Take(6))
            {
                text.AppendLine(
                    Culture,
                    $"{indicator.Rank, 3}. {indicator.Column, -24} {indicator.Importance:0.000} ± {indicator.ImportanceStandardDeviation:0.000}  {indicator.DirectionText}"
                );
            }
        }
        foreach (var warning in report.Warnings)
        {
            text.AppendLine(Culture, $"warning: {warning}");
        }
        if (result.Tracking is { } tracking)
        {
            text.AppendLine();
            if (tracking.Error is not null)
            {
                text.AppendLine(Culture, $"warning: {tracking.Error}");
            }
            else
            {
                text.AppendLine(
                    Culture,
                    $"Tracked         run {tracking.ParentRunId} in {tracking.TrackingUri}"
                );
                if (tracking.Version is { } version)
                {
                    text.AppendLine(
                        Culture,
                        $"Registered      {tracking.RegisteredModel} version {version} as challenger; {(tracking.PromotedToChampion ? "promoted to champion" : "not promoted")}: {tracking.PromotionReason}"
                    );
                }
            }
        }
        text.AppendLine();
        text.AppendLine(Culture, $"Training report {result.Output.HtmlPath}");
        foreach (var (name, folder) in result.Bundles)
        {
            text.AppendLine(Culture, $"Model bundle    {name}: {folder}");
        }
        return text.ToString().TrimEnd();
    }

    public static JsonObject ToJson(TrainingJobResult result)
    {
        var report = result.Report;
        var models = new JsonArray();
        foreach (var model in report.Models)
        {
            var metrics = new JsonObject();
            foreach (var (name, interval) in model.Test.Intervals)
            {
                metrics[name] = new JsonObject
                {
                    ["estimate"] = Number(interval.Estimate),
                    ["lower"] = Number(interval.Lower),
                    ["upper"] = Number(interval.Upper),
                };
            }
            models.Add(
                new JsonObject
                {
                    ["name"] = model.Name,
                    ["baseline"] = model.IsBaseline,
                    ["promotable"] = model.Promotable,
                    ["reason"] = model.PromotionReason,
                    ["threshold"] = Number(model.Threshold.Value),
                    ["test"] = metrics,
                    ["bundle"] = result.Bundles.TryGetValue(model.Name, out var folder)
                        ? folder
                        : null,
                }
            );
        }
        return new JsonObject
        {
            ["outcome"] = report.Outcome.ToString(),
            ["headline"] = report.Headline,
            ["disclaimer"] = report.Disclaimer,
            ["noModelBeatsChance"] =
                report.Outcome == TrainingOutcome.Completed && !report.AnyPromotable,
            ["bestModel"] = report.BestModel,
            ["recommendedModel"] = report.RecommendedModel,
            ["rows"] = report.Data.Rows,
            ["rowsRead"] = result.Validation.RowsRead,
            ["rowsRejected"] = result.Validation.RowsRejected,
            ["models"] = models,
            ["keyIndicators"] = new JsonArray([
                .. report.KeyIndicators.Select(k =>
                    (JsonNode?)
                        new JsonObject
                        {
                            ["rank"] = k.Rank,
                            ["column"] = k.Column,
                            ["importance"] = Number(k.Importance),
                            ["direction"] = k.DirectionText,
                        }
                ),
            ]),
            ["html"] = result.Output.HtmlPath,
            ["json"] = result.Output.JsonPath,
            ["rejectsPath"] = result.RejectsPath,
            ["tracking"] = result.Tracking is not { } t
                ? null
                : new JsonObject
                {
                    ["trackingUri"] = t.TrackingUri,
                    ["parentRunId"] = t.ParentRunId,
                    ["registeredModel"] = t.RegisteredModel,
                    ["version"] = t.Version,
                    ["promotedToChampion"] = t.PromotedToChampion,
                    ["promotionReason"] = t.PromotionReason,
                    ["error"] = t.Error,
                },
        };
    }

    private static string Interval(ModelEvaluation model, string metric) =>
        model.Test.Intervals.TryGetValue(metric, out var interval) ? Format(interval) : "n/a";

    private static string Format(Interval interval) =>
        double.IsNaN(interval.Estimate)
            ? "n/a"
            : string.Create(
                Culture,
                $"{interval.Estimate:0.000} [{interval.Lower:0.000}, {interval.Upper:0.000}]"
            );

    // JSON has no NaN: undefined numbers are null.
    private static JsonNode? Number(double value) => double.IsFinite(value) ? value : null;
}
