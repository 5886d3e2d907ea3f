using System.Globalization;
using MentalHealthInsights.Core.Data.Validation;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

public class SimpleDecimalTests
{
    [Theory]
    [InlineData("7.5", 7.5)]
    [InlineData("-40", -40.0)]
    [InlineData("+3", 3.0)]
    [InlineData(".25", 0.25)]
    [InlineData("1.", 1.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("123456789012345", 123456789012345.0)]
    public void TryParse_PlainDecimal_ReturnsTheValue(string text, double expected)
    {
        Assert.True(SimpleDecimal.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("1.2.3")]
    [InlineData("1,5")]
    [InlineData(" 1")]
    [InlineData("1234567890123456")]
    public void TryParse_AnythingElse_DefersToTheFrameworkParser(string text)
    {
        Assert.False(SimpleDecimal.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_NegativeZero_KeepsTheSign()
    {
        Assert.True(SimpleDecimal.TryParse("-0", out var value));
        Assert.True(double.IsNegative(value));
    }

    // The fast path must return bit-for-bit the double the framework returns; 200,000 seeded
    // random decimals of 1–15 digits with 0–15 fraction digits cover the rounding cases.
    [Fact]
    public void TryParse_RandomDecimals_MatchDoubleParseBitForBit()
    {
        var random = new Random(20_261_128);
        var digits = new char[15];
        for (var n = 0; n < 200_000; n++)
        {
            var count = random.Next(1, 16);
            for (var i = 0; i < count; i++)
            {
                digits[i] = (char)('0' + random.Next(10));
            }

            var whole = new string(digits, 0, count);
            var point = random.Next(0, count + 1);
            var text = (random.Next(2) == 0 ? "-" : "") + whole[..point] + "." + whole[point..];

            Assert.True(SimpleDecimal.TryParse(text, out var fast), text);
            var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.Equal(
                BitConverter.DoubleToInt64Bits(expected),
                BitConverter.DoubleToInt64Bits(fast)
            );
        }
    }
}
