using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>The infinity search finds the first ±∞ wherever it sits: inside a vector, at its edges, in the tail.</summary>
public sealed class XGBoostInputTests
{
    public static TheoryData<int, int> Positions()
    {
        var data = new TheoryData<int, int>();
        foreach (var length in new[] { 1, 7, 8, 15, 16, 17, 33, 100 })
        {
            foreach (var at in new[] { 0, 7, 8, 15, 16, 31, 32, 99 })
            {
                if (at < length)
                {
                    data.Add(length, at);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void IndexOfInfinity_FirstOfTwo_FoundAtItsIndex(int length, int at)
    {
        var values = Enumerable.Range(0, length).Select(i => i % 5 == 0 ? float.NaN : i).ToArray();
        values[at] = float.NegativeInfinity;
        if (at + 1 < length)
        {
            values[length - 1] = float.PositiveInfinity;
        }

        Assert.Equal(at, XGBoostInput.IndexOfInfinity(values));
    }

    [Fact]
    public void IndexOfInfinity_NaNAndExtremesButNoInfinity_MinusOne()
    {
        float[] values = [.. Enumerable.Repeat(float.MaxValue, 40), float.NaN, -float.MaxValue, 0f];

        Assert.Equal(-1, XGBoostInput.IndexOfInfinity(values));
    }
}
