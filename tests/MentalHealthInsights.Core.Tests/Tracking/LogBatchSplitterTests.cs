using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Tests.Tracking;

public sealed class LogBatchSplitterTests
{
    private static List<Metric> Metrics(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new Metric("loss", i, i, i))];

    private static List<Param> Params(int n, int valueLength = 1) =>
        [.. Enumerable.Range(0, n).Select(i => new Param($"p{i}", new string('v', valueLength)))];

    private static List<RunTag> Tags(int n, int valueLength = 1) =>
        [.. Enumerable.Range(0, n).Select(i => new RunTag($"t{i}", new string('v', valueLength)))];

    private static void AssertWithinLimits(IReadOnlyList<LogBatchChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            TrackingValidation.ValidateBatch(chunk.Metrics, chunk.Params, chunk.Tags);
            Assert.NotEqual(0, chunk.Count);
        }
    }

    [Fact]
    public void Split_Nothing_NoChunks() => Assert.Empty(LogBatchSplitter.Split(null, null, null));

    [Fact]
    public void Split_SmallBatch_OneChunkUnchanged()
    {
        var chunks = LogBatchSplitter.Split(Metrics(3), Params(2), Tags(1));

        var chunk = Assert.Single(chunks);
        Assert.Equal(Metrics(3), chunk.Metrics);
        Assert.Equal(Params(2), chunk.Params);
        Assert.Equal(Tags(1), chunk.Tags);
    }

    [Fact]
    public void Split_2500Metrics_ThreeChunksOf1000_1000_500InOrder()
    {
        var metrics = Metrics(2500);

        var chunks = LogBatchSplitter.Split(metrics, null, null);

        Assert.Equal([1000, 1000, 500], chunks.Select(c => c.Metrics.Count));
        Assert.Equal(metrics, chunks.SelectMany(c => c.Metrics));
    }

    [Fact]
    public void Split_250ParamsAnd250Tags_ParamsFirstEveryChunkWithinLimits()
    {
        var chunks = LogBatchSplitter.Split(null, Params(250), Tags(250));

        AssertWithinLimits(chunks);
        Assert.Equal(Params(250), chunks.SelectMany(c => c.Params));
        Assert.Equal(Tags(250), chunks.SelectMany(c => c.Tags));
        // Params fill chunks first; tags join the last, partly filled, param chunk.
        Assert.Equal([100, 100, 50, 0, 0], chunks.Select(c => c.Params.Count));
        Assert.Equal([0, 0, 100, 100, 50], chunks.Select(c => c.Tags.Count));
    }

    [Fact]
    public void Split_MixedAtTheTotalLimit_NoChunkOver1000Entities()
    {
        var chunks = LogBatchSplitter.Split(Metrics(1500), Params(100), Tags(100));

        AssertWithinLimits(chunks);
        Assert.Equal(1700, chunks.Sum(c => c.Count));
        Assert.Equal(1000, chunks[0].Count);
    }

    [Fact]
    public void Split_LongValues_EachChunkUnderTheByteBudget()
    {
        // 100 params of 6000 chars + 100 tags of 8000 chars ≈ 1.4 MB: over MLflow's 1 MB body limit in one call.
        var chunks = LogBatchSplitter.Split(null, Params(100, 6000), Tags(100, 8000));

        Assert.True(chunks.Count >= 2);
        AssertWithinLimits(chunks);
        foreach (var chunk in chunks)
        {
            var bytes =
                chunk.Params.Sum(p => p.Key.Length + p.Value.Length + 24)
                + chunk.Tags.Sum(t => t.Key.Length + t.Value.Length + 24);
            Assert.True(bytes <= LogBatchSplitter.DefaultMaxBatchBytes, $"{bytes} bytes");
        }
    }
}
