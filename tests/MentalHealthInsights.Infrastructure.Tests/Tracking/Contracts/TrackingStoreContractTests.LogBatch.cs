using System.Globalization;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;

// The write primitive: contents, limits, immutable params, metric history.
public abstract partial class TrackingStoreContractTests
{
    private static string Key(string prefix, int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D4}");

    [Fact]
    public async Task LogBatch_MetricsParamsTags_RunDataHasThem()
    {
        var run = await NewRunAsync();

        await Store.LogBatchAsync(
            run.Info.RunId,
            [new Metric("auc", 0.81, T0, 0), new Metric("auc", 0.84, T0 + 1, 1)],
            [new Param("model", "xgboost"), new Param("seed", "42")],
            [new RunTag("promotable", "true")]
        );
        var data = (await Store.GetRunAsync(run.Info.RunId)).Data;

        Assert.Equal(new Metric("auc", 0.84, T0 + 1, 1), data.Metrics["auc"]);
        Assert.Equal("xgboost", data.Params["model"]);
        Assert.Equal("42", data.Params["seed"]);
        Assert.Equal("true", data.Tags["promotable"]);
    }

    [Fact]
    public async Task LogBatch_UnknownRun_ResourceDoesNotExist() =>
        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Store.LogBatchAsync(RunIds.NewRunId(), [new Metric("m", 1, T0)])
        );

    [Theory]
    [InlineData(1001, 0, 0)]
    [InlineData(0, 101, 0)]
    [InlineData(0, 0, 101)]
    [InlineData(950, 51, 0)]
    public async Task LogBatch_OverTheLimits_InvalidParameterValueAndNothingStored(
        int metrics,
        int parameters,
        int tags
    )
    {
        var run = await NewRunAsync();

        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () =>
                Store.LogBatchAsync(
                    run.Info.RunId,
                    [.. Enumerable.Range(0, metrics).Select(i => new Metric(Key("m", i), i, T0))],
                    [.. Enumerable.Range(0, parameters).Select(i => new Param(Key("p", i), "v"))],
                    [.. Enumerable.Range(0, tags).Select(i => new RunTag(Key("t", i), "v"))]
                )
        );

        var data = (await Store.GetRunAsync(run.Info.RunId)).Data;
        Assert.Empty(data.Metrics);
        Assert.Empty(data.Params);
    }

    [Fact]
    public async Task LogBatch_AtTheLimits_IsAccepted()
    {
        var run = await NewRunAsync();

        await Store.LogBatchAsync(
            run.Info.RunId,
            [.. Enumerable.Range(0, 800).Select(i => new Metric(Key("m", i), i, T0))],
            [.. Enumerable.Range(0, 100).Select(i => new Param(Key("p", i), "v"))],
            [.. Enumerable.Range(0, 100).Select(i => new RunTag(Key("t", i), "v"))]
        );

        var data = (await Store.GetRunAsync(run.Info.RunId)).Data;
        Assert.Equal(800, data.Metrics.Count);
        Assert.Equal(100, data.Params.Count);
    }

    [Fact]
    public async Task LogBatch_SameParamValueAgain_IsAccepted()
    {
        var run = await NewRunAsync();
        await Store.LogBatchAsync(run.Info.RunId, parameters: [new Param("alpha", "0.5")]);

        await Store.LogBatchAsync(run.Info.RunId, parameters: [new Param("alpha", "0.5")]);

        Assert.Equal("0.5", (await Store.GetRunAsync(run.Info.RunId)).Data.Params["alpha"]);
    }

    [Fact]
    public async Task LogBatch_ChangedParamValue_InvalidParameterValueAndOriginalKept()
    {
        var run = await NewRunAsync();
        await Store.LogBatchAsync(run.Info.RunId, parameters: [new Param("alpha", "0.5")]);

        var error = await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () => Store.LogBatchAsync(run.Info.RunId, parameters: [new Param("alpha", "0.7")])
        );

        Assert.Contains(
            "Changing param values is not allowed",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Equal("0.5", (await Store.GetRunAsync(run.Info.RunId)).Data.Params["alpha"]);
    }

    [Fact]
    public async Task LogBatch_ChangedParamBesideAMetric_StoresNeither()
    {
        var run = await NewRunAsync();
        await Store.LogBatchAsync(run.Info.RunId, parameters: [new Param("alpha", "0.5")]);

        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () =>
                Store.LogBatchAsync(
                    run.Info.RunId,
                    [new Metric("loss", 1, T0)],
                    [new Param("alpha", "0.7")]
                )
        );

        Assert.Empty(await Store.GetMetricHistoryAsync(run.Info.RunId, "loss"));
    }

    [Fact]
    public async Task LogBatch_DuplicateParamKeyInOneBatch_InvalidParameterValue()
    {
        var run = await NewRunAsync();

        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () =>
                Store.LogBatchAsync(
                    run.Info.RunId,
                    parameters: [new Param("a", "1"), new Param("a", "1")]
                )
        );
    }

    [Theory]
    [InlineData("metric")]
    [InlineData("param")]
    [InlineData("tag")]
    public async Task LogBatch_KeyLongerThan250_InvalidParameterValue(string kind)
    {
        var run = await NewRunAsync();
        var key = new string('k', 251);

        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () =>
                kind switch
                {
                    "metric" => Store.LogBatchAsync(run.Info.RunId, [new Metric(key, 1, T0)]),
                    "param" => Store.LogBatchAsync(
                        run.Info.RunId,
                        parameters: [new Param(key, "v")]
                    ),
                    _ => Store.LogBatchAsync(run.Info.RunId, tags: [new RunTag(key, "v")]),
                }
        );
    }

    [Fact]
    public async Task LogBatch_ParamValueOf6000_IsAcceptedAnd6001IsNot()
    {
        var run = await NewRunAsync();

        await Store.LogBatchAsync(
            run.Info.RunId,
            parameters: [new Param("long", new string('v', 6000))]
        );

        Assert.Equal(6000, (await Store.GetRunAsync(run.Info.RunId)).Data.Params["long"].Length);
        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () =>
                Store.LogBatchAsync(
                    run.Info.RunId,
                    parameters: [new Param("longer", new string('v', 6001))]
                )
        );
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/absolute")]
    [InlineData("a//b")]
    [InlineData("bad*char")]
    public async Task LogBatch_InvalidMetricName_InvalidParameterValue(string key)
    {
        var run = await NewRunAsync();

        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () => Store.LogBatchAsync(run.Info.RunId, [new Metric(key, 1, T0)])
        );
    }

    [Fact]
    public async Task GetMetricHistory_LoggedOutOfOrder_OrderedByStepThenTimestamp()
    {
        var run = await NewRunAsync();
        await Store.LogBatchAsync(
            run.Info.RunId,
            [
                new Metric("loss", 0.3, T0 + 30, 2),
                new Metric("loss", 0.9, T0 + 10, 0),
                new Metric("loss", 0.5, T0 + 21, 1),
                new Metric("loss", 0.6, T0 + 20, 1),
                new Metric("other", 1.0, T0, 0),
            ]
        );

        var history = await Store.GetMetricHistoryAsync(run.Info.RunId, "loss");

        Assert.Equal(
            [
                new Metric("loss", 0.9, T0 + 10, 0),
                new Metric("loss", 0.6, T0 + 20, 1),
                new Metric("loss", 0.5, T0 + 21, 1),
                new Metric("loss", 0.3, T0 + 30, 2),
            ],
            history
        );
    }

    [Fact]
    public async Task LogBatch_LowerStepLoggedLater_LatestMetricKeepsHighestStep()
    {
        var run = await NewRunAsync();
        await Store.LogBatchAsync(run.Info.RunId, [new Metric("auc", 0.9, T0, 5)]);

        await Store.LogBatchAsync(run.Info.RunId, [new Metric("auc", 0.1, T0 + 100, 3)]);

        var data = (await Store.GetRunAsync(run.Info.RunId)).Data;
        Assert.Equal(new Metric("auc", 0.9, T0, 5), data.Metrics["auc"]);
        Assert.Equal(2, (await Store.GetMetricHistoryAsync(run.Info.RunId, "auc")).Count);
    }

    [Fact]
    public async Task LogBatch_NaNAndInfinity_RoundTrip()
    {
        var run = await NewRunAsync();

        await Store.LogBatchAsync(
            run.Info.RunId,
            [new Metric("nan", double.NaN, T0), new Metric("inf", double.PositiveInfinity, T0)]
        );

        Assert.True(
            double.IsNaN((await Store.GetMetricHistoryAsync(run.Info.RunId, "nan"))[0].Value)
        );
        // MLflow's SQL store returns +inf as double.MaxValue; either spelling of "huge" is accepted.
        Assert.True(
            (await Store.GetRunAsync(run.Info.RunId)).Data.Metrics["inf"].Value >= double.MaxValue
        );
    }

    [Fact]
    public async Task GetMetricHistory_UnknownKey_Empty()
    {
        var run = await NewRunAsync();

        Assert.Empty(await Store.GetMetricHistoryAsync(run.Info.RunId, "never"));
    }

    [Fact]
    public async Task ServiceLogBatch_BeyondTheLimits_SplitsAndStoresEverything()
    {
        var service = NewService();
        var run = await NewRunAsync();

        await service.LogBatchAsync(
            run.Info.RunId,
            [.. Enumerable.Range(0, 2500).Select(i => new Metric("curve", i, T0 + i, i))],
            [
                .. Enumerable
                    .Range(0, 250)
                    .Select(i => new Param(Key("p", i), new string('x', 6000))),
            ],
            [
                .. Enumerable
                    .Range(0, 250)
                    .Select(i => new RunTag(Key("t", i), new string('y', 8000))),
            ]
        );

        var data = (await Store.GetRunAsync(run.Info.RunId)).Data;
        Assert.Equal(250, data.Params.Count);
        Assert.Equal(250, data.Tags.Count(t => t.Key.StartsWith('t')));
        var history = await Store.GetMetricHistoryAsync(run.Info.RunId, "curve");
        Assert.Equal(2500, history.Count);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)i), history.Select(m => m.Step));
    }

    [Fact]
    public async Task ServiceLogParams_Dictionary_AllStored()
    {
        var service = NewService();
        var run = await NewRunAsync();
        var parameters = Enumerable
            .Range(0, 130)
            .ToDictionary(i => Key("hp", i), i => i.ToString(CultureInfo.InvariantCulture));

        await service.LogParamsAsync(run.Info.RunId, parameters);

        Assert.Equal(parameters, (await Store.GetRunAsync(run.Info.RunId)).Data.Params);
    }
}
