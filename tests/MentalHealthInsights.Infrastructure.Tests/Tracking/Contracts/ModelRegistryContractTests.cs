using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;

/// <summary>
/// The behaviour every <see cref="IModelRegistry"/> adapter must show: registered models,
/// numbered versions, aliases (set, move, delete, missing) and the alias history. Tests use unique
/// model names, so they also hold on a shared server.
/// </summary>
public abstract partial class ModelRegistryContractTests
{
    private IModelRegistry? _registry;

    /// <summary>The registry under test; created once per test.</summary>
    protected IModelRegistry Registry => _registry ??= CreateRegistry();

    /// <summary>Creates the registry under test.</summary>
    protected abstract IModelRegistry CreateRegistry();

    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    protected static async Task<TrackingException> AssertErrorAsync(
        TrackingErrorCode code,
        Func<Task> action
    )
    {
        var error = await Assert.ThrowsAsync<TrackingException>(action);
        Assert.Equal(code, error.ErrorCode);
        return error;
    }

    /// <summary>A new model with <paramref name="versions"/> versions (sources <c>file:///models/v&lt;n&gt;</c>).</summary>
    protected async Task<string> NewModelAsync(int versions = 0)
    {
        var name = Unique("model");
        await Registry.CreateRegisteredModelAsync(name);
        for (var i = 1; i <= versions; i++)
        {
            await Registry.CreateModelVersionAsync(
                new NewModelVersion { Name = name, Source = $"file:///models/v{i}" }
            );
        }
        return name;
    }

    [Fact]
    public async Task CreateRegisteredModel_New_GetReturnsItWithoutVersions()
    {
        var name = Unique("create");

        var created = await Registry.CreateRegisteredModelAsync(
            name,
            "predicts the condition",
            new Dictionary<string, string> { ["owner"] = "ml" }
        );
        var read = await Registry.GetRegisteredModelAsync(name);

        Assert.Equal(name, created.Name);
        Assert.Equal(name, read.Name);
        Assert.Equal("predicts the condition", read.Description);
        Assert.Equal("ml", read.Tags["owner"]);
        Assert.Null(read.LatestVersion);
        Assert.Empty(read.Aliases);
    }

    [Fact]
    public async Task CreateRegisteredModel_Duplicate_ResourceAlreadyExists()
    {
        var name = await NewModelAsync();

        await AssertErrorAsync(
            TrackingErrorCode.ResourceAlreadyExists,
            () => Registry.CreateRegisteredModelAsync(name)
        );
    }

    [Fact]
    public async Task CreateRegisteredModel_EmptyName_InvalidParameterValue() =>
        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () => Registry.CreateRegisteredModelAsync("")
        );

    [Fact]
    public async Task GetRegisteredModel_Missing_ResourceDoesNotExist() =>
        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Registry.GetRegisteredModelAsync(Unique("missing"))
        );

    [Fact]
    public async Task CreateModelVersion_ThreeTimes_NumbersOneTwoThreeReady()
    {
        var name = await NewModelAsync();
        var runId = RunIds.NewRunId();

        var versions = new List<ModelVersion>();
        for (var i = 0; i < 3; i++)
        {
            versions.Add(
                await Registry.CreateModelVersionAsync(
                    new NewModelVersion
                    {
                        Name = name,
                        Source = $"file:///artifacts/{runId}/artifacts/model",
                        RunId = runId,
                        Description = "trained",
                        Tags = new Dictionary<string, string> { ["promotable"] = "true" },
                    }
                )
            );
        }

        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal(ModelVersionStatus.Ready, v.Status));
        Assert.All(versions, v => Assert.Equal(runId, v.RunId));
        Assert.All(versions, v => Assert.Equal("true", v.Tags["promotable"]));
        Assert.Equal($"file:///artifacts/{runId}/artifacts/model", versions[0].Source);
        Assert.Equal(3, (await Registry.GetRegisteredModelAsync(name)).LatestVersion);
    }

    [Fact]
    public async Task CreateModelVersion_MissingModel_ResourceDoesNotExist() =>
        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () =>
                Registry.CreateModelVersionAsync(
                    new NewModelVersion { Name = Unique("missing"), Source = "file:///m" }
                )
        );

    [Fact]
    public async Task GetModelVersion_Missing_ResourceDoesNotExist()
    {
        var name = await NewModelAsync(versions: 1);

        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Registry.GetModelVersionAsync(name, 99)
        );
    }

    [Fact]
    public async Task GetModelVersion_Existing_ReturnsIt()
    {
        var name = await NewModelAsync(versions: 2);

        var version = await Registry.GetModelVersionAsync(name, 2);

        Assert.Equal(name, version.Name);
        Assert.Equal(2, version.Version);
        Assert.Equal("file:///models/v2", version.Source);
    }

    [Fact]
    public async Task UpdateModelVersion_Description_IsReplaced()
    {
        var name = await NewModelAsync(versions: 1);

        var updated = await Registry.UpdateModelVersionAsync(
            name,
            1,
            "not promoted: worse than champion"
        );

        Assert.Equal("not promoted: worse than champion", updated.Description);
        Assert.Equal(
            "not promoted: worse than champion",
            (await Registry.GetModelVersionAsync(name, 1)).Description
        );
    }

    [Fact]
    public async Task SetModelVersionTag_ThenDelete_TagComesAndGoes()
    {
        var name = await NewModelAsync(versions: 1);

        await Registry.SetModelVersionTagAsync(name, 1, "reason", "beats baseline");
        var tagged = await Registry.GetModelVersionAsync(name, 1);
        await Registry.DeleteModelVersionTagAsync(name, 1, "reason");
        var untagged = await Registry.GetModelVersionAsync(name, 1);

        Assert.Equal("beats baseline", tagged.Tags["reason"]);
        Assert.False(untagged.Tags.ContainsKey("reason"));
    }

    [Fact]
    public async Task SetModelVersionTag_MissingVersion_ResourceDoesNotExist()
    {
        var name = await NewModelAsync(versions: 1);

        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Registry.SetModelVersionTagAsync(name, 7, "k", "v")
        );
    }

    [Fact]
    public async Task SearchModelVersions_ByName_AllVersionsNewestFirst()
    {
        var name = await NewModelAsync(versions: 3);
        await NewModelAsync(versions: 1);

        var page = await Registry.SearchModelVersionsAsync(
            new ModelVersionSearchQuery { Filter = $"name = '{name}'" }
        );

        Assert.Equal([3, 2, 1], page.Items.Select(v => v.Version));
        Assert.All(page.Items, v => Assert.Equal(name, v.Name));
    }

    [Fact]
    public async Task SearchModelVersions_ByRunId_FindsThatRunsVersions()
    {
        var name = await NewModelAsync(versions: 1);
        var runId = RunIds.NewRunId();
        await Registry.CreateModelVersionAsync(
            new NewModelVersion
            {
                Name = name,
                Source = "file:///m",
                RunId = runId,
            }
        );

        var page = await Registry.SearchModelVersionsAsync(
            new ModelVersionSearchQuery { Filter = $"run_id = '{runId}'" }
        );

        var version = Assert.Single(page.Items);
        Assert.Equal(2, version.Version);
    }

    [Fact]
    public async Task SearchRegisteredModels_NameLike_FindsOnlyMatching()
    {
        var prefix = Unique("family");
        await Registry.CreateRegisteredModelAsync(prefix + "-b");
        await Registry.CreateRegisteredModelAsync(prefix + "-a");
        await NewModelAsync();

        var page = await Registry.SearchRegisteredModelsAsync(
            new RegisteredModelSearchQuery { Filter = $"name LIKE '{prefix}%'" }
        );

        Assert.Equal([prefix + "-a", prefix + "-b"], page.Items.Select(m => m.Name));
    }
}
