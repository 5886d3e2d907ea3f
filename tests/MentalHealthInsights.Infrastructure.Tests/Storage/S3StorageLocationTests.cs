using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

/// <summary>Reads, writes and lists against a real s3rver on loopback.</summary>
[Collection(S3rverGroup.Name)]
public sealed class S3StorageLocationTests(S3rverFixture server)
{
    private const int MiB = 1024 * 1024;

    private StorageLocation Location(string key) =>
        StorageLocation.Parse($"s3://{S3rverFixture.Bucket}/{key}", server.Connection);

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadAllAsync(StorageLocation location)
    {
        await using var input = await location.OpenReadAsync();
        using var copy = new MemoryStream();
        await input.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task WriteAsync(StorageLocation location, byte[] content)
    {
        await using var output = location.OpenWrite();
        await output.WriteAsync(content);
        await output.CommitAsync();
    }

    [Fact]
    public async Task OpenWrite_SmallObject_SinglePutRoundTripsBytes()
    {
        var location = Location(S3rverFixture.UniquePrefix("small") + "/data.csv");
        var content = Encoding.UTF8.GetBytes("Age,Gender\n30,Female\n");

        await using (var output = (S3UploadStream)location.OpenWrite())
        {
            await output.WriteAsync(content);
            await output.CommitAsync();
            Assert.False(output.IsMultipart);
            Assert.Equal(content.Length, output.BytesWritten);
        }

        Assert.Equal(content, await ReadAllAsync(location));
        Assert.True(await location.ExistsAsync());
    }

    [Fact]
    public async Task OpenWrite_EmptyObject_CommitsZeroBytes()
    {
        var location = Location(S3rverFixture.UniquePrefix("empty") + "/empty.csv");

        await WriteAsync(location, []);

        Assert.Empty(await ReadAllAsync(location));
    }

    [Fact]
    public async Task OpenWrite_LargerThanPartSize_MultipartRoundTripsBytes()
    {
        var location = Location(S3rverFixture.UniquePrefix("large") + "/big.bin");
        // 2 full 5 MiB parts and a 1 MiB + 7 byte tail: 3 parts.
        var content = Bytes((11 * MiB) + 7, seed: 11);

        await using (var output = (S3UploadStream)location.OpenWrite())
        {
            // Odd-sized writes so parts are cut inside a write.
            for (var offset = 0; offset < content.Length; offset += 300_001)
            {
                await output.WriteAsync(
                    content.AsMemory(offset, Math.Min(300_001, content.Length - offset))
                );
            }
            await output.CommitAsync();
            Assert.True(output.IsMultipart);
            Assert.Equal(3, output.PartsUploaded);
        }

        Assert.Equal(content, await ReadAllAsync(location));
    }

    [Fact]
    public async Task OpenWrite_SynchronousWrites_MultipartRoundTripsBytes()
    {
        var location = Location(S3rverFixture.UniquePrefix("sync") + "/big.bin");
        var content = Bytes((10 * MiB) + 1, seed: 12);

        await using (var output = location.OpenWrite())
        {
            // The CSV writers write synchronously through a StreamWriter.
            for (var offset = 0; offset < content.Length; offset += 65_536)
            {
                output.Write(content, offset, Math.Min(65_536, content.Length - offset));
            }
            await output.CommitAsync();
        }

        Assert.Equal(content, await ReadAllAsync(location));
    }

    [Fact]
    public async Task OpenWrite_DisposedWithoutCommit_NothingVisible()
    {
        var location = Location(S3rverFixture.UniquePrefix("abandoned") + "/small.csv");

        await using (var output = location.OpenWrite())
        {
            await output.WriteAsync(Bytes(1000, 1));
        }

        Assert.False(await location.ExistsAsync());
    }

    [Fact]
    public async Task OpenWrite_AbortedAfterPartsUploaded_NoObjectVisible()
    {
        var prefix = S3rverFixture.UniquePrefix("partial");
        var location = Location(prefix + "/big.bin");

        await using (var output = (S3UploadStream)location.OpenWrite())
        {
            await output.WriteAsync(Bytes((10 * MiB) + 100, seed: 3));
            Assert.True(output.IsMultipart);
            // Disposed here without CommitAsync: the failure path of every writer.
        }

        Assert.False(await location.ExistsAsync());
        Assert.Empty(await ToListAsync(Location(prefix).ListAsync()));
        await Assert.ThrowsAsync<FileNotFoundException>(() => location.OpenReadAsync());
    }

    [Fact]
    public async Task OpenWrite_CancelledMidUpload_ThrowsAndNothingVisible()
    {
        var location = Location(S3rverFixture.UniquePrefix("cancelled") + "/big.bin");
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var output = location.OpenWrite();
            await output.WriteAsync(Bytes(6 * MiB, seed: 4), cancellation.Token);
            await cancellation.CancelAsync();
            await output.WriteAsync(Bytes(6 * MiB, seed: 5), cancellation.Token);
            await output.CommitAsync(cancellation.Token);
        });

        Assert.False(await location.ExistsAsync());
    }

    [Fact]
    public async Task OpenWrite_AbortedOverwrite_PreviousContentRemains()
    {
        var location = Location(S3rverFixture.UniquePrefix("overwrite") + "/data.csv");
        var first = Bytes(2000, seed: 6);
        await WriteAsync(location, first);

        await using (var output = location.OpenWrite())
        {
            await output.WriteAsync(Bytes((5 * MiB) + 1, seed: 7));
        }

        Assert.Equal(first, await ReadAllAsync(location));
    }

    [Fact]
    public async Task OpenWrite_WriteAfterCommit_InvalidOperation()
    {
        var location = Location(S3rverFixture.UniquePrefix("committed") + "/a.txt");
        await using var output = location.OpenWrite();
        await output.CommitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            output.WriteAsync(new byte[] { 1 }).AsTask()
        );
    }

    [Fact]
    public async Task OpenRead_MissingKey_FileNotFoundNamingTheUri()
    {
        var uri = $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("missing")}/none.csv";

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            StorageLocation.Parse(uri, server.Connection).OpenReadAsync()
        );

        Assert.Equal($"{uri} does not exist (S3 error NoSuchKey).", error.Message);
    }

    [Fact]
    public async Task OpenRead_MissingBucket_FileNotFound()
    {
        var location = StorageLocation.Parse("s3://no-such-bucket-here/x.csv", server.Connection);

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => location.OpenReadAsync());

        Assert.Contains("NoSuchBucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenRead_StreamsWithLengthAndPosition()
    {
        var location = Location(S3rverFixture.UniquePrefix("read") + "/data.bin");
        var content = Bytes(300_000, seed: 8);
        await WriteAsync(location, content);

        await using var input = await location.OpenReadAsync();
        var buffer = new byte[1000];
        var read = await input.ReadAsync(buffer);

        Assert.False(input.CanSeek);
        Assert.Equal(content.Length, input.Length);
        Assert.Equal(read, input.Position);
    }

    [Fact]
    public async Task ListAsync_Prefix_OnlyObjectsUnderItSortedWithRelativePaths()
    {
        var prefix = S3rverFixture.UniquePrefix("list");
        await WriteAsync(Location(prefix + "/in/b.csv"), [1, 2]);
        await WriteAsync(Location(prefix + "/in/a.csv"), [1]);
        await WriteAsync(Location(prefix + "/in/sub/c.csv"), [1, 2, 3]);
        await WriteAsync(Location(prefix + "/input.csv"), [9]); // shares the text prefix "in"

        var listed = await ToListAsync(Location(prefix + "/in").ListAsync());
        var withSlash = await ToListAsync(Location(prefix + "/in/").ListAsync());

        Assert.Equal(["a.csv", "b.csv", "sub/c.csv"], listed.Select(o => o.RelativePath));
        Assert.Equal([1L, 2L, 3L], listed.Select(o => o.Size));
        Assert.Equal($"s3://{S3rverFixture.Bucket}/{prefix}/in/sub/c.csv", listed[2].Location.Uri);
        Assert.Equal(listed.Select(o => o.Location.Uri), withSlash.Select(o => o.Location.Uri));
        Assert.Equal([1, 2, 3], await ReadAllAsync(listed[2].Location));
    }

    [Fact]
    public async Task ListAsync_MissingPrefix_Empty()
    {
        Assert.Empty(await ToListAsync(Location(S3rverFixture.UniquePrefix("none")).ListAsync()));
    }

    [Fact]
    public void OpenWrite_BucketRoot_ArgumentException()
    {
        var location = StorageLocation.Parse($"s3://{S3rverFixture.Bucket}", server.Connection);

        Assert.Throws<ArgumentException>(() => location.OpenWrite());
    }

    [Fact]
    public async Task OpenRead_WrongCredentials_AccessDeniedStorageException()
    {
        var options = new S3StorageOptions { ServiceUrl = server.Endpoint };
        using var connection = new S3Connection(
            options,
            new AmazonS3Client(
                new BasicAWSCredentials("WRONG", "WRONG"),
                S3Connection.CreateConfig(options)
            )
        );
        var location = StorageLocation.Parse($"s3://{S3rverFixture.Bucket}/x.csv", connection);

        var error = await Assert.ThrowsAsync<StorageException>(() => location.OpenReadAsync());

        Assert.Equal("access-denied", error.Reason);
        Assert.StartsWith(
            $"access to s3://{S3rverFixture.Bucket}/x.csv was denied",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task OpenRead_NothingListening_UnreachableStorageException()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new S3StorageOptions { ServiceUrl = new Uri($"http://127.0.0.1:{port}/") };
        var config = S3Connection.CreateConfig(options);
        config.MaxErrorRetry = 0;
        using var connection = new S3Connection(
            options,
            new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), config)
        );

        var error = await Assert.ThrowsAsync<StorageException>(() =>
            StorageLocation.Parse("s3://mhi-test/x.csv", connection).OpenReadAsync()
        );

        Assert.Equal("unreachable", error.Reason);
    }

    private static async Task<List<StorageObject>> ToListAsync(
        IAsyncEnumerable<StorageObject> items
    )
    {
        var list = new List<StorageObject>();
        await foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }
}
