using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using static MentalHealthInsights.Infrastructure.Tracking.Rest.MlflowWireMapping;

namespace MentalHealthInsights.Infrastructure.Tracking.Rest;

public sealed partial class RestModelRegistry
{
    /// <inheritdoc />
    /// <remarks>
    /// The server moves the alias atomically. The history tag is written after the move, as a
    /// second request: if that request fails the alias has moved and the history misses the
    /// entry (the exception says so). Two writers moving aliases of one model at the same
    /// moment may pick the same sequence number; the later tag then replaces the earlier.
    /// </remarks>
    public async Task SetRegisteredModelAliasAsync(
        string name,
        string aliasName,
        int version,
        AliasChangeNote? note = null,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateAlias(aliasName);
        RegistryValidation.ValidateVersion(version);
        var model = (await GetWireModelAsync(name, cancellationToken)).RegisteredModel;
        var from = CurrentTarget(model, aliasName);
        await _client.SendJsonAsync(
            HttpMethod.Post,
            "registered-models/alias",
            new WireMessage
            {
                Name = name,
                Alias = aliasName,
                Version = FormatVersion(version),
            },
            cancellationToken
        );
        if (from != version)
        {
            await RecordAsync(model, name, aliasName, from, version, note, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task DeleteRegisteredModelAliasAsync(
        string name,
        string aliasName,
        AliasChangeNote? note = null,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateAlias(aliasName);
        var model = (await GetWireModelAsync(name, cancellationToken)).RegisteredModel;
        var from = CurrentTarget(model, aliasName);
        if (from is null)
        {
            return;
        }
        // MLflow reads DELETE fields from a JSON body only; a query string is ignored.
        await _client.SendJsonAsync(
            HttpMethod.Delete,
            "registered-models/alias",
            new WireMessage { Name = name, Alias = aliasName },
            cancellationToken
        );
        await RecordAsync(model, name, aliasName, from, null, note, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> GetModelVersionByAliasAsync(
        string name,
        string aliasName,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateModelName(name);
        ArgumentException.ThrowIfNullOrEmpty(aliasName);
        try
        {
            var answer = await _client.GetAsync(
                "registered-models/alias",
                [new("name", name), new("alias", aliasName)],
                cancellationToken
            );
            return ToModelVersion(answer.ModelVersion);
        }
        catch (TrackingException error)
            when (error.ErrorCode == TrackingErrorCode.InvalidParameterValue
                && error.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)
            )
        {
            // MLflow answers 400 INVALID_PARAMETER_VALUE for a missing alias; the port says 404.
            throw new TrackingException(
                TrackingErrorCode.ResourceDoesNotExist,
                $"Registered model alias {aliasName} not found for model '{name}'.",
                error
            );
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AliasChange>> GetAliasHistoryAsync(
        string name,
        string? aliasName = null,
        CancellationToken cancellationToken = default
    )
    {
        var model = (await GetWireModelAsync(name, cancellationToken)).RegisteredModel;
        var history = AliasHistoryTags.Read(name, model?.Tags);
        return aliasName is null
            ? history
            : history
                .Where(h => string.Equals(h.Alias, aliasName, StringComparison.Ordinal))
                .ToList();
    }

    private static int? CurrentTarget(WireRegisteredModel? model, string aliasName)
    {
        var alias = model?.Aliases?.FirstOrDefault(a =>
            string.Equals(a.Alias, aliasName, StringComparison.Ordinal)
        );
        return alias is null ? null : ParseVersion(alias.Version);
    }

    private async Task RecordAsync(
        WireRegisteredModel? model,
        string name,
        string aliasName,
        int? from,
        int? to,
        AliasChangeNote? note,
        CancellationToken cancellationToken
    )
    {
        var sequence =
            AliasHistoryTags.Read(name, model?.Tags).Select(h => h.Sequence).DefaultIfEmpty(0).Max()
            + 1;
        var changedBy =
            note?.ChangedBy is { Length: > 0 } by ? by
            : _client.Options.UserName is { Length: > 0 } user ? user
            : "unknown";
        var value = AliasHistoryTags.Value(
            new WireAliasChange
            {
                Alias = aliasName,
                FromVersion = from,
                ToVersion = to,
                ChangedBy = changedBy,
                ChangedAt = _client.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
                Reason = note?.Reason,
            }
        );
        try
        {
            await _client.SendJsonAsync(
                HttpMethod.Post,
                "registered-models/set-tag",
                new WireMessage
                {
                    Name = name,
                    Key = AliasHistoryTags.Key(sequence),
                    Value = value,
                },
                cancellationToken
            );
        }
        catch (TrackingException error)
        {
            throw new TrackingException(
                error.ErrorCode,
                $"Alias '{aliasName}' of '{name}' was changed, but its history entry could not be written: {error.Message}",
                error
            );
        }
    }
}
