namespace MentalHealthInsights.Cli.Hosting;

/// <summary>A command input available as a local file (see <see cref="StorageArguments.StageInputAsync"/>).</summary>
/// <param name="Path">The local file to read.</param>
/// <param name="Display">What the user named: the local path or the s3:// URI (for messages and JSON).</param>
/// <param name="TemporaryFolder">The folder holding a downloaded copy, deleted on dispose; null for a local input.</param>
internal sealed record StagedInput(string Path, string Display, string? TemporaryFolder)
    : IDisposable
{
    public void Dispose()
    {
        if (TemporaryFolder is not null && Directory.Exists(TemporaryFolder))
        {
            Directory.Delete(TemporaryFolder, recursive: true);
        }
    }
}
