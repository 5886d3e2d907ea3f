using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Infrastructure.Scoring;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.Serving;
using MentalHealthInsights.Server.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>GET /v1/model: the served model's metadata (version, alias, metrics with intervals, features, threshold).</summary>
internal static class ModelApi
{
    public static RouteGroupBuilder MapModelApi(this RouteGroupBuilder v1)
    {
        v1.MapGetAndHead("/model", GetModel)
            .WithName("GetModel")
            .WithSummary(
                "The served model: version, alias, training date, metrics with 95% intervals, features, threshold."
            )
            .NeedsModel();
        return v1;
    }

    private static Results<Ok<ModelResponse>, ProblemHttpResult> GetModel(
        HttpContext context,
        ModelSlot slot
    )
    {
        if (slot.Current is not { } model)
        {
            context.Response.Headers.RetryAfter = "5";
            return Problems.NotReady();
        }
        return TypedResults.Ok(Describe(model));
    }

    internal static ModelResponse Describe(ServedModel model)
    {
        var metadata = model.Bundle.Metadata;
        var metrics = new SortedDictionary<string, MetricInterval>(StringComparer.Ordinal);
        foreach (var (name, interval) in metadata.Metrics)
        {
            metrics[name] = ToMetric(interval);
        }
        var cv = new SortedDictionary<string, CvMetric>(StringComparer.Ordinal);
        foreach (var (name, summary) in metadata.CvMetrics)
        {
            cv[name] = new CvMetric(
                Finite(summary.Mean),
                Finite(summary.StandardDeviation),
                summary.Count
            );
        }
        return new ModelResponse
        {
            Name = model.Name,
            Version = model.VersionText,
            Alias = AliasOf(model.Reference),
            Reference = model.Reference,
            Trainer = metadata.TrainerName,
            DisplayName = metadata.DisplayName,
            TrainedAtUtc = metadata.CreatedAtUtc,
            LoadedAtUtc = model.LoadedAt,
            Threshold = metadata.Threshold,
            ThresholdStrategy = metadata.ThresholdStrategy,
            Calibration = metadata.Calibration?.ToString(),
            Metrics = metrics,
            CvMetrics = cv,
            Features = metadata.Features,
            ModifiableFeatures = WhatIfParser.ModifiableFeatures,
            BundleSha256 = model.Bundle.Sha256,
            Promotable = metadata.Promotable,
            PromotableReason = metadata.PromotableReason,
            Warnings = metadata.Warnings,
            Disclaimer = ServingText.Disclaimer,
        };
    }

    private static MetricInterval ToMetric(Interval interval) =>
        new(Finite(interval.Estimate), Finite(interval.Lower), Finite(interval.Upper));

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string? AliasOf(string reference) =>
        reference.StartsWith(ModelReferenceResolver.Scheme, StringComparison.Ordinal)
            ? ModelReference.TryParse(reference[ModelReferenceResolver.Scheme.Length..])?.Alias
            : null;
}
