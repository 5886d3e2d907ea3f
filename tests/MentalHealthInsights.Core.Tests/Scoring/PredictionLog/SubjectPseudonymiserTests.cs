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
    public void Constructor_ShortKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SubjectPseudonymiser(new byte[15]));
    }
}
