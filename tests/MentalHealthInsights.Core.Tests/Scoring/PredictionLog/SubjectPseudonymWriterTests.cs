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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WriteMany_MixedIds_SameAsPseudonymiseForEach(bool vectorised)
    {
        var pseudonymiser = new SubjectPseudonymiser(Key);
        using var writer = new SubjectPseudonymWriter(Key, vectorised);
        Assert.Equal(vectorised && HmacSha256x16.IsSupported, writer.IsVectorised);
        // More than sixteen short ids (several groups and a partial last one), interleaved with
        // ids that take the one-by-one path: 56 ASCII bytes, 19 chars of 3-byte UTF-8 (57 bytes),
        // and the edges that stay in lanes: empty, exactly 55 bytes, a lone surrogate (U+FFFD).
        var ids = new List<string>();
        for (var i = 0; i < 45; i++)
        {
            ids.Add((1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            switch (i % 9)
            {
                case 1:
                    ids.Add(new string('x', 56));
                    break;
                case 3:
                    ids.Add(new string('日', 19));
                    break;
                case 5:
                    ids.Add(new string('y', 55));
                    break;
                case 7:
                    ids.Add("bad\uD800id-Zoë");
                    break;
                case 8:
                    ids.Add("");
                    break;
            }
        }

        var destination = new byte[(ids.Count * SubjectPseudonymWriter.Length) + 3];
        destination.AsSpan().Fill((byte)'#');

        writer.WriteMany(ids.ToArray(), destination);

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(
                pseudonymiser.Pseudonymise(ids[i]),
                Encoding.ASCII.GetString(
                    destination,
                    i * SubjectPseudonymWriter.Length,
                    SubjectPseudonymWriter.Length
                )
            );
        }

        Assert.Equal("###", Encoding.ASCII.GetString(destination, destination.Length - 3, 3));
    }

    [Fact]
    public void WriteMany_DestinationTooShortOrNullId_Throws()
    {
        using var writer = new SubjectPseudonymiser(Key).CreateWriter();

        Assert.Throws<ArgumentException>(() => writer.WriteMany(["a", "b"], new byte[127]));
        Assert.Throws<ArgumentNullException>(() => writer.WriteMany([null!], new byte[64]));
    }

    [Fact]
    public void Write_DestinationShorterThan64Bytes_Throws()
    {
        using var writer = new SubjectPseudonymiser(Key).CreateWriter();

        Assert.Throws<ArgumentException>(() => writer.Write("U-0001", new byte[63]));
    }
}
