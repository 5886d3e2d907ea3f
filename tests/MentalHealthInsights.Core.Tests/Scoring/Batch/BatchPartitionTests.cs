using MentalHealthInsights.Core.Scoring.Batch;

namespace MentalHealthInsights.Core.Tests.Scoring.Batch;

public sealed class BatchPartitionTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("0/1000", 0, 1000)]
    public void TryParse_ValidText_ReturnsPartition(string text, int index, int count)
    {
        Assert.True(BatchPartition.TryParse(text, out var partition, out var error));
        Assert.Null(error);
        Assert.Equal(new BatchPartition(index, count), partition);
        Assert.Equal(text, partition.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("4/4")]
    [InlineData("1/0")]
    [InlineData("-1/4")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    [InlineData(" 1/2")]
    public void TryParse_InvalidText_ReturnsFalseWithReason(string? text)
    {
        Assert.False(BatchPartition.TryParse(text, out var partition, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Equal(BatchPartition.Whole, partition);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Contains_AllPartitions_EveryRowInExactlyOne(int count)
    {
        var partitions = Enumerable
            .Range(0, count)
            .Select(i => new BatchPartition(i, count))
            .ToArray();
        for (long row = 0; row < 1000; row++)
        {
            Assert.Single(partitions, p => p.Contains(row));
        }
    }

    [Fact]
    public void Constructor_IndexOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchPartition(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchPartition(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchPartition(-1, 2));
    }

    [Fact]
    public void Default_BehavesAsWhole()
    {
        var partition = default(BatchPartition);

        Assert.Equal(1, partition.Count);
        Assert.True(partition.Contains(12345));
    }
}
