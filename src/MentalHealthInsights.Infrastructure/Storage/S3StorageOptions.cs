using System.Globalization;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// How to reach S3 (or an S3-compatible store such as MinIO or s3rver). Credentials always come
/// from the AWS SDK's default chain (environment variables, <c>AWS_PROFILE</c> in
/// ~/.aws/credentials and ~/.aws/config, web identity, ECS task role, EC2 instance profile);
/// they are never part of these options.
/// </summary>
public sealed record S3StorageOptions
{
    /// <summary>The smallest part S3 accepts in a multipart upload (all parts but the last).</summary>
    public const int MinimumPartSizeBytes = 5 * 1024 * 1024;

    /// <summary>Endpoint variable for S3 only (AWS's name); wins over <see cref="EndpointVariable"/>.</summary>
    public const string S3EndpointVariable = "AWS_ENDPOINT_URL_S3";

    /// <summary>Endpoint variable for every AWS service (AWS's name).</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>Region variable (AWS's name); <c>AWS_DEFAULT_REGION</c> is read when it is unset.</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>Path-style addressing switch (<c>true</c>/<c>false</c>); ours.</summary>
    public const string PathStyleVariable = "MHI_S3_FORCE_PATH_STYLE";

    /// <summary>Multipart part size in MiB (5 or more); ours.</summary>
    public const string PartSizeVariable = "MHI_S3_PART_SIZE_MB";

    /// <summary>
    /// An S3-compatible endpoint, e.g. <c>http://127.0.0.1:4568</c>; null → AWS's regional
    /// endpoint.
    /// </summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>
    /// The region (e.g. <c>eu-west-1</c>); null → the SDK's resolution (profile, instance
    /// metadata). With a <see cref="ServiceUrl"/> and no region, requests are signed for
    /// <c>us-east-1</c>, which S3-compatible servers accept.
    /// </summary>
    public string? Region { get; init; }

    /// <summary>
    /// Path-style addressing (<c>http://host/bucket/key</c>) instead of virtual-hosted
    /// (<c>http://bucket.host/key</c>). Null (the default) → true when <see cref="ServiceUrl"/> is
    /// set (what local S3-compatible servers need), false for AWS.
    /// </summary>
    public bool? ForcePathStyle { get; init; }

    /// <summary>
    /// Part size for uploads, default 8 MiB (at least <see cref="MinimumPartSizeBytes"/>).
    /// Objects up to this size are sent in one PUT; larger ones as a multipart upload. A
    /// writer holds at most two parts in memory.
    /// </summary>
    public int PartSizeBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>The effective path-style setting.</summary>
    public bool UsesPathStyle => ForcePathStyle ?? ServiceUrl is not null;

    /// <summary>
    /// Reads the standard variables: <c>AWS_ENDPOINT_URL_S3</c> or <c>AWS_ENDPOINT_URL</c>,
    /// <c>AWS_REGION</c> or <c>AWS_DEFAULT_REGION</c>, and ours, <c>MHI_S3_FORCE_PATH_STYLE</c>
    /// and <c>MHI_S3_PART_SIZE_MB</c>. <c>AWS_PROFILE</c> and the credential variables are read
    /// by the SDK itself. A malformed value → <see cref="ArgumentException"/> naming the variable.
    /// </summary>
    public static S3StorageOptions FromEnvironment() =>
        FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="FromEnvironment"/>, reading variables through <paramref name="variable"/>.</summary>
    public static S3StorageOptions FromVariables(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var endpoint =
            NonBlank(variable(S3EndpointVariable)) ?? NonBlank(variable(EndpointVariable));
        Uri? serviceUrl = null;
        if (endpoint is not null)
        {
            if (
                !System.Uri.TryCreate(endpoint, UriKind.Absolute, out serviceUrl)
                || serviceUrl.Scheme is not ("http" or "https")
            )
            {
                throw new ArgumentException(
                    $"{S3EndpointVariable}/{EndpointVariable} must be an http(s):// URL, e.g. http://127.0.0.1:4568."
                );
            }
        }
        bool? pathStyle = NonBlank(variable(PathStyleVariable)) switch
        {
            null => null,
            var text when bool.TryParse(text, out var value) => value,
            _ => throw new ArgumentException($"{PathStyleVariable} must be true or false."),
        };
        var partSize = 8 * 1024 * 1024;
        if (NonBlank(variable(PartSizeVariable)) is { } partText)
        {
            if (
                !int.TryParse(
                    partText,
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var mib
                ) || mib is < 5 or > 5 * 1024
            )
            {
                throw new ArgumentException(
                    $"{PartSizeVariable} must be a whole number of MiB from 5 to 5120."
                );
            }
            partSize = mib * 1024 * 1024;
        }
        return new S3StorageOptions
        {
            ServiceUrl = serviceUrl,
            Region = NonBlank(variable(RegionVariable)) ?? NonBlank(variable("AWS_DEFAULT_REGION")),
            ForcePathStyle = pathStyle,
            PartSizeBytes = partSize,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the options cannot work.</summary>
    public void Validate()
    {
        if (PartSizeBytes < MinimumPartSizeBytes)
        {
            throw new ArgumentException(
                $"The S3 part size must be at least {MinimumPartSizeBytes} bytes (S3's minimum)."
            );
        }
        if (ServiceUrl is not null && ServiceUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("The S3 service URL must be http:// or https://.");
        }
    }

    private static string? NonBlank(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
