namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// The parts of an <c>s3://bucket/key</c> URI. The key is kept exactly as written (S3 keys are
/// case-sensitive and may contain any character); an empty key names the bucket root.
/// </summary>
/// <param name="Bucket">The bucket name (never empty).</param>
/// <param name="Key">The object key or key prefix, without a leading <c>/</c>; may be empty.</param>
public sealed record S3ObjectUri(string Bucket, string Key)
{
    /// <summary>The URI scheme, with its separator.</summary>
    public const string Prefix = "s3://";

    /// <summary>True when <paramref name="text"/> starts with <c>s3://</c> (case-insensitive).</summary>
    public static bool IsS3(string? text) =>
        text is not null && text.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses <c>s3://bucket[/key]</c>. Bucket names follow S3's rules (3–63 characters of
    /// lower-case letters, digits, <c>.</c> and <c>-</c>); anything else is an
    /// <see cref="ArgumentException"/> naming the problem.
    /// </summary>
    public static S3ObjectUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!IsS3(trimmed))
        {
            throw new ArgumentException($"'{text}' is not an s3:// URI.", nameof(text));
        }
        var rest = trimmed[Prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? "" : rest[(slash + 1)..];
        if (!IsValidBucket(bucket))
        {
            throw new ArgumentException(
                $"'{text}' does not name a valid S3 bucket (3-63 characters: a-z, 0-9, '.', '-').",
                nameof(text)
            );
        }
        if (key.StartsWith('/') || key.Contains("//", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{text}' has an empty key segment ('//'); write s3://bucket/path/to/object.",
                nameof(text)
            );
        }
        return new S3ObjectUri(bucket, key);
    }

    /// <summary>This location with <paramref name="relative"/> (a <c>/</c>-separated path) appended as a child.</summary>
    public S3ObjectUri Child(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        var child = relative.Trim('/');
        if (child.Length == 0)
        {
            return this;
        }
        return this with { Key = Key.Length == 0 ? child : Key.TrimEnd('/') + "/" + child };
    }

    /// <summary>The key as a listing prefix: empty for the bucket root, else ending with <c>/</c>.</summary>
    public string DirectoryPrefix => Key.Length == 0 || Key.EndsWith('/') ? Key : Key + "/";

    /// <summary>The <c>s3://bucket/key</c> text.</summary>
    public override string ToString() =>
        Key.Length == 0 ? Prefix + Bucket : Prefix + Bucket + "/" + Key;

    private static bool IsValidBucket(string bucket) =>
        bucket.Length is >= 3 and <= 63
        && char.IsAsciiLetterOrDigit(bucket[0])
        && char.IsAsciiLetterOrDigit(bucket[^1])
        && bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-');
}
