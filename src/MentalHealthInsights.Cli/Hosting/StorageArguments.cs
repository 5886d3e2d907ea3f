using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// Command-line paths that may be <c>s3://bucket/key</c>: parses them (a malformed URI or
/// AWS_* setting is a usage error, exit 1) and stages them for code that needs local files.
/// Missing objects and S3 failures surface as <see cref="FileNotFoundException"/> /
/// <see cref="StorageException"/>, which <see cref="CommandRunner"/> reports as one line
/// (exit 2).
/// </summary>
internal static class StorageArguments
{
    /// <summary>The location <paramref name="text"/> names.</summary>
    public static StorageLocation Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CommandFailure(
                ExitCodes.Usage,
                "a path option is empty; give a file or folder path, or s3://bucket/key."
            );
        }
        try
        {
            return StorageLocation.Parse(text);
        }
        catch (ArgumentException ex)
        {
            throw CommandFailure.Usage(ex);
        }
    }

    /// <summary>
    /// A local copy of an input: the file itself for a local path (which must exist), or a
    /// streamed download into a temporary folder (same file name) for an S3 object.
    /// </summary>
    public static async Task<StagedInput> StageInputAsync(
        string text,
        CancellationToken cancellationToken
    )
    {
        var location = Parse(text);
        if (location is LocalStorageLocation local)
        {
            return new StagedInput(RequireLocalFile(local.FullPath), local.FullPath, null);
        }
        var folder = new TemporaryFolder();
        try
        {
            var path = Path.Combine(folder.Path, location.Name);
            await StorageTransfer.DownloadAsync(location, path, cancellationToken);
            return new StagedInput(path, location.Uri, folder);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Where a command writes an output folder: the folder itself for a local path; for an S3
    /// prefix, a temporary folder that <see cref="StagedOutput.PublishAsync"/> uploads once
    /// the command succeeded (a failed command uploads nothing).
    /// </summary>
    public static StagedOutput StageOutput(string text)
    {
        var location = Parse(text);
        if (location is LocalStorageLocation local)
        {
            return new StagedOutput(local.FullPath, null);
        }
        var folder = new TemporaryFolder();
        return new StagedOutput(folder.Path, location, folder);
    }

    /// <summary>
    /// Refuses (exit 1) an input that the command would overwrite: one of
    /// <paramref name="layout"/>'s files, or a file inside one of its folders, in the output
    /// folder <paramref name="output"/>. Checked before anything is read or written.
    /// </summary>
    public static void RequireNotOverwritten(
        string option,
        string input,
        string output,
        OutputFolderLayout layout
    )
    {
        var overwritten = layout.FindOverwritten(Parse(input), Parse(output));
        if (overwritten is not null)
        {
            var what = overwritten.EndsWith('/')
                ? $"inside {overwritten}, which this command replaces in --out"
                : $"{overwritten}, which this command writes into --out";
            throw new CommandFailure(
                ExitCodes.Usage,
                $"{option} is {what}; the input is never overwritten: choose another --out folder."
            );
        }
    }

    /// <summary>
    /// The full path of an existing local file that a command reads, or exit code 2 naming
    /// <paramref name="what"/> (e.g. "input file", "alert configuration"): "not found", or, for
    /// a folder, that a file is expected (opening a folder as a file fails with .NET's
    /// misleading "Access to the path … is denied.").
    /// </summary>
    public static string RequireLocalFile(string path, string what = "input file")
    {
        var full = Path.GetFullPath(path);
        RequireNotFolder(full, what);
        return File.Exists(full)
            ? full
            : throw new CommandFailure(ExitCodes.InvalidData, $"{what} not found: {full}");
    }

    /// <summary>
    /// Exit code 2 when the local <paramref name="path"/> that should name a file (a
    /// <paramref name="what"/>) is a folder; anything else passes (a missing file is left to the
    /// command's own message).
    /// </summary>
    public static void RequireNotFolder(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new CommandFailure(
                ExitCodes.InvalidData,
                $"{what} {Path.GetFullPath(path)} is a folder, not a file; give the path of a file."
            );
        }
    }
}
