using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;

// Aliases and their audit history.
public abstract partial class ModelRegistryContractTests
{
    [Fact]
    public async Task SetAlias_ThenGetByAlias_ReturnsThatVersionListingTheAlias()
    {
        var name = await NewModelAsync(versions: 2);

        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);
        var version = await Registry.GetModelVersionByAliasAsync(name, "champion");
        var model = await Registry.GetRegisteredModelAsync(name);

        Assert.Equal(1, version.Version);
        Assert.Contains("champion", version.Aliases);
        Assert.Equal(1, model.Aliases["champion"]);
    }

    [Fact]
    public async Task SetAlias_ToAnotherVersion_MovesIt()
    {
        var name = await NewModelAsync(versions: 2);
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);

        await Registry.SetRegisteredModelAliasAsync(name, "champion", 2);

        Assert.Equal(2, (await Registry.GetModelVersionByAliasAsync(name, "champion")).Version);
        Assert.DoesNotContain("champion", (await Registry.GetModelVersionAsync(name, 1)).Aliases);
        Assert.Contains("champion", (await Registry.GetModelVersionAsync(name, 2)).Aliases);
    }

    [Fact]
    public async Task SetAlias_TwoAliasesOnOneVersion_BothListedSorted()
    {
        var name = await NewModelAsync(versions: 1);

        await Registry.SetRegisteredModelAliasAsync(name, "challenger", 1);
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);

        Assert.Equal(
            ["challenger", "champion"],
            (await Registry.GetModelVersionAsync(name, 1)).Aliases
        );
    }

    [Fact]
    public async Task DeleteAlias_ThenGetByAlias_ResourceDoesNotExist()
    {
        var name = await NewModelAsync(versions: 1);
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);

        await Registry.DeleteRegisteredModelAliasAsync(name, "champion");

        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Registry.GetModelVersionByAliasAsync(name, "champion")
        );
        Assert.Empty((await Registry.GetRegisteredModelAsync(name)).Aliases);
    }

    [Fact]
    public async Task GetByAlias_NeverSet_ResourceDoesNotExistNamingTheAlias()
    {
        var name = await NewModelAsync(versions: 1);

        var error = await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Registry.GetModelVersionByAliasAsync(name, "champion")
        );

        Assert.Contains("champion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAlias_MissingVersion_ResourceDoesNotExist()
    {
        var name = await NewModelAsync(versions: 1);

        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Registry.SetRegisteredModelAliasAsync(name, "champion", 42)
        );
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("V12")]
    [InlineData("latest")]
    [InlineData("7")]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    [InlineData("")]
    public async Task SetAlias_ReservedOrInvalidName_InvalidParameterValue(string alias)
    {
        var name = await NewModelAsync(versions: 1);

        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () => Registry.SetRegisteredModelAliasAsync(name, alias, 1)
        );
    }

    [Fact]
    public async Task AliasHistory_SetMoveDelete_RecordsWhoFromToWhyInOrder()
    {
        var name = await NewModelAsync(versions: 2);
        await Registry.SetRegisteredModelAliasAsync(name, "challenger", 1);
        await Registry.SetRegisteredModelAliasAsync(
            name,
            "champion",
            1,
            new AliasChangeNote("alice", "first model")
        );
        await Registry.SetRegisteredModelAliasAsync(
            name,
            "champion",
            2,
            new AliasChangeNote("bob", "beats champion by 0.02 ROC AUC")
        );
        await Registry.DeleteRegisteredModelAliasAsync(
            name,
            "champion",
            new AliasChangeNote("carol", "retired")
        );

        var history = await Registry.GetAliasHistoryAsync(name, "champion");
        var all = await Registry.GetAliasHistoryAsync(name);

        Assert.Equal(
            [
                (null, 1, "alice", "first model"),
                (1, 2, "bob", "beats champion by 0.02 ROC AUC"),
                (2, null, "carol", "retired"),
            ],
            history.Select(h => (h.FromVersion, h.ToVersion, h.ChangedBy, h.Reason))
        );
        Assert.All(history, h => Assert.Equal(name, h.ModelName));
        Assert.All(history, h => Assert.Equal("champion", h.Alias));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.True(
            history.Zip(history.Skip(1)).All(p => p.First.ChangedAtMs <= p.Second.ChangedAtMs)
        );
        Assert.Equal(4, all.Count);
        Assert.Equal("challenger", all[0].Alias);
    }

    [Fact]
    public async Task AliasHistory_SameVersionSetTwice_RecordsOneChange()
    {
        var name = await NewModelAsync(versions: 1);

        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);

        Assert.Single(await Registry.GetAliasHistoryAsync(name, "champion"));
    }

    [Fact]
    public async Task AliasHistory_FailedMove_RecordsNothing()
    {
        var name = await NewModelAsync(versions: 1);
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);

        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Registry.SetRegisteredModelAliasAsync(name, "champion", 9)
        );

        Assert.Single(await Registry.GetAliasHistoryAsync(name));
        Assert.Equal(1, (await Registry.GetModelVersionByAliasAsync(name, "champion")).Version);
    }
}
