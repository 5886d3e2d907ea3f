using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3.Model;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>An S3 object, or a key prefix taken as a folder (<c>s3://bucket/key</c>).</summary>
public sealed class S3StorageLocation : StorageLocation
{
    /// <summary>Creates a location reached through <paramref name="connection"/>.</summary>
    public S3StorageLocation(S3ObjectUri obj, S3Connection connection)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(connection);
        ObjectUri = obj;
        Connection = connection;
    }

    /// <summary>Bucket and key.</summary>
    public S3ObjectUri ObjectUri { get; }

    /// <summary>The client and options used.</summary>
    public S3Connection Connection { get; }

    /// <inheritdoc />
    public override string Uri => ObjectUri.ToString();

    /// <inheritdoc />
    public override string Name
    {
        get
        {
            var key = ObjectUri.Key.TrimEnd('/');
            return key[(key.LastIndexOf('/') + 1)..];
        }
    }

    /// <inheritdoc />
    public override bool IsLocal => false;

    /// <inheritdoc />
    public override async Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default)
    {
        RequireKey();
        var response = await S3Errors.TranslateAsync(
            Uri,
            () =>
                Connection.Client.GetObjectAsync(
                    new GetObjectRequest { BucketName = ObjectUri.Bucket, Key = ObjectUri.Key },
                    cancellationToken
                )
        );
        return new S3ReadStream(response, Uri);
    }

    /// <inheritdoc />
    public override StorageWriteStream OpenWrite()
    {
        RequireKey();
        return new S3UploadStream(this, Connection);
    }

    /// <inheritdoc />
    public override async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await StatAsync(cancellationToken) is not null;

    /// <inheritdoc />
    public override async Task<StorageObject?> StatAsync(
        CancellationToken cancellationToken = default
    )
    {
        RequireKey();
        try
        {
            var metadata = await S3Errors.TranslateAsync(
                Uri,
                () =>
                    Connection.Client.GetObjectMetadataAsync(
                        new GetObjectMetadataRequest
                        {
                            BucketName = ObjectUri.Bucket,
                            Key = ObjectUri.Key,
                        },
                        cancellationToken
                    )
            );
            return new StorageObject(this, Name, metadata.ContentLength)
            {
                LastModified = ToOffset(metadata.LastModified),
                ETag = metadata.ETag,
            };
        }
        catch (FileNotFoundException ex)
            when (ex.InnerException is AmazonServiceException service
                && S3Errors.IsMissingKey(service)
            )
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<StorageObject> ListAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        var prefix = ObjectUri.DirectoryPrefix;
        string? token = null;
        do
        {
            var page = await S3Errors.TranslateAsync(
                Uri,
                () =>
                    Connection.Client.ListObjectsV2Async(
                        new ListObjectsV2Request
                        {
                            BucketName = ObjectUri.Bucket,
                            Prefix = prefix,
                            ContinuationToken = token,
                        },
                        cancellationToken
                    )
            );
            // S3 returns keys in UTF-8 binary order, which is ordinal order for our paths.
            foreach (var item in page.S3Objects ?? [])
            {
                if (item.Key.EndsWith('/'))
                {
                    continue; // a "folder" marker written by consoles, not a file
                }
                yield return new StorageObject(
                    new S3StorageLocation(ObjectUri with { Key = item.Key }, Connection),
                    item.Key[prefix.Length..],
                    item.Size ?? 0
                )
                {
                    LastModified = ToOffset(item.LastModified),
                    ETag = item.ETag,
                };
            }
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
    }

    /// <inheritdoc />
    public override StorageLocation Child(string relativePath) =>
        new S3StorageLocation(ObjectUri.Child(CheckRelative(relativePath)), Connection);

    // The SDK reports times as DateTime (UTC or local depending on the version): normalise.
    private static DateTimeOffset? ToOffset(DateTime? value) =>
        value is { } time ? new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero) : null;

    private void RequireKey()
    {
        if (ObjectUri.Key.Length == 0 || ObjectUri.Key.EndsWith('/'))
        {
            throw new ArgumentException(
                $"{Uri} names a bucket or folder, not an object; add the object's key (e.g. {ObjectUri.Child("data.csv")})."
            );
        }
    }
}
