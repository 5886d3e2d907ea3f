using MentalHealthInsights.Core.Data.Validation;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

public class UserIdHashTests
{
    [Fact]
    public void Compute_SameText_GivesEqualHashes()
    {
        Assert.Equal(UserIdHash.Compute("U000123"), UserIdHash.Compute("xU000123x".AsSpan(1, 7)));
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("U1", "u1")]
    [InlineData("", "\0")]
    [InlineData("abcdefgh", "abcdefghi")]
    [InlineData("12345678", "87654321")]
    public void Compute_DifferentText_GivesDifferentHashes(string left, string right)
    {
        var a = UserIdHash.Compute(left);
        var b = UserIdHash.Compute(right);

        Assert.NotEqual(a, b);
        Assert.NotEqual(a.A, b.A);
        Assert.NotEqual(a.B, b.B);
    }

    // With 64 random bits per half, 2 M IDs collide in either half with probability ≈ 2.2e-7;
    // a collision here means a half is badly mixed. The halves must also differ from each other.
    [Fact]
    public void Compute_TwoMillionSequentialIds_HaveNoCollisionInEitherHalf()
    {
        const int n = 2_000_000;
        var halvesA = new HashSet<ulong>(n);
        var halvesB = new HashSet<ulong>(n);
        Span<char> buffer = stackalloc char[16];
        var equalHalves = 0;
        for (var i = 0; i < n; i++)
        {
            var text = buffer[..Format(i, buffer)];
            var hash = UserIdHash.Compute(text);
            Assert.True(halvesA.Add(hash.A));
            Assert.True(halvesB.Add(hash.B));
            equalHalves += hash.A == hash.B ? 1 : 0;
        }

        Assert.Equal(0, equalHalves);
    }

    private static int Format(int i, Span<char> buffer)
    {
        buffer[0] = 'U';
        i.TryFormat(
            buffer[1..],
            out var written,
            "D7",
            System.Globalization.CultureInfo.InvariantCulture
        );
        return written + 1;
    }
}
