namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>Limits and choices for <see cref="ModelBundleReader.Load(string, ModelBundleReaderOptions?)"/>.</summary>
public sealed record ModelBundleReaderOptions
{
    /// <summary>Default <see cref="MaxTotalBytes"/>: 512 MiB.</summary>
    public const long DefaultMaxTotalBytes = 512L * 1024 * 1024;

    /// <summary>Default <see cref="MaxEntries"/>: 64 (a bundle has at most five files).</summary>
    public const int DefaultMaxEntries = 64;

    /// <summary>The defaults.</summary>
    public static ModelBundleReaderOptions Default { get; } = new();

    /// <summary>
    /// Cap on the bundle's total size: the sum of its files, or of an archive's declared and
    /// actual uncompressed entry sizes (a zip-bomb guard), and on the archive file itself.
    /// Default <see cref="DefaultMaxTotalBytes"/>.
    /// </summary>
    public long MaxTotalBytes { get; init; } = DefaultMaxTotalBytes;

    /// <summary>Cap on the number of files (folder) or entries (archive). Default <see cref="DefaultMaxEntries"/>.</summary>
    public int MaxEntries { get; init; } = DefaultMaxEntries;

    /// <summary>
    /// Native threads for XGBoost prediction (<c>nthread</c>). Default 1: fastest and most
    /// stable for one-row serving (docs/xgboost.md).
    /// </summary>
    public int XGBoostThreads { get; init; } = 1;

    /// <summary>
    /// When set, the bundle's identity (<see cref="LoadedModelBundle.Sha256"/>, the SHA-256 of its
    /// manifest.json) must equal this value (lowercase hex), e.g. the one the registry recorded
    /// when the version was registered. Default null (not checked).
    /// </summary>
    public string? ExpectedSha256 { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTotalBytes, 1, nameof(MaxTotalBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEntries, 1, nameof(MaxEntries));
        ArgumentOutOfRangeException.ThrowIfLessThan(XGBoostThreads, 1, nameof(XGBoostThreads));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            XGBoostThreads,
            1024,
            nameof(XGBoostThreads)
        );
    }
}
