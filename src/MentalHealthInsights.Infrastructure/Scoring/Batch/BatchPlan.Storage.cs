using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

// The storage edges of a plan: s3:// inputs (one object or a prefix) and s3:// outputs, which
// are built as local files in the work folder and uploaded only when the job completes. The
// scoring itself only ever sees local output files and input streams.
internal sealed partial class BatchPlan
{
    /// <summary>Where the finished output is uploaded; null when <see cref="Output"/> is the final local file.</summary>
    public StorageLocation? OutputTarget { get; private init; }

    /// <summary>Where the finished rejects file is uploaded; null when <see cref="Rejects"/> is the final local file.</summary>
    public StorageLocation? RejectsTarget { get; private init; }

    /// <summary>The local folder holding the work files of S3 outputs.</summary>
    public string WorkDirectory { get; private init; } = "";

    /// <summary>True when an output or the rejects file goes to S3.</summary>
    public bool HasRemoteTargets => OutputTarget is not null || RejectsTarget is not null;

    /// <summary>What the user named as the output: the s3:// URI or the local path.</summary>
    public string OutputDisplay => OutputTarget?.Uri ?? Output;

    /// <summary>What the user named as the rejects file: the s3:// URI or the local path.</summary>
    public string RejectsDisplay => RejectsTarget?.Uri ?? Rejects;

    /// <summary>
    /// Opens an input for reading: a local file, or the S3 object streamed as it is read
    /// (never downloaded whole). Called on the reader thread, which is synchronous.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file or object is gone.</exception>
    /// <exception cref="StorageException">S3 refused or could not be reached.</exception>
    internal static Stream OpenInput(BatchInputFile file, CancellationToken cancellationToken) =>
        file.Remote is { } remote
            ? remote.OpenReadAsync(cancellationToken).GetAwaiter().GetResult()
            : new FileStream(
                file.Path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                bufferSize: 0,
                FileOptions.SequentialScan
            );

    /// <summary>
    /// The local file a job writes for <paramref name="text"/>: the path itself, or for
    /// <c>s3://bucket/key</c> the mirror <c>WORK/s3/bucket/key</c> plus the S3 target.
    /// </summary>
    private static (string Local, StorageLocation? Target) ResolveOutput(
        string text,
        BatchScoringOptions options
    )
    {
        if (!StorageLocation.IsS3(text))
        {
            return (Path.GetFullPath(text), null);
        }

        var target = (S3StorageLocation)StorageLocation.Parse(text, options.S3);
        var key = target.ObjectUri.Key;
        var segments = key.Split('/');
        if (key.Length == 0 || segments.Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException(
                $"{target.Uri} must name an object (s3://bucket/path/file.csv), without empty, '.' or '..' segments."
            );
        }

        return (
            Path.Combine([options.WorkDirectoryPath, "s3", target.ObjectUri.Bucket, .. segments]),
            target
        );
    }

    /// <summary>
    /// The objects of an s3:// input: the object itself when it exists (and the URI does not
    /// end with <c>/</c>), else the <c>*.csv</c> objects directly under the prefix, in key order
    /// (ordinal, as a local folder is read), leaving out this job's own outputs, and — with a
    /// notice, as in a local folder — empty objects and earlier jobs' results.
    /// </summary>
    private static (IReadOnlyList<BatchInputFile> Files, string? Error) ListRemoteInputs(
        BatchScoringOptions options,
        string output,
        string rejects,
        List<string> notices,
        CancellationToken cancellationToken
    )
    {
        var input = (S3StorageLocation)StorageLocation.Parse(options.Input, options.S3);
        if (string.Equals(input.Uri, output, StringComparison.Ordinal))
        {
            throw new ArgumentException("The output must not be the input file.", nameof(options));
        }

        // As for a local file (ListInputs): the rejects would be uploaded over the input object.
        if (string.Equals(input.Uri, rejects, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "The rejects file must not be the input file.",
                nameof(options)
            );
        }

        var key = input.ObjectUri.Key;
        if (key.Length > 0 && !key.EndsWith('/'))
        {
            if (input.StatAsync(cancellationToken).GetAwaiter().GetResult() is { } single)
            {
                return (
                    [
                        NewInput(
                            input.Uri,
                            input.Name,
                            single.Size,
                            single.LastModified?.UtcTicks ?? 0,
                            input,
                            single.ETag
                        ),
                    ],
                    null
                );
            }
        }

        var files = ListPrefix(input, output, rejects, notices, cancellationToken)
            .GetAwaiter()
            .GetResult();
        if (files.Count > 0)
        {
            return (files, null);
        }

        if (key.Length > 0 && !key.EndsWith('/'))
        {
            // Neither an object nor a prefix with files: let S3 say why (NoSuchKey,
            // NoSuchBucket, AccessDenied), exactly as for any other missing input.
            using var missing = input.OpenReadAsync(cancellationToken).GetAwaiter().GetResult();
        }

        return ([], $"The folder {input.Uri} has no .csv files to score.");
    }

    private static async Task<List<BatchInputFile>> ListPrefix(
        S3StorageLocation input,
        string output,
        string rejects,
        List<string> notices,
        CancellationToken cancellationToken
    )
    {
        var files = new List<BatchInputFile>();
        await foreach (var item in input.ListAsync(cancellationToken))
        {
            // Top level only, like a local folder: "sub/x.csv" belongs to a sub-folder.
            if (
                item.RelativePath.Contains('/', StringComparison.Ordinal)
                || !item.RelativePath.EndsWith(".csv", StringComparison.Ordinal)
                || await IsOwnObjectAsync(
                    item,
                    output,
                    BatchScoringJob.OutputHeader,
                    "output",
                    cancellationToken
                )
                || await IsOwnObjectAsync(
                    item,
                    rejects,
                    BatchScoringJob.RejectsHeader,
                    "rejects file",
                    cancellationToken
                )
            )
            {
                continue;
            }

            if (await RemoteSkipReasonAsync(item, cancellationToken) is { } reason)
            {
                notices.Add($"Skipped {item.RelativePath}: {reason}");
                continue;
            }

            files.Add(
                NewInput(
                    item.Location.Uri,
                    item.RelativePath,
                    item.Size,
                    item.LastModified?.UtcTicks ?? 0,
                    item.Location,
                    item.ETag
                )
            );
        }

        // S3 lists keys in UTF-8 byte order; sort anyway so the order never depends on the server.
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>As <see cref="SkipReason"/> for an object of an s3:// prefix input.</summary>
    private static async Task<string?> RemoteSkipReasonAsync(
        StorageObject item,
        CancellationToken cancellationToken
    )
    {
        if (item.Size == 0)
        {
            return EmptyInputReason;
        }

        await using var stream = await item.Location.OpenReadAsync(cancellationToken);
        using var reader = new StreamReader(stream, InputEncoding, true);
        return StartsWithResultsHeader(reader) ? ResultsFileReason : null;
    }

    /// <summary>
    /// As <see cref="IsOwnFile"/> for a local folder: true when <paramref name="item"/> is
    /// <paramref name="own"/> written by an earlier run (its first line is
    /// <paramref name="header"/>), so it is skipped; throws when it is <paramref name="own"/> but
    /// holds anything else, so an input object is never overwritten by the upload.
    /// </summary>
    private static async Task<bool> IsOwnObjectAsync(
        StorageObject item,
        string own,
        string header,
        string what,
        CancellationToken cancellationToken
    )
    {
        if (!string.Equals(item.Location.Uri, own, StringComparison.Ordinal))
        {
            return false;
        }

        string? first;
        await using (var stream = await item.Location.OpenReadAsync(cancellationToken))
        using (var reader = new StreamReader(stream, InputEncoding, true))
        {
            first = await reader.ReadLineAsync(cancellationToken);
        }

        return string.Equals(first, header, StringComparison.Ordinal)
            ? true
            : throw new ArgumentException(
                $"The {what} must not be the input file ({item.RelativePath} is a .csv object of the input prefix).",
                nameof(own)
            );
    }
}
