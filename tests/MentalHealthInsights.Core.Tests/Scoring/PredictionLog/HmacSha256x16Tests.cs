using System.Security.Cryptography;
using System.Text;
using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Core.Tests.Scoring.PredictionLog;

/// <summary>
/// The sixteen-lane HMAC-SHA-256 against the platform's HMAC, byte for byte, on AVX-512 (where
/// the machine has it) and on two AVX2 halves (every machine that runs it).
/// </summary>
public sealed class HmacSha256x16Tests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Compute_Rfc4231TestCase2_KnownDigest(bool avx512)
    {
        if (!HmacSha256x16.IsSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => new HmacSha256x16([1]));
            return;
        }

        var data = Encoding.ASCII.GetBytes("what do ya want for nothing?");
        var digest = new byte[32];

        new HmacSha256x16(Encoding.ASCII.GetBytes("Jefe"), avx512).Compute(
            data,
            [0],
            [data.Length],
            digest
        );

        Assert.Equal(
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            Convert.ToHexStringLower(digest)
        );
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Compute_RandomKeysAndMessages_SameBytesAsThePlatformHmac(bool avx512)
    {
        if (!HmacSha256x16.IsSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => new HmacSha256x16([1]));
            return;
        }

        var random = new Random(20261130);
        // Key lengths around the block size (64: used as is; 65: hashed first) and beyond.
        int[] keyLengths = [0, 1, 16, 32, 63, 64, 65, 100, 200];
        var checkedLanes = 0;
        foreach (var keyLength in keyLengths)
        {
            var key = new byte[keyLength];
            random.NextBytes(key);
            var hmac = new HmacSha256x16(key, avx512);
            for (var call = 0; call < 40; call++)
            {
                var count = 1 + (call % HmacSha256x16.Lanes);
                var data = new byte[count * 70];
                random.NextBytes(data);
                var starts = new int[count];
                var lengths = new int[count];
                for (var i = 0; i < count; i++)
                {
                    starts[i] = (i * 70) + random.Next(0, 10);
                    // Every length from empty to a full block's worth, 55 bytes, appears.
                    lengths[i] = (call * 7 + i) % (HmacSha256x16.MaxMessageBytes + 1);
                }

                var digests = new byte[count * 32];
                hmac.Compute(data, starts, lengths, digests);

                for (var i = 0; i < count; i++)
                {
                    Assert.Equal(
                        HMACSHA256.HashData(key, data.AsSpan(starts[i], lengths[i])),
                        digests.AsSpan(i * 32, 32).ToArray()
                    );
                    checkedLanes++;
                }
            }
        }

        Assert.Equal(
            keyLengths.Length * Enumerable.Range(0, 40).Sum(c => 1 + (c % 16)),
            checkedLanes
        );
    }

    [Fact]
    public void Compute_MessageLongerThanOneBlockOrTooManyLanes_Throws()
    {
        if (!HmacSha256x16.IsSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => new HmacSha256x16([1]));
            return;
        }

        var hmac = new HmacSha256x16([1, 2, 3]);
        var data = new byte[100];

        Assert.Throws<ArgumentException>(() => hmac.Compute(data, [0], [56], new byte[32]));
        Assert.Throws<ArgumentException>(() =>
            hmac.Compute(data, new int[17], new int[17], new byte[17 * 32])
        );
        Assert.Throws<ArgumentException>(() => hmac.Compute(data, [0, 1], [1, 1], new byte[63]));
    }
}
