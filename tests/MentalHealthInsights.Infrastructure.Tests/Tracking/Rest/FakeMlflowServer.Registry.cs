using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

internal sealed partial class FakeMlflowServer
{
    private async Task<JsonNode?> DispatchRegistryAsync(string method, string endpoint, Fields f)
    {
        switch (method, endpoint)
        {
            case ("POST", "registered-models/create"):
                var created = await _registry.CreateRegisteredModelAsync(
                    f.Required("name"),
                    f.Get("description"),
                    f.Pairs("tags")
                );
                return new JsonObject { ["registered_model"] = await ModelJsonAsync(created) };
            case ("GET", "registered-models/get"):
                var model = await _registry.GetRegisteredModelAsync(f.Required("name"));
                return new JsonObject { ["registered_model"] = await ModelJsonAsync(model) };
            case ("GET", "registered-models/search"):
                var models = await _registry.SearchRegisteredModelsAsync(
                    new RegisteredModelSearchQuery
                    {
                        Filter = f.Get("filter"),
                        OrderBy = f.List("order_by"),
                        MaxResults = (int)(
                            f.Long("max_results") ?? RegisteredModelSearchQuery.DefaultMaxResults
                        ),
                        PageToken = f.Get("page_token"),
                    }
                );
                var modelJson = new List<JsonNode>();
                foreach (var item in models.Items)
                {
                    modelJson.Add(await ModelJsonAsync(item));
                }
                return Page("registered_models", modelJson, models.NextPageToken);
            case ("POST", "registered-models/set-tag"):
                await SetModelTagAsync(f.Required("name"), f.Required("key"), f.Get("value") ?? "");
                return new JsonObject();
            case ("POST", "model-versions/create"):
                var version = await _registry.CreateModelVersionAsync(
                    new NewModelVersion
                    {
                        Name = f.Required("name"),
                        Source = f.Required("source"),
                        RunId = f.Get("run_id"),
                        RunLink = f.Get("run_link"),
                        Description = f.Get("description"),
                        Tags = f.Pairs("tags"),
                    }
                );
                return new JsonObject { ["model_version"] = Json(version) };
            case ("GET", "model-versions/get"):
                return new JsonObject
                {
                    ["model_version"] = Json(
                        await _registry.GetModelVersionAsync(f.Required("name"), Version(f))
                    ),
                };
            case ("GET", "model-versions/search"):
                var versions = await _registry.SearchModelVersionsAsync(
                    new ModelVersionSearchQuery
                    {
                        Filter = f.Get("filter"),
                        OrderBy = f.List("order_by"),
                        MaxResults = (int)(
                            f.Long("max_results") ?? ModelVersionSearchQuery.DefaultMaxResults
                        ),
                        PageToken = f.Get("page_token"),
                    }
                );
                return Page(
                    "model_versions",
                    versions.Items.Select(v => (JsonNode)Json(v)),
                    versions.NextPageToken
                );
            case ("PATCH", "model-versions/update"):
                var updated = await _registry.UpdateModelVersionAsync(
                    f.Required("name"),
                    Version(f),
                    f.Get("description") ?? ""
                );
                return new JsonObject { ["model_version"] = Json(updated) };
            case ("POST", "model-versions/set-tag"):
                await _registry.SetModelVersionTagAsync(
                    f.Required("name"),
                    Version(f),
                    f.Required("key"),
                    f.Get("value") ?? ""
                );
                return new JsonObject();
            case ("DELETE", "model-versions/delete-tag"):
                await _registry.DeleteModelVersionTagAsync(
                    f.Required("name"),
                    Version(f),
                    f.Required("key")
                );
                return new JsonObject();
            case ("POST", "registered-models/alias"):
                await _registry.SetRegisteredModelAliasAsync(
                    f.Required("name"),
                    f.Required("alias"),
                    Version(f)
                );
                return new JsonObject();
            case ("DELETE", "registered-models/alias"):
                await _registry.DeleteRegisteredModelAliasAsync(
                    f.Required("name"),
                    f.Required("alias")
                );
                return new JsonObject();
            case ("GET", "registered-models/alias"):
                var alias = f.Required("alias");
                try
                {
                    var target = await _registry.GetModelVersionByAliasAsync(
                        f.Required("name"),
                        alias
                    );
                    return new JsonObject { ["model_version"] = Json(target) };
                }
                catch (TrackingException error)
                    when (error.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
                {
                    // MLflow's quirk: a missing alias is 400 INVALID_PARAMETER_VALUE, not 404.
                    throw new TrackingException(
                        TrackingErrorCode.InvalidParameterValue,
                        $"Registered model alias {alias} not found."
                    );
                }
            default:
                return null;
        }
    }

    private static int Version(Fields f) =>
        int.TryParse(
            f.Required("version"),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var version
        )
            ? version
            : throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                "Version must be an integer."
            );

    // Registered-model tags: the SQLite port has no model-tag setter, so the fake keeps them here.
    private readonly Dictionary<string, SortedDictionary<string, string>> _modelTags = new(
        StringComparer.Ordinal
    );
    private readonly Lock _modelTagsLock = new();

    private async Task SetModelTagAsync(string name, string key, string value)
    {
        await _registry.GetRegisteredModelAsync(name); // 404 for a missing model.
        lock (_modelTagsLock)
        {
            if (!_modelTags.TryGetValue(name, out var tags))
            {
                _modelTags[name] = tags = new SortedDictionary<string, string>(
                    StringComparer.Ordinal
                );
            }
            tags[key] = value;
        }
    }

    private Task<JsonNode> ModelJsonAsync(RegisteredModel m)
    {
        var tags = new Dictionary<string, string>(m.Tags, StringComparer.Ordinal);
        lock (_modelTagsLock)
        {
            if (_modelTags.TryGetValue(m.Name, out var extra))
            {
                foreach (var (key, value) in extra)
                {
                    tags[key] = value;
                }
            }
        }
        var json = new JsonObject
        {
            ["name"] = m.Name,
            ["creation_timestamp"] = m.CreationTimestampMs,
            ["last_updated_timestamp"] = m.LastUpdatedTimestampMs,
        };
        Put(json, "description", m.Description.Length > 0 ? JsonValue.Create(m.Description) : null);
        if (m.LatestVersion is { } latest)
        {
            json["latest_versions"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = m.Name,
                    ["version"] = latest.ToString(CultureInfo.InvariantCulture),
                    ["current_stage"] = "None",
                    ["status"] = "READY",
                }
            );
        }
        Put(json, "tags", Tags(tags));
        if (m.Aliases.Count > 0)
        {
            json["aliases"] = new JsonArray([
                .. m.Aliases.Select(a =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["alias"] = a.Key,
                            ["version"] = a.Value.ToString(CultureInfo.InvariantCulture),
                        }
                ),
            ]);
        }
        return Task.FromResult<JsonNode>(json);
    }

    private static JsonObject Json(ModelVersion v)
    {
        var json = new JsonObject
        {
            ["name"] = v.Name,
            ["version"] = v.Version.ToString(CultureInfo.InvariantCulture),
            ["creation_timestamp"] = v.CreationTimestampMs,
            ["last_updated_timestamp"] = v.LastUpdatedTimestampMs,
            ["user_id"] = v.UserId,
            ["current_stage"] = "None",
            ["source"] = v.Source,
            ["status"] = "READY",
        };
        Put(json, "description", v.Description.Length > 0 ? JsonValue.Create(v.Description) : null);
        Put(json, "run_id", v.RunId is null ? null : JsonValue.Create(v.RunId));
        Put(json, "run_link", v.RunLink is null ? null : JsonValue.Create(v.RunLink));
        Put(json, "tags", Tags(v.Tags));
        if (v.Aliases.Count > 0)
        {
            json["aliases"] = new JsonArray([
                .. v.Aliases.Select(a => (JsonNode)JsonValue.Create(a)),
            ]);
        }
        return json;
    }
}
