using MentalHealthInsights.Core.Data.Validation;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

public class DecimalIdBitmapTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("1000000", 1_000_000)]
    [InlineData("16777215", 16_777_215)]
    public void TryParse_PlainNumberBelowTheLimit_ItsValue(string id, int expected)
    {
        Assert.True(DecimalIdBitmap.TryParse(id, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("012")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("U1")]
    [InlineData("16777216")]
    [InlineData("99999999")]
    [InlineData("123456789")]
    [InlineData("١٢")] // Arabic-Indic digits: not ASCII
    [InlineData("１２")] // full-width digits
    public void TryParse_AnythingElse_False(string id)
    {
        Assert.False(DecimalIdBitmap.TryParse(id, out _));
    }

    [Fact]
    public void Add_NewAndRepeated_ReportsWhetherAddedAndGrowsToTheLargest()
    {
        var bitmap = new DecimalIdBitmap();

        Assert.True(bitmap.Add(1));
        Assert.False(bitmap.Add(1));
        Assert.True(bitmap.Add(DecimalIdBitmap.Limit - 1));
        Assert.False(bitmap.Add(DecimalIdBitmap.Limit - 1));
        Assert.True(bitmap.Add(0));
        Assert.True(bitmap.Add(64));
        Assert.False(bitmap.Add(64));

        Assert.Equal(4, bitmap.Count);
        // 2^24 bits at most: 2 MiB.
        Assert.Equal(DecimalIdBitmap.Limit / 8, bitmap.AllocatedBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => bitmap.Add(DecimalIdBitmap.Limit));
    }

    [Fact]
    public void Add_OneMillionSequentialIds_125KilobytesAndEveryOneKept()
    {
        var bitmap = new DecimalIdBitmap();

        for (var i = 1; i <= 1_000_000; i++)
        {
            Assert.True(bitmap.Add(i));
        }

        for (var i = 1; i <= 1_000_000; i += 997)
        {
            Assert.False(bitmap.Add(i));
        }

        Assert.Equal(1_000_000, bitmap.Count);
        // Doubling from 1,024 bits: 2^20 bits cover 1,000,000.
        Assert.Equal((1 << 20) / 8, bitmap.AllocatedBytes);
    }
}
