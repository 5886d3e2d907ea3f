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
    /// Refuses (exit 1, a bad option value) a local output file that cannot be written, before
    /// anything is read: an existing folder, a path under a file, or a folder that does not let
    /// this process create files. Missing folders are fine (they are created). An
    /// <c>s3://</c> location passes (checked when it is written).
    /// </summary>
    /// <param name="option">The option named in the message, e.g. "--rejects".</param>
    /// <param name="text">The path as given.</param>
    public static void RequireWritableFile(string option, string text)
    {
        if (StorageLocation.IsS3(text))
        {
            return;
        }
        var full = Path.GetFullPath(text);
        if (Directory.Exists(full))
        {
            throw new CommandFailure(
                ExitCodes.Usage,
                $"{option} {full} is a folder; give the path of a file to write."
            );
        }
        RequireWritableFolder(option, full, Path.GetDirectoryName(full) ?? full);
    }

    /// <summary>
    /// Refuses (exit 1) a local output folder that cannot be written, before anything is read:
    /// an existing file, a path under a file, or a folder that does not let this process create
    /// files. An <c>s3://</c> prefix passes.
    /// </summary>
    /// <param name="option">The option named in the message, e.g. "--out".</param>
    /// <param name="text">The path as given.</param>
    public static void RequireWritableFolder(string option, string text)
    {
        if (StorageLocation.IsS3(text))
        {
            return;
        }
        var full = Path.GetFullPath(text);
        if (File.Exists(full))
        {
            throw new CommandFailure(
                ExitCodes.Usage,
                $"{option} {full} is a file; give a folder to write into."
            );
        }
        RequireWritableFolder(option, full, full);
    }

    /// <summary>
    /// The nearest existing folder of <paramref name="folder"/> must be a folder this process
    /// can create files in (checked by creating and deleting an empty file, so permissions,
    /// read-only mounts and ACLs all count; the probe's name never reaches the message).
    /// </summary>
    private static void RequireWritableFolder(string option, string full, string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                throw new CommandFailure(
                    ExitCodes.Usage,
                    $"{option} {full} cannot be written: {existing} is a file, not a folder."
                );
            }
            if (Path.GetDirectoryName(existing) is not { } parent)
            {
                return;
            }
            existing = parent;
        }
        try
        {
            using var probe = new FileStream(
                Path.Combine(existing, $".mhi-write-check-{Guid.NewGuid():N}"),
                FileMode.CreateNew,
                FileAccess.Write,
                FileShare.None,
                1,
                FileOptions.DeleteOnClose
            );
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailure(
                ExitCodes.Usage,
                $"{option} {full} cannot be written: the folder {existing} does not accept new files."
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
                LocalStorageLocation.FolderNotFileMessage(what, Path.GetFullPath(path))
            );
        }
    }
}
