using System.Text;
using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Core.Tests.Scoring.PredictionLog;

public sealed class SubjectPseudonymWriterTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("0123456789abcdef");

    [Fact]
    public void Write_KnownKeyAndId_MatchesHmacSha256()
    {
        using var writer = new SubjectPseudonymiser(Key).CreateWriter();
        var destination = new byte[SubjectPseudonymWriter.Length];

        writer.Write("U-0001", destination);

        // python3: hmac.new(b'0123456789abcdef', b'U-0001', hashlib.sha256).hexdigest()
        Assert.Equal(
            "ca6b6feaa2d4b8bfae29d837915ba2211d02044d23894c8688f9bdbebbc1458b",
            Encoding.ASCII.GetString(destination)
        );
    }

    [Fact]
    public void Write_ManyIdsWithOneWriter_SameAsPseudonymiseForEach()
    {
        var pseudonymiser = new SubjectPseudonymiser(Key);
        using var writer = pseudonymiser.CreateWriter();
        // Empty, ASCII, non-ASCII, a lone surrogate (encoded as U+FFFD by both) and ids longer
        // than the writer's first buffer, written one after another through the same instance.
        string[] ids =
        [
            "",
            "1",
            "U-0001",
            "Zoë-ß-日本",
            "bad\uD800id",
            new string('x', 300),
            new string('é', 400),
            "1",
        ];
        var destination = new byte[SubjectPseudonymWriter.Length + 5];

        foreach (var id in ids)
        {
            destination.AsSpan().Fill((byte)'#');
            writer.Write(id, destination);

            Assert.Equal(
                pseudonymiser.Pseudonymise(id),
                Encoding.ASCII.GetString(destination, 0, SubjectPseudonymWriter.Length)
            );
            Assert.Equal("#####", Encoding.ASCII.GetString(destination, 64, 5));
        }
    }

    [Fact]
    public void Write_DestinationShorterThan64Bytes_Throws()
    {
        using var writer = new SubjectPseudonymiser(Key).CreateWriter();

        Assert.Throws<ArgumentException>(() => writer.Write("U-0001", new byte[63]));
    }
}
