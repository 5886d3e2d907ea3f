namespace MentalHealthInsights.Core.Scoring.Bundles;

/// <summary>
/// A model bundle could not be read (or written). <see cref="Exception.Message"/> is meant for
/// people: it starts with the file it is about ("model.json: SHA-256 does not match the manifest
/// (the file was changed or truncated)"), says what is wrong and, where possible, what to do.
/// Messages name files and fields, never dataset record values.
/// </summary>
public sealed class ModelBundleException : Exception
{
    /// <summary>Creates an exception of kind <see cref="ModelBundleErrorKind.ManifestInvalid"/>.</summary>
    public ModelBundleException()
        : this(ModelBundleErrorKind.ManifestInvalid, null, "The model bundle is invalid.") { }

    /// <summary>Creates an exception of kind <see cref="ModelBundleErrorKind.ManifestInvalid"/>.</summary>
    public ModelBundleException(string message)
        : this(ModelBundleErrorKind.ManifestInvalid, null, message) { }

    /// <summary>Creates an exception of kind <see cref="ModelBundleErrorKind.ManifestInvalid"/>.</summary>
    public ModelBundleException(string message, Exception innerException)
        : this(ModelBundleErrorKind.ManifestInvalid, null, message, innerException) { }

    /// <summary>Creates an exception about <paramref name="fileName"/> (null when about the bundle as a whole).</summary>
    /// <param name="kind">What is wrong.</param>
    /// <param name="fileName">The bundle file (or archive entry) concerned, e.g. "model.json".</param>
    /// <param name="problem">What is wrong with it; the message is "fileName: problem".</param>
    /// <param name="innerException">The underlying cause, if any (for logs; its text is not shown to users).</param>
    public ModelBundleException(
        ModelBundleErrorKind kind,
        string? fileName,
        string problem,
        Exception? innerException = null
    )
        : base(fileName is null ? problem : fileName + ": " + problem, innerException)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Kind = kind;
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>What is wrong.</summary>
    public ModelBundleErrorKind Kind { get; }

    /// <summary>The bundle file or archive entry the error is about; null when about the bundle as a whole.</summary>
    public string? FileName { get; }

    /// <summary>What is wrong, without the file name (the message is "FileName: Problem").</summary>
    public string Problem { get; }

    /// <summary>The bundle folder or archive being read or written, when known.</summary>
    public string? BundlePath { get; init; }
}
