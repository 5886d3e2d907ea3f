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
        return v1;
    }

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
        };
    }
}
