using System.Globalization;
using MentalHealthInsights.Core.Registry;

namespace MentalHealthInsights.Core.Tracking.Push;

public sealed partial class TrackingPush
{
    private async Task PushRegistryAsync(CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await _source.Registry.SearchRegisteredModelsAsync(
                new RegisteredModelSearchQuery
                {
                    PageToken = token,
                    MaxResults = RegisteredModelSearchQuery.MaxAllowedResults,
                },
                cancellationToken
            );
            foreach (var model in page.Items)
            {
                try
                {
                    await PushModelAsync(model, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _tally.Failures.Add(
                        new PushFailure("model", model.Name, model.Name, ex.Message)
                    );
                }
            }
            token = page.NextPageToken;
        } while (token is not null);
    }

    private async Task PushModelAsync(RegisteredModel model, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(_source.Registry, model.Name, cancellationToken);
        // Versions whose run is on the target (or that have no run); the others are left out.
        var eligible = versions
            .Where(v => v.RunId is null || _pushed.ContainsKey(v.RunId))
            .OrderBy(v => v.Version)
            .ToList();
        _tally.VersionsLeftOut += versions.Count - eligible.Count;
        if (eligible.Count == 0)
        {
            return;
        }

        RegisteredModel? existing = await TryGetTargetModelAsync(model.Name, cancellationToken);
        var present = new Dictionary<int, int>();
        if (existing is null)
        {
            _tally.ModelsCreated++;
            if (!_options.DryRun)
            {
                existing = await _target.Registry.CreateRegisteredModelAsync(
                    model.Name,
                    string.IsNullOrEmpty(model.Description) ? null : model.Description,
                    model.Tags.Count == 0 ? null : model.Tags,
                    cancellationToken
                );
            }
        }
        else
        {
            foreach (
                var version in await VersionsAsync(_target.Registry, model.Name, cancellationToken)
            )
            {
                if (
                    version.Tags.TryGetValue(PushTagKeys.SourceVersion, out var text)
                    && int.TryParse(
                        text,
                        NumberStyles.None,
                        CultureInfo.InvariantCulture,
                        out var source
                    )
                )
                {
                    present.TryAdd(source, version.Version);
                }
            }
        }

        foreach (var version in eligible)
        {
            if (present.ContainsKey(version.Version))
            {
                _tally.VersionsSkipped++;
                continue;
            }
            try
            {
                if (!_options.DryRun)
                {
                    var created = await _target.Registry.CreateModelVersionAsync(
                        TargetVersion(version),
                        cancellationToken
                    );
                    present[version.Version] = created.Version;
                }
                _tally.VersionsCopied++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var id = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{model.Name}/{version.Version}"
                );
                _tally.Failures.Add(new PushFailure("version", id, model.Name, ex.Message));
            }
        }

        foreach (
            var (alias, sourceVersion) in model.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal)
        )
        {
            if (_options.DryRun)
            {
                if (existing is null || !existing.Aliases.ContainsKey(alias))
                {
                    _tally.AliasesSet++;
                }
                continue;
            }
            if (
                !present.TryGetValue(sourceVersion, out var targetVersion)
                || existing!.Aliases.GetValueOrDefault(alias) == targetVersion
            )
            {
                continue;
            }
            var note = new AliasChangeNote(
                Reason: string.Create(
                    CultureInfo.InvariantCulture,
                    $"pushed from {_source.Uri} (source version {sourceVersion})"
                )
            );
            try
            {
                await _target.Registry.SetRegisteredModelAliasAsync(
                    model.Name,
                    alias,
                    targetVersion,
                    note,
                    cancellationToken
                );
                _tally.AliasesSet++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _tally.Failures.Add(
                    new PushFailure("alias", $"{model.Name}@{alias}", model.Name, ex.Message)
                );
            }
        }
    }

    private NewModelVersion TargetVersion(ModelVersion version)
    {
        var tags = new Dictionary<string, string>(version.Tags, StringComparer.Ordinal)
        {
            [PushTagKeys.SourceVersion] = version.Version.ToString(CultureInfo.InvariantCulture),
        };
        var source = version.Source;
        string? runId = null;
        if (version.RunId is { } sourceRun && _pushed.TryGetValue(sourceRun, out var target))
        {
            runId = target.RunId;
            if (
                _sourceArtifactUris.TryGetValue(sourceRun, out var sourceRoot)
                && (
                    source == sourceRoot
                    || source.StartsWith(sourceRoot.TrimEnd('/') + "/", StringComparison.Ordinal)
                )
            )
            {
                var relative = source[sourceRoot.Length..].Trim('/');
                source =
                    relative.Length == 0
                        ? target.ArtifactUri
                        : target.ArtifactUri.TrimEnd('/') + "/" + relative;
            }
        }
        return new NewModelVersion
        {
            Name = version.Name,
            Source = source,
            RunId = runId,
            Description = string.IsNullOrEmpty(version.Description) ? null : version.Description,
            Tags = tags,
        };
    }

    private async Task<RegisteredModel?> TryGetTargetModelAsync(
        string name,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await _target.Registry.GetRegisteredModelAsync(name, cancellationToken);
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }

    private static async Task<List<ModelVersion>> VersionsAsync(
        IModelRegistry registry,
        string name,
        CancellationToken cancellationToken
    )
    {
        var versions = new List<ModelVersion>();
        string? token = null;
        do
        {
            var page = await registry.SearchModelVersionsAsync(
                new ModelVersionSearchQuery
                {
                    Filter = $"name = '{name.Replace("'", "\\'", StringComparison.Ordinal)}'",
                    PageToken = token,
                },
                cancellationToken
            );
            versions.AddRange(page.Items);
            token = page.NextPageToken;
        } while (token is not null);
        return versions;
    }
}
