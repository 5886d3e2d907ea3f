using MentalHealthInsights.Core.Data.Validation;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

public class UserIdSetTests
{
    [Fact]
    public void Add_NewAndRepeatedIds_ReportsWhetherAdded()
    {
        var set = new UserIdSet();

        Assert.True(set.Add(UserIdHash.Compute("a")));
        Assert.False(set.Add(UserIdHash.Compute("a")));
        Assert.True(set.Contains(UserIdHash.Compute("a")));
        Assert.False(set.Contains(UserIdHash.Compute("b")));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Add_ManyIdsThroughSeveralGrowths_KeepsEveryOne()
    {
        var set = new UserIdSet();
        const int n = 100_000;

        for (var i = 0; i < n; i++)
        {
            Assert.True(set.Add(UserIdHash.Compute($"U{i}")));
        }

        Assert.Equal(n, set.Count);
        for (var i = 0; i < n; i++)
        {
            Assert.True(set.Contains(UserIdHash.Compute($"U{i}")));
            Assert.False(set.Contains(UserIdHash.Compute($"V{i}")));
        }
    }

    // The documented cost: 2^21 slots of 16 bytes for one million IDs, 32 bytes per ID.
    [Fact]
    public void Add_OneMillionIds_HoldsThirtyTwoBytesPerId()
    {
        var set = new UserIdSet();

        for (var i = 0; i < 1_000_000; i++)
        {
            set.Add(UserIdHash.Compute($"U{i}"));
        }

        Assert.Equal((1L << 21) * 16, set.AllocatedBytes);
    }

    [Fact]
    public void Constructor_ExpectedCount_SizedAtFirstAddNotBefore()
    {
        var set = new UserIdSet(expectedCount: 1_000_000);

        Assert.Equal(0, set.AllocatedBytes);
        Assert.False(set.Contains(UserIdHash.Compute("a")));
        set.Add(UserIdHash.Compute("a"));

        // The size a million additions would grow to, at once: at most 3/4 full.
        Assert.Equal((1L << 21) * 16, set.AllocatedBytes);
        Assert.True(set.Contains(UserIdHash.Compute("a")));
    }
}
