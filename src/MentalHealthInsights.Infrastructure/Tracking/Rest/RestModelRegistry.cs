using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using static MentalHealthInsights.Infrastructure.Tracking.Rest.MlflowWireMapping;

namespace MentalHealthInsights.Infrastructure.Tracking.Rest;

/// <summary>
/// <see cref="IModelRegistry"/> over an MLflow server's model registry REST API. Aliases use
/// <c>registered-models/alias</c>; the alias history, which MLflow does not keep, is written by
/// this adapter as registered-model tags (see <see cref="AliasHistoryTags"/>) right after each
/// successful change. A missing alias (400 <c>INVALID_PARAMETER_VALUE</c> on a server) is
/// reported as <see cref="TrackingErrorCode.ResourceDoesNotExist"/>, as by the local store.
/// </summary>
public sealed partial class RestModelRegistry : IModelRegistry
{
    private readonly MlflowRestClient _client;

    /// <summary>Creates the registry on a shared client (not disposed by the registry).</summary>
    public RestModelRegistry(MlflowRestClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public async Task<RegisteredModel> CreateRegisteredModelAsync(
        string name,
        string? description = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateTags(tags);
        var answer = await _client.SendJsonAsync(
            HttpMethod.Post,
            "registered-models/create",
            new WireMessage
            {
                Name = name,
                Description = description,
                Tags = ToWire(tags),
            },
            cancellationToken
        );
        return ToRegisteredModel(answer.RegisteredModel);
    }

    /// <inheritdoc />
    public async Task<RegisteredModel> GetRegisteredModelAsync(
        string name,
        CancellationToken cancellationToken = default
    ) => ToRegisteredModel((await GetWireModelAsync(name, cancellationToken)).RegisteredModel);

    /// <inheritdoc />
    public async Task<ResultPage<RegisteredModel>> SearchRegisteredModelsAsync(
        RegisteredModelSearchQuery query,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        RestTrackingStore.CheckPageSize(
            query.MaxResults,
            RegisteredModelSearchQuery.MaxAllowedResults
        );
        var answer = await _client.GetAsync(
            "registered-models/search",
            SearchFields(query.Filter, query.MaxResults, query.OrderBy, query.PageToken),
            cancellationToken
        );
        return new ResultPage<RegisteredModel>(
            (answer.RegisteredModels ?? []).Select(ToRegisteredModel).ToList(),
            RestTrackingStore.NullIfEmpty(answer.NextPageToken)
        );
    }

    /// <inheritdoc />
    public async Task<ModelVersion> CreateModelVersionAsync(
        NewModelVersion version,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(version);
        RegistryValidation.ValidateModelName(version.Name);
        RegistryValidation.ValidateTags(version.Tags);
        ArgumentException.ThrowIfNullOrWhiteSpace(version.Source);
        var answer = await _client.SendJsonAsync(
            HttpMethod.Post,
            "model-versions/create",
            new WireMessage
            {
                Name = version.Name,
                Source = version.Source,
                RunId = version.RunId,
                RunLink = version.RunLink,
                Description = version.Description,
                Tags = ToWire(version.Tags),
            },
            cancellationToken
        );
        return ToModelVersion(answer.ModelVersion);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> GetModelVersionAsync(
        string name,
        int version,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateVersion(version);
        var answer = await _client.GetAsync(
            "model-versions/get",
            [new("name", name), new("version", FormatVersion(version))],
            cancellationToken
        );
        return ToModelVersion(answer.ModelVersion);
    }

    /// <inheritdoc />
    public async Task<ResultPage<ModelVersion>> SearchModelVersionsAsync(
        ModelVersionSearchQuery query,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        RestTrackingStore.CheckPageSize(
            query.MaxResults,
            ModelVersionSearchQuery.MaxAllowedResults
        );
        var answer = await _client.GetAsync(
            "model-versions/search",
            SearchFields(query.Filter, query.MaxResults, query.OrderBy, query.PageToken),
            cancellationToken
        );
        return new ResultPage<ModelVersion>(
            (answer.ModelVersions ?? []).Select(ToModelVersion).ToList(),
            RestTrackingStore.NullIfEmpty(answer.NextPageToken)
        );
    }

    /// <inheritdoc />
    public async Task<ModelVersion> UpdateModelVersionAsync(
        string name,
        int version,
        string description,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateVersion(version);
        ArgumentNullException.ThrowIfNull(description);
        var answer = await _client.SendJsonAsync(
            HttpMethod.Patch,
            "model-versions/update",
            new WireMessage
            {
                Name = name,
                Version = FormatVersion(version),
                Description = description,
            },
            cancellationToken
        );
        return ToModelVersion(answer.ModelVersion);
    }

    /// <inheritdoc />
    public Task SetModelVersionTagAsync(
        string name,
        int version,
        string key,
        string value,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateVersion(version);
        RegistryValidation.ValidateTag(key, value);
        return _client.SendJsonAsync(
            HttpMethod.Post,
            "model-versions/set-tag",
            new WireMessage
            {
                Name = name,
                Version = FormatVersion(version),
                Key = key,
                Value = value,
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task DeleteModelVersionTagAsync(
        string name,
        int version,
        string key,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateVersion(version);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _client.SendJsonAsync(
            HttpMethod.Delete,
            "model-versions/delete-tag",
            new WireMessage
            {
                Name = name,
                Version = FormatVersion(version),
                Key = key,
            },
            cancellationToken
        );
    }

    private Task<WireMessage> GetWireModelAsync(string name, CancellationToken cancellationToken)
    {
        RegistryValidation.ValidateModelName(name);
        return _client.GetAsync("registered-models/get", [new("name", name)], cancellationToken);
    }

    private static List<KeyValuePair<string, string?>> SearchFields(
        string? filter,
        int maxResults,
        IReadOnlyList<string> orderBy,
        string? pageToken
    )
    {
        var fields = new List<KeyValuePair<string, string?>>
        {
            new("filter", RestTrackingStore.NullIfEmpty(filter)),
            new(
                "max_results",
                maxResults.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ),
            new("page_token", RestTrackingStore.NullIfEmpty(pageToken)),
        };
        fields.AddRange(orderBy.Select(o => new KeyValuePair<string, string?>("order_by", o)));
        return fields;
    }
}
