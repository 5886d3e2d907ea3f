using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;

/// <summary>
/// The behaviour every <see cref="ITrackingStore"/> adapter must show (MLflow's semantics, per
/// ../shared/reference/mlflow-rest.md). An adapter's test class derives from this and supplies
/// <see cref="CreateStore"/>. Tests use unique names and only the experiments they create, so
/// they also hold on a shared server that already has data.
/// </summary>
public abstract partial class TrackingStoreContractTests
{
    /// <summary>A fixed start time (2023-11-14T22:13:20Z) for runs and metrics.</summary>
    protected const long T0 = 1_700_000_000_000;

    private ITrackingStore? _store;

    /// <summary>The store under test; created once per test.</summary>
    protected ITrackingStore Store => _store ??= CreateStore();

    /// <summary>Creates the store under test.</summary>
    protected abstract ITrackingStore CreateStore();

    /// <summary>A name no other test uses.</summary>
    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Asserts that <paramref name="action"/> fails with <paramref name="code"/>.</summary>
    protected static async Task<TrackingException> AssertErrorAsync(
        TrackingErrorCode code,
        Func<Task> action
    )
    {
        var error = await Assert.ThrowsAsync<TrackingException>(action);
        Assert.Equal(code, error.ErrorCode);
        return error;
    }

    protected Task<string> NewExperimentAsync() => Store.CreateExperimentAsync(Unique("exp"));

    protected async Task<Run> NewRunAsync(string? experimentId = null, string? runName = null) =>
        await Store.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experimentId ?? await NewExperimentAsync(),
                RunName = runName,
                StartTimeMs = T0,
            }
        );

    protected TrackingService NewService() =>
        new(Store, new ManualTimeProvider(), new TrackingServiceOptions { UserName = "tester" });

    [Fact]
    public async Task CreateExperiment_NewName_GetReturnsItWithTags()
    {
        var name = Unique("create");

        var id = await Store.CreateExperimentAsync(
            name,
            tags: new Dictionary<string, string> { ["team"] = "ml", ["purpose"] = "contract" }
        );
        var experiment = await Store.GetExperimentAsync(id);

        Assert.Equal(id, experiment.ExperimentId);
        Assert.Equal(name, experiment.Name);
        Assert.Equal(LifecycleStage.Active, experiment.LifecycleStage);
        Assert.False(string.IsNullOrEmpty(experiment.ArtifactLocation));
        Assert.Equal("ml", experiment.Tags["team"]);
        Assert.Equal("contract", experiment.Tags["purpose"]);
    }

    [Fact]
    public async Task CreateExperiment_DuplicateName_ResourceAlreadyExists()
    {
        var name = Unique("dup");
        await Store.CreateExperimentAsync(name);

        await AssertErrorAsync(
            TrackingErrorCode.ResourceAlreadyExists,
            () => Store.CreateExperimentAsync(name)
        );
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task CreateExperiment_BlankName_InvalidParameterValue(string name) =>
        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () => Store.CreateExperimentAsync(name)
        );

    [Fact]
    public async Task CreateExperiment_NameLongerThan500_InvalidParameterValue() =>
        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () => Store.CreateExperimentAsync(new string('e', 501))
        );

    [Fact]
    public async Task GetExperiment_UnknownId_ResourceDoesNotExist() =>
        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Store.GetExperimentAsync("987654321")
        );

    [Fact]
    public async Task GetExperimentByName_Existing_ReturnsIt()
    {
        var name = Unique("byname");
        var id = await Store.CreateExperimentAsync(name);

        var experiment = await Store.GetExperimentByNameAsync(name);

        Assert.NotNull(experiment);
        Assert.Equal(id, experiment.ExperimentId);
    }

    [Fact]
    public async Task GetExperimentByName_Unknown_ReturnsNull() =>
        Assert.Null(await Store.GetExperimentByNameAsync(Unique("missing")));

    [Fact]
    public async Task SearchExperiments_NameLikeAndTag_FindsOnlyMatching()
    {
        var prefix = Unique("search");
        var a = await Store.CreateExperimentAsync(
            prefix + "-a",
            tags: new Dictionary<string, string> { ["kind"] = "x" }
        );
        var b = await Store.CreateExperimentAsync(
            prefix + "-b",
            tags: new Dictionary<string, string> { ["kind"] = "y" }
        );
        await Store.CreateExperimentAsync(Unique("other"));

        var byName = await Store.SearchExperimentsAsync(
            new ExperimentSearchQuery { Filter = $"name LIKE '{prefix}%'", OrderBy = ["name ASC"] }
        );
        var byTag = await Store.SearchExperimentsAsync(
            new ExperimentSearchQuery { Filter = $"name LIKE '{prefix}%' AND tags.kind = 'y'" }
        );

        Assert.Equal([a, b], byName.Items.Select(e => e.ExperimentId));
        Assert.Equal([b], byTag.Items.Select(e => e.ExperimentId));
    }

    [Fact]
    public async Task SearchExperiments_PagesOfTwo_ReturnEachOnce()
    {
        var prefix = Unique("paged");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Store.CreateExperimentAsync($"{prefix}-{i}"));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.SearchExperimentsAsync(
                new ExperimentSearchQuery
                {
                    Filter = $"name LIKE '{prefix}%'",
                    OrderBy = ["name ASC"],
                    MaxResults = 2,
                    PageToken = token,
                }
            );
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(e => e.ExperimentId));
            token = page.NextPageToken;
            pages++;
        } while (token is not null && pages < 10);

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task GetOrCreateExperiment_CalledTwice_ReturnsSameId()
    {
        var service = NewService();
        var name = Unique("getorcreate");

        var first = await service.GetOrCreateExperimentAsync(name);
        var second = await service.GetOrCreateExperimentAsync(name);

        Assert.Equal(first, second);
    }
}
