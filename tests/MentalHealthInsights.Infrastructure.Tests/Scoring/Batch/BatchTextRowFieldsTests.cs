using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

public sealed class BatchTextRowFieldsTests
{
    [Fact]
    public void Fields_RandomUnquotedRows_EqualTheTextBetweenCommas()
    {
        var random = new Random(5);
        const string alphabet = "ab ,x1,.";
        Span<int> ends = stackalloc int[128];
        for (var n = 0; n < 5000; n++)
        {
            var text = new string(
                Enumerable
                    .Range(0, random.Next(0, 90))
                    .Select(_ => alphabet[random.Next(alphabet.Length)])
                    .ToArray()
            );
            var expected = text.Split(',');

            var row = new BatchTextRowFields(text, ends[..expected.Length]);

            Assert.Equal(expected.Length + BatchHeader.VirtualColumns, row.Count);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], row[i].ToString());
            }

            Assert.Equal(UnlabelledRowFields.VirtualTarget, row[expected.Length].ToString());
            Assert.Equal(string.Empty, row[expected.Length + 1].ToString());
            Assert.Equal(text, row.Text.ToString());
        }
    }
}
