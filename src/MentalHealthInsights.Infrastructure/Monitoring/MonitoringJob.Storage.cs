using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Monitoring;

// The storage edges of a monitoring run: CSV inputs that may be s3:// objects (streamed into
// the validator, never staged) and report files that may be published to an s3:// prefix.
public sealed partial class MonitoringJob
{
    /// <summary>
    /// Checks, before anything is written, that a local reference or current file exists, is a
    /// file and can be opened, so a run on a missing input leaves no output folder behind. An
    /// s3:// object is checked when it is read.
    /// </summary>
    /// <exception cref="MonitoringInputException">The message names the input and the problem.</exception>
    private static void RequireInput(string path, string role)
    {
        if (!ParseLocation(path, role).IsLocal)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new MonitoringInputException(
                LocalStorageLocation.FolderNotFileMessage($"The {role} file", full)
            );
        }

        if (!File.Exists(full))
        {
            throw new MonitoringInputException($"The {role} file {path} does not exist.");
        }

        try
        {
            using var probe = new FileStream(
                full,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                1
            );
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MonitoringInputException(
                $"The {role} file {path} cannot be read: {ex.Message}",
                ex
            );
        }
    }

    private static StorageLocation ParseLocation(string path, string role)
    {
        try
        {
            return StorageLocation.Parse(path);
        }
        catch (ArgumentException ex)
        {
            throw new MonitoringInputException($"The {role} location: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Loads a reference or current CSV from a local path (checked by <see cref="RequireInput"/>)
    /// or an s3:// URI. The current data may be unlabelled (<see cref="TargetRequirement.Optional"/>);
    /// the reference must have outcomes (CBPE and the measured reference quality are fitted on them).
    /// </summary>
    /// <exception cref="MonitoringInputException">Missing object, S3 refused or unreachable (the message names the location, never data).</exception>
    private static LoadedDataset LoadDataset(
        string path,
        string role,
        TargetRequirement target,
        MonitoringJobOptions options,
        string rejectsPath,
        CancellationToken cancellationToken
    )
    {
        var location = ParseLocation(path, role);
        try
        {
            return StorageDatasetLoader.Load(
                location,
                options.Validation,
                target,
                rejectsPath,
                null,
                cancellationToken
            );
        }
        catch (Exception ex)
            when (!location.IsLocal && ex is FileNotFoundException or StorageException)
        {
            throw new MonitoringInputException($"The {role} file: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Uploads the finished report files to <see cref="MonitoringJobOptions.PublishTo"/> (each
    /// object appears whole or not at all; the HTML report last, so its presence means the run
    /// is complete) and returns their URIs; without a target, returns <paramref name="written"/>.
    /// </summary>
    private static async Task<MonitoringOutput> PublishAsync(
        MonitoringJobOptions options,
        MonitoringOutput written,
        CancellationToken cancellationToken
    )
    {
        if (options.PublishTo is not { } target)
        {
            return written;
        }

        // The rejects files this run wrote (a window of the prediction log has none).
        string[] rejects = options.CurrentPath is null
            ? [ReferenceRejectsFile]
            : [ReferenceRejectsFile, CurrentRejectsFile];
        foreach (
            var file in rejects
                .Select(name => Path.Combine(options.OutputDirectory, name))
                .Where(File.Exists)
        )
        {
            await UploadAsync(file, target, cancellationToken);
        }

        var json = await UploadAsync(written.JsonPath, target, cancellationToken);
        var profile = written.ProfilePath is { } path
            ? await UploadAsync(path, target, cancellationToken)
            : null;
        var html = await UploadAsync(written.HtmlPath, target, cancellationToken);
        return new MonitoringOutput(html, json, profile);
    }

    private static async Task<string> UploadAsync(
        string localPath,
        StorageLocation target,
        CancellationToken cancellationToken
    )
    {
        var destination = target.Child(Path.GetFileName(localPath));
        await StorageTransfer.UploadAsync(localPath, destination, cancellationToken);
        return destination.Uri;
    }
}
