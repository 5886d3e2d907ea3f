using System.Security.Cryptography;
using MentalHealthInsights.Infrastructure.Hashing;

namespace MentalHealthInsights.Infrastructure.Tests.Hashing;

public sealed class HashingReadStreamTests
{
    private static byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void FinishSha256_ReaderStoppedEarly_HashesTheWholeStream()
    {
        var bytes = Bytes(300_000);
        using var stream = new HashingReadStream(new MemoryStream(bytes));
        var buffer = new byte[1000];
        stream.ReadExactly(buffer);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stream.FinishSha256());
    }

    [Fact]
    public async Task ReadAsync_EmptyBufferThenTheRest_AnEmptyReadIsNotTheEnd()
    {
        var bytes = Bytes(5000);
        using var stream = new HashingReadStream(new MemoryStream(bytes));
        var copy = new MemoryStream();

        Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty));
        Assert.Equal(0, stream.Read([]));
        await stream.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stream.FinishSha256());
    }

    [Fact]
    public void LengthAndPosition_AreTheWrappedStreams()
    {
        using var stream = new HashingReadStream(new MemoryStream(Bytes(100)));
        stream.ReadExactly(new byte[40]);

        Assert.Equal(100, stream.Length);
        Assert.Equal(40, stream.Position);
        Assert.False(stream.CanSeek);
    }
}
