using System.Globalization;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// GET /v1/registry: the served model's champion and challenger with their test metrics and
/// ranked key indicators (from the training run's training.json), and the alias history — what
/// the model page shows. Empty (with a note) when serving a bundle path.
/// </summary>
internal static class RegistryApi
{
    public static RouteGroupBuilder MapRegistryApi(this RouteGroupBuilder v1)
    {
        v1.MapGetAndHead("/registry", GetAsync)
            .WithName("GetRegistry")
            .WithSummary("Champion, challenger and alias history of the served registered model.");
        v1.MapGetAndHead("/registry/versions/{version:int}/plots/{file}", GetPlotAsync)
            .WithName("GetTrainingPlot")
            .WithSummary(
                "A training plot (SVG) of a version of the served registered model, as listed in its `plots`; 404 for any other."
            )
            .Produces<string>(StatusCodes.Status200OK, SvgContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return v1;
    }

    private const string SvgContentType = "image/svg+xml";

    // The SVGs are the report's own charts; shown as images they run nothing, and opened on
    // their own they may not either (no scripts, no fetches, a sandboxed document).
    private const string PlotSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPlotAsync(
        int version,
        string file,
        HttpContext context,
        ModelSlot slot,
        ModelLoader loader,
        CancellationToken cancellationToken
    )
    {
        if (slot.Current is not { Version: { } served } || loader.Backend is not { } backend)
        {
            return PlotNotFound("The server is not serving a registered model.");
        }
        if (!file.EndsWith(".svg", StringComparison.Ordinal))
        {
            return PlotNotFound(
                "Training plots are served as SVG (NAME.svg, as listed in /v1/registry)."
            );
        }
        try
        {
            ModelVersion registered;
            try
            {
                registered = await backend.Registry.GetModelVersionAsync(
                    served.Name,
                    version,
                    cancellationToken
                );
            }
            catch (TrackingException ex)
                when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
            {
                return PlotNotFound(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Version {version} of {served.Name} does not exist."
                    )
                );
            }
            byte[]? svg = null;
            if (registered.RunId is { } runId)
            {
                var run = await backend.Tracking.GetRunAsync(runId, cancellationToken);
                run.Data.Tags.TryGetValue("mhi.model_type", out var modelType);
                svg = await TrainingPlotReader.ReadSvgAsync(
                    backend,
                    run,
                    modelType,
                    file[..^".svg".Length],
                    cancellationToken
                );
            }
            if (svg is null)
            {
                return PlotNotFound(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Version {version} has no training plot of that name; /v1/registry lists its plots."
                    )
                );
            }
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = PlotSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            // A finished training run's artifacts never change.
            headers.CacheControl = "private, max-age=3600";
            return TypedResults.File(svg, SvgContentType);
        }
        catch (Exception ex) when (ModelLoader.IsLoadFailure(ex))
        {
            return TypedResults.Problem(
                detail: "The registry or the artifact store could not be read: " + ex.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Training plot not available."
            );
        }
    }

    private static ProblemHttpResult PlotNotFound(string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status404NotFound,
            title: "Training plot not found."
        );

    private static async Task<Ok<RegistryResponse>> GetAsync(
        ModelSlot slot,
        ModelLoader loader,
        CancellationToken cancellationToken
    )
    {
        if (slot.Current is not { Version: { } served } || loader.Backend is not { } backend)
        {
            return TypedResults.Ok(
                new RegistryResponse(
                    null,
                    null,
                    null,
                    [],
                    "The server is not serving a registered model."
                )
            );
        }
        try
        {
            var champion = await FindAsync(backend, served.Name, "champion", cancellationToken);
            var challenger = await FindAsync(backend, served.Name, "challenger", cancellationToken);
            var history = new List<AliasChangeItem>();
            foreach (var alias in (string[])["champion", "challenger"])
            {
                foreach (
                    var change in await backend.Registry.GetAliasHistoryAsync(
                        served.Name,
                        alias,
                        cancellationToken
                    )
                )
                {
                    history.Add(
                        new AliasChangeItem(
                            change.Alias,
                            change.FromVersion,
                            change.ToVersion,
                            change.ChangedBy,
                            DateTimeOffset.FromUnixTimeMilliseconds(change.ChangedAtMs),
                            change.Reason
                        )
                    );
                }
            }
            history.Sort((a, b) => b.ChangedAtUtc.CompareTo(a.ChangedAtUtc));
            return TypedResults.Ok(
                new RegistryResponse(served.Name, champion, challenger, history, null)
            );
        }
        catch (Exception ex) when (ModelLoader.IsLoadFailure(ex))
        {
            return TypedResults.Ok(
                new RegistryResponse(
                    served.Name,
                    null,
                    null,
                    [],
                    "The registry could not be read: " + ex.Message
                )
            );
        }
    }

    private static async Task<RegistryVersion?> FindAsync(
        TrackingBackend backend,
        string name,
        string alias,
        CancellationToken cancellationToken
    )
    {
        ModelVersion version;
        try
        {
            version = await backend.Registry.GetModelVersionByAliasAsync(
                name,
                alias,
                cancellationToken
            );
        }
        catch (TrackingException)
        {
            return null;
        }
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        string? modelType = null;
        IReadOnlyList<KeyIndicatorItem> indicators = [];
        IReadOnlyList<TrainingPlotItem> plots = [];
        if (version.RunId is { } runId)
        {
            var run = await backend.Tracking.GetRunAsync(runId, cancellationToken);
            foreach (var (key, metric) in run.Data.Metrics)
            {
                if (
                    key.StartsWith("test_", StringComparison.Ordinal)
                    && double.IsFinite(metric.Value)
                )
                {
                    metrics[key["test_".Length..]] = metric.Value;
                }
            }
            run.Data.Tags.TryGetValue("mhi.model_type", out modelType);
            indicators = await KeyIndicatorReader.ReadAsync(
                backend,
                run,
                modelType,
                cancellationToken
            );
            plots = await ListPlotsAsync(
                backend,
                run,
                modelType,
                version.Version,
                cancellationToken
            );
        }
        version.Tags.TryGetValue("mhi.promotion", out var promotion);
        return new RegistryVersion
        {
            Version = version.Version,
            Aliases = version.Aliases,
            RunId = version.RunId,
            ModelType = modelType,
            Promotion = promotion,
            CreatedAtUtc = DateTimeOffset.FromUnixTimeMilliseconds(version.CreationTimestampMs),
            TestMetrics = metrics,
            KeyIndicators = indicators,
            Plots = plots,
        };
    }

    // Like the key indicators: a store that cannot be listed leaves the rest of the page whole.
    private static async Task<IReadOnlyList<TrainingPlotItem>> ListPlotsAsync(
        TrackingBackend backend,
        Run run,
        string? modelType,
        int version,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await TrainingPlotReader.ListAsync(
                backend,
                run,
                modelType,
                version,
                cancellationToken
            );
        }
        catch (Exception ex) when (ModelLoader.IsLoadFailure(ex))
        {
            return [];
        }
    }
}
