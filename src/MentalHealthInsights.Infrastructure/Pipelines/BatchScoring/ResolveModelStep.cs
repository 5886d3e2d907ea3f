using System.Globalization;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Pipelines.Training;
using MentalHealthInsights.Infrastructure.Scoring;

namespace MentalHealthInsights.Infrastructure.Pipelines.BatchScoring;

/// <summary>
/// <c>resolve</c>: turns <c>model</c> into a verified bundle on disk. A registry reference
/// (<c>models:/NAME@champion</c>) is downloaded into <c>OUT/batch/RUN_ID/model/</c> so the run
/// record names exactly the version scored with, even if the alias moves later; a bundle path is
/// verified and used in place. An unknown model or alias fails the run (not retried).
/// </summary>
/// <param name="time">The clock for the tracking backend.</param>
internal sealed class ResolveModelStep(TimeProvider time) : PipelineStep
{
    public override string Name => "resolve";

    public override IReadOnlyList<string> Inputs => ["model", "out", "tracking-uri"];

    public override IReadOnlyList<string> Outputs =>
        ["bundle", "model_name", "model_version", "bundle_sha256"];

    public override async Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var reference = context.Input("model");
        if (reference.Length == 0)
        {
            throw new PipelineStepException("parameter model must not be empty.");
        }
        var outFolder = StepParameters.FullPath(context, "out");
        var cache = Path.Combine(outFolder, "batch", context.RunId, "model");
        try
        {
            if (!reference.StartsWith(ModelReferenceResolver.Scheme, StringComparison.Ordinal))
            {
                var path = Path.GetFullPath(reference);
                using var local = await Task.Run(
                    () => Scoring.Bundles.ModelBundleReader.Load(path),
                    cancellationToken
                );
                return Outcome(path, local.Metadata.ModelName, "bundle", local.Sha256, []);
            }
            var backend = PipelineTracking.Open(context.Input("tracking-uri"), outFolder, time);
            var resolved = await new ModelReferenceResolver(backend).ResolveAsync(
                reference,
                cache,
                cancellationToken
            );
            using var bundle = resolved.Bundle;
            var version = resolved.Version!;
            var number = version.Version.ToString(CultureInfo.InvariantCulture);
            return Outcome(
                bundle.Location.DisplayPath,
                version.Name,
                number,
                bundle.Sha256,
                [new PipelineLink("model-version", $"{version.Name}/{number}")]
            );
        }
        catch (Exception ex) when (ex is ModelBundleException or TrackingException)
        {
            throw new PipelineStepException($"cannot load model {reference}: {ex.Message}");
        }
    }

    private static StepOutcome Outcome(
        string path,
        string name,
        string version,
        string sha256,
        IReadOnlyList<PipelineLink> links
    ) =>
        new(
            StepParameters.Values(
                ("bundle", path),
                ("model_name", name),
                ("model_version", version),
                ("bundle_sha256", sha256)
            ),
            links,
            $"resolved {name} version {version}"
        );
}
