using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Core.Tests.Pipelines;

public sealed class PipelineDefinitionTests
{
    [Fact]
    public void Constructor_InputNobodyProvides_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new PipelineDefinition(
                "demo",
                "",
                [new PipelineParameter("input", null, "")],
                [new CountingStep("train", ["dataset"], ["model"])]
            )
        );

        Assert.Contains("step train reads dataset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InputOfALaterStep_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new PipelineDefinition(
                "demo",
                "",
                [],
                [
                    new CountingStep("train", ["dataset"], ["model"]),
                    new CountingStep("ingest", [], ["dataset"]),
                ]
            )
        );
    }

    [Fact]
    public void ResolveParameters_DefaultsAppliedAndRequiredReported()
    {
        var definition = new PipelineDefinition(
            "demo",
            "",
            [new PipelineParameter("input", null, ""), new PipelineParameter("rows", "1000", "")],
            [new CountingStep("ingest", ["input", "rows"], ["dataset"])]
        );

        var (values, problems) = definition.ResolveParameters(new Dictionary<string, string>());
        var (given, none) = definition.ResolveParameters(
            new Dictionary<string, string> { ["input"] = "a.csv" }
        );

        Assert.Equal("pipeline demo needs --param input=VALUE.", Assert.Single(problems));
        Assert.Equal("1000", values["rows"]);
        Assert.Empty(none);
        Assert.Equal("a.csv", given["input"]);
    }

    [Fact]
    public void CacheKey_SameWorkSameKeyAndAnyChangeAnotherKey()
    {
        var inputs = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        var reordered = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };
        var key = PipelineCacheKey.Compute("p", "s", "1", "f", inputs);

        Assert.Equal(key, PipelineCacheKey.Compute("p", "s", "1", "f", reordered));
        Assert.Equal(64, key.Length);
        Assert.NotEqual(key, PipelineCacheKey.Compute("p", "s", "2", "f", inputs));
        Assert.NotEqual(key, PipelineCacheKey.Compute("p", "s", "1", "g", inputs));
        Assert.NotEqual(
            key,
            PipelineCacheKey.Compute(
                "p",
                "s",
                "1",
                "f",
                new Dictionary<string, string> { ["a"] = "1", ["b"] = "3" }
            )
        );
        // Field boundaries are length-prefixed: moving a character between fields changes the key.
        Assert.NotEqual(
            PipelineCacheKey.Compute("ab", "c", "1", "f", inputs),
            PipelineCacheKey.Compute("a", "bc", "1", "f", inputs)
        );
    }
}
