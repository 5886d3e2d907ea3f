using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// One S3 client and the options it was made from. Clients are thread-safe and pool their
/// connections, so a process shares one (<see cref="Default"/>); tests make their own.
/// </summary>
public sealed class S3Connection : IDisposable
{
    private static readonly Lazy<S3Connection> DefaultConnection = new(
        () => new S3Connection(S3StorageOptions.FromEnvironment()),
        LazyThreadSafetyMode.ExecutionAndPublication
    );

    /// <summary>Creates a client for <paramref name="options"/> using the SDK's default credential chain.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="StorageException">No region or endpoint anywhere (reason <c>no-region</c>).</exception>
    public S3Connection(S3StorageOptions options)
        : this(options, CreateClient(options)) { }

    /// <summary>Uses an existing client (e.g. one with explicit credentials).</summary>
    public S3Connection(S3StorageOptions options, IAmazonS3 client)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        options.Validate();
        Options = options;
        Client = client;
    }

    /// <summary>The connection configured by the process environment (created on first use).</summary>
    /// <exception cref="ArgumentException">A malformed AWS_ENDPOINT_URL or MHI_S3_* variable.</exception>
    public static S3Connection Default => DefaultConnection.Value;

    /// <summary>The options.</summary>
    public S3StorageOptions Options { get; }

    /// <summary>The client.</summary>
    public IAmazonS3 Client { get; }

    /// <summary>The SDK configuration these options describe (exposed for callers that add credentials).</summary>
    public static AmazonS3Config CreateConfig(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var config = new AmazonS3Config { ForcePathStyle = options.UsesPathStyle };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl.AbsoluteUri;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else if (options.Region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        return config;
    }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();

    // The SDK refuses a client without a region or endpoint (none set here, none in the
    // environment, the AWS profile or the instance metadata): say what to set instead.
    private static AmazonS3Client CreateClient(S3StorageOptions options)
    {
        var config = CreateConfig(options);
        try
        {
            return new AmazonS3Client(config);
        }
        catch (AmazonClientException ex) when (options.ServiceUrl is null && options.Region is null)
        {
            throw new StorageException(
                "no-region",
                $"S3 is not configured: no AWS region was found. Set {S3StorageOptions.RegionVariable} (or AWS_DEFAULT_REGION, or a region in the AWS profile) for AWS S3, or {S3StorageOptions.EndpointVariable} for another S3-compatible service.",
                ex
            );
        }
    }
}
