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
}
