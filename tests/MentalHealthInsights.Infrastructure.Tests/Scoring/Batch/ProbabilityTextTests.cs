using System.Globalization;
using System.Text;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

public sealed class ProbabilityTextTests
{
    // The runtime's "R" form, which ProbabilityText must reproduce byte for byte.
    private static string Runtime(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture);

    private static string Written(double value)
    {
        Span<byte> buffer = stackalloc byte[64];
        Assert.True(ProbabilityText.TryWrite(value, buffer, out var written));
        return Encoding.ASCII.GetString(buffer[..written]);
    }

    [Theory]
    [InlineData(126)] // [0.5, 1): 16- and 17-digit forms, the most common probabilities
    [InlineData(114)] // [2^-13, 2^-12): the smallest binade of the fast path, three leading zeros
    public void TryWrite_EveryFloatOfABinade_EqualsTheRuntime(int exponent)
    {
        Span<byte> expected = stackalloc byte[64];
        Span<byte> actual = stackalloc byte[64];
        var mismatches = 0;
        var first = "";
        for (var fraction = 0u; fraction < 1u << 23; fraction++)
        {
            var value = (double)BitConverter.UInt32BitsToSingle(((uint)exponent << 23) | fraction);
            value.TryFormat(expected, out var length, "R", CultureInfo.InvariantCulture);
            Assert.True(ProbabilityText.TryWrite(value, actual, out var written));
            if (!expected[..length].SequenceEqual(actual[..written]))
            {
                if (mismatches++ == 0)
                {
                    first =
                        $"{Runtime(value)} written as {Encoding.ASCII.GetString(actual[..written])}";
                }
            }
        }

        Assert.True(mismatches == 0, $"{mismatches} mismatches, the first: {first}");
    }

    [Fact]
    public void TryWrite_RandomFloatsAndDoubles_EqualTheRuntime()
    {
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            // Probabilities as the scorers give them (floats), over every binary exponent below
            // one, and doubles that are not floats (the runtime's path).
            var single = (double)(float)Math.Pow(2, -random.Next(1, 150) * random.NextDouble());
            var wide = random.NextDouble();
            Assert.Equal(Runtime(single), Written(single));
            Assert.Equal(Runtime(wide), Written(wide));
        }
    }

    [Theory]
    [InlineData(0.5)] // powers of two: the runtime's path
    [InlineData(0.000244140625)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.25)]
    [InlineData(double.NaN)]
    [InlineData(1e-40)] // a float subnormal
    [InlineData((double)0.1f)]
    [InlineData(0.75)] // exact decimals shorter than 16 digits
    [InlineData(0.1875)]
    [InlineData((double)0.99999994f)] // the largest float below one
    [InlineData((double)0.000122070320f)] // just above 2^-13, the fast path's lowest binade
    [InlineData((double)0.000122070305f)] // just below it
    public void TryWrite_EdgeValues_EqualTheRuntime(double value)
    {
        Assert.Equal(Runtime(value), Written(value));
    }

    [Fact]
    public void TryWrite_ShortDestination_ReturnsFalseAndWritesNothingClaimed()
    {
        var value = (double)0.17613539f;
        var text = Runtime(value);
        var buffer = new byte[text.Length - 1];

        Assert.False(ProbabilityText.TryWrite(value, buffer, out var written));
        Assert.Equal(0, written);
        Assert.True(ProbabilityText.TryWrite(value, new byte[text.Length], out written));
        Assert.Equal(text.Length, written);
    }
}
