using System.Text;
using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Core.Tests.Scoring.PredictionLog;

public class SubjectPseudonymiserTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("0123456789abcdef");

    [Fact]
    public void Pseudonymise_KnownKeyAndId_MatchesHmacSha256()
    {
        // python3: hmac.new(b'0123456789abcdef', b'U-0001', hashlib.sha256).hexdigest()
        Assert.Equal(
            "ca6b6feaa2d4b8bfae29d837915ba2211d02044d23894c8688f9bdbebbc1458b",
            new SubjectPseudonymiser(Key).Pseudonymise("U-0001")
        );
    }

    [Fact]
    public void Pseudonymise_DifferentKey_DifferentResult()
    {
        var other = Encoding.ASCII.GetBytes("fedcba9876543210");

        Assert.NotEqual(
            new SubjectPseudonymiser(Key).Pseudonymise("U-0001"),
            new SubjectPseudonymiser(other).Pseudonymise("U-0001")
        );
    }

    [Fact]
    public void Pseudonymise_TwoKeysAlternatingOnManyThreads_EachMatchesItsOwnKey()
    {
        // The reused per-thread HMAC must follow the pseudonymiser, never the previous key.
        // python3: hmac.new(b'fedcba9876543210', b'U-0001', hashlib.sha256).hexdigest()
        const string FirstExpected =
            "ca6b6feaa2d4b8bfae29d837915ba2211d02044d23894c8688f9bdbebbc1458b";
        const string SecondExpected =
            "937ab78a0ed70a6fd20f3abcceeb94235e747290450b272d6ce5ed921aa656bb";
        var first = new SubjectPseudonymiser(Key);
        var second = new SubjectPseudonymiser(Encoding.ASCII.GetBytes("fedcba9876543210"));
        var results = new string[64][];

        Parallel.For(
            0,
            results.Length,
            i =>
                results[i] = [
                    first.Pseudonymise("U-0001"),
                    second.Pseudonymise("U-0001"),
                    first.Pseudonymise("U-0001"),
                ]
        );

        Assert.All(results, r => Assert.Equal([FirstExpected, SecondExpected, FirstExpected], r));
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SubjectPseudonymiser(new byte[15]));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("fifteen-bytes!!", false)]
    [InlineData("                ", false)]
    [InlineData("\t \n \t \n \t \n \t \n \t \n \t \n", false)]
    [InlineData("sixteen-bytes!!!", true)]
    [InlineData(" padded secret of 24 b ", true)]
    [InlineData("ééééééééé", true)] // 9 characters, 18 bytes of UTF-8
    public void IsUsableKey_AtLeast16BytesAndNotOnlyWhiteSpace(string? key, bool usable)
    {
        Assert.Equal(usable, SubjectPseudonymiser.IsUsableKey(key));
    }
}
