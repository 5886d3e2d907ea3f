using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Monitoring;

// The storage edges of a monitoring run: CSV inputs that may be s3:// objects (streamed into
// the validator, never staged) and report files that may be published to an s3:// prefix.
public sealed partial class MonitoringJob
{
    /// <summary>Loads a reference or current CSV from a local path or an s3:// URI.</summary>
    /// <exception cref="MonitoringInputException">Missing file or object, S3 refused or unreachable (the message names the location, never data).</exception>
    private static LoadedDataset LoadDataset(
        string path,
        string role,
        MonitoringJobOptions options,
        string rejectsPath,
        CancellationToken cancellationToken
    )
    {
        StorageLocation location;
        try
        {
            location = StorageLocation.Parse(path);
        }
        catch (ArgumentException ex)
        {
            throw new MonitoringInputException($"The {role} location: {ex.Message}", ex);
        }

        if (location.IsLocal && !File.Exists(path))
        {
            throw new MonitoringInputException($"The {role} file {path} does not exist.");
        }

        try
        {
            return StorageDatasetLoader.Load(
                location,
                options.Validation,
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
