using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;

// runs/search: filters, order, paging.
public abstract partial class TrackingStoreContractTests
{
    /// <summary>Four runs: (auc, model, team tag, status) = a (0.9, xgb, red, FINISHED), b (0.7, lr, blue, FINISHED), c (0.4, xgb, blue, RUNNING), d (no auc, Lr, red, FAILED).</summary>
    private async Task<(string ExperimentId, Dictionary<string, string> Ids)> SeedSearchAsync()
    {
        var experimentId = await NewExperimentAsync();
        var ids = new Dictionary<string, string>();
        var specs = new (string Name, double? Auc, string Model, string Team, RunStatus Status)[]
        {
            ("a", 0.9, "xgb", "red", RunStatus.Finished),
            ("b", 0.7, "lr", "blue", RunStatus.Finished),
            ("c", 0.4, "xgb", "blue", RunStatus.Running),
            ("d", null, "Lr", "red", RunStatus.Failed),
        };
        var offset = 0;
        foreach (var (name, auc, model, team, status) in specs)
        {
            var run = await Store.CreateRunAsync(
                new NewRun
                {
                    ExperimentId = experimentId,
                    RunName = name,
                    StartTimeMs = T0 + offset++,
                }
            );
            await Store.LogBatchAsync(
                run.Info.RunId,
                auc is null ? [] : [new Metric("auc", auc.Value, T0)],
                [new Param("model", model)],
                [new RunTag("team", team)]
            );
            await Store.UpdateRunAsync(run.Info.RunId, status, T0 + 100);
            ids[name] = run.Info.RunId;
        }
        return (experimentId, ids);
    }

    private async Task<List<string>> SearchNamesAsync(
        string experimentId,
        string? filter,
        params string[] orderBy
    )
    {
        var page = await Store.SearchRunsAsync(
            new RunSearchQuery
            {
                ExperimentIds = [experimentId],
                Filter = filter,
                OrderBy = orderBy,
            }
        );
        return [.. page.Items.Select(r => r.Info.RunName)];
    }

    [Theory]
    [InlineData("metrics.auc > 0.5", "a,b")]
    [InlineData("metrics.auc <= 0.7", "b,c")]
    [InlineData("metrics.auc != 0.9", "b,c")]
    [InlineData("params.model = 'xgb'", "a,c")]
    [InlineData("params.model != 'xgb'", "b,d")]
    [InlineData("tags.team = 'red'", "a,d")]
    [InlineData("attributes.status = 'FINISHED'", "a,b")]
    [InlineData("attributes.run_name = 'c'", "c")]
    [InlineData("params.model LIKE 'L%'", "d")]
    [InlineData("params.model ILIKE 'l%'", "b,d")]
    [InlineData("metrics.auc > 0.5 AND tags.team = 'blue' AND attributes.status = 'FINISHED'", "b")]
    [InlineData("params.model = 'xgb' and metrics.auc < 0.5", "c")]
    [InlineData("tags.team = 'green'", "")]
    public async Task SearchRuns_Filter_ReturnsMatchingRuns(string filter, string expected)
    {
        var (experimentId, _) = await SeedSearchAsync();

        var names = await SearchNamesAsync(experimentId, filter, "attributes.run_name ASC");

        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), names);
    }

    [Fact]
    public async Task SearchRuns_OrderByMetricDesc_HighestFirstMissingLast()
    {
        var (experimentId, _) = await SeedSearchAsync();

        var names = await SearchNamesAsync(experimentId, null, "metrics.auc DESC");

        Assert.Equal(["a", "b", "c", "d"], names);
    }

    [Fact]
    public async Task SearchRuns_OrderByMetricAsc_LowestFirstMissingLast()
    {
        var (experimentId, _) = await SeedSearchAsync();

        var names = await SearchNamesAsync(experimentId, null, "metrics.auc ASC");

        Assert.Equal(["c", "b", "a", "d"], names);
    }

    [Fact]
    public async Task SearchRuns_NoOrder_NewestStartFirst()
    {
        var (experimentId, _) = await SeedSearchAsync();

        var names = await SearchNamesAsync(experimentId, null);

        Assert.Equal(["d", "c", "b", "a"], names);
    }

    [Fact]
    public async Task SearchRuns_ByParentTag_FindsChildren()
    {
        var (experimentId, ids) = await SeedSearchAsync();
        var child = await Store.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experimentId,
                RunName = "child",
                StartTimeMs = T0,
                Tags = [new RunTag(MlflowTagKeys.ParentRunId, ids["a"])],
            }
        );

        var page = await Store.SearchRunsAsync(
            new RunSearchQuery
            {
                ExperimentIds = [experimentId],
                Filter = $"tags.mlflow.parentRunId = '{ids["a"]}'",
            }
        );

        Assert.Equal([child.Info.RunId], page.Items.Select(r => r.Info.RunId));
    }

    [Fact]
    public async Task SearchRuns_ResultsCarryData()
    {
        var (experimentId, _) = await SeedSearchAsync();

        var page = await Store.SearchRunsAsync(
            new RunSearchQuery
            {
                ExperimentIds = [experimentId],
                Filter = "attributes.run_name = 'a'",
            }
        );

        var run = Assert.Single(page.Items);
        Assert.Equal(0.9, run.Data.Metrics["auc"].Value);
        Assert.Equal("xgb", run.Data.Params["model"]);
        Assert.Equal("red", run.Data.Tags["team"]);
    }

    [Fact]
    public async Task SearchRuns_PagesOfThree_ReturnEachRunOnceInOrder()
    {
        var experimentId = await NewExperimentAsync();
        var expected = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var run = await Store.CreateRunAsync(
                new NewRun { ExperimentId = experimentId, StartTimeMs = T0 + i }
            );
            expected.Insert(0, run.Info.RunId);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.SearchRunsAsync(
                new RunSearchQuery
                {
                    ExperimentIds = [experimentId],
                    MaxResults = 3,
                    PageToken = token,
                }
            );
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(r => r.Info.RunId));
            token = page.NextPageToken;
            pages++;
        } while (token is not null && pages < 10);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task SearchRuns_SeveralExperiments_SearchesAll()
    {
        var first = await NewRunAsync();
        var second = await NewRunAsync();

        var page = await Store.SearchRunsAsync(
            new RunSearchQuery
            {
                ExperimentIds = [first.Info.ExperimentId, second.Info.ExperimentId],
            }
        );

        Assert.Equal(
            new[] { first.Info.RunId, second.Info.RunId }.Order(),
            page.Items.Select(r => r.Info.RunId).Order()
        );
    }

    [Theory]
    [InlineData("metrics.auc > 'high'")]
    [InlineData("params.model = xgb")]
    [InlineData("metrics.auc > 0.5 OR params.model = 'xgb'")]
    [InlineData("unknown.x = 'y'")]
    [InlineData("params.model")]
    [InlineData("params.model = 'unterminated")]
    public async Task SearchRuns_InvalidFilter_InvalidParameterValue(string filter)
    {
        var experimentId = await NewExperimentAsync();

        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () =>
                Store.SearchRunsAsync(
                    new RunSearchQuery { ExperimentIds = [experimentId], Filter = filter }
                )
        );
    }

    [Fact]
    public async Task SearchRuns_MaxResultsAboveLimit_InvalidParameterValue()
    {
        var experimentId = await NewExperimentAsync();

        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () =>
                Store.SearchRunsAsync(
                    new RunSearchQuery
                    {
                        ExperimentIds = [experimentId],
                        MaxResults = RunSearchQuery.MaxAllowedResults + 1,
                    }
                )
        );
    }
}
