namespace MentalHealthInsights.Cli.Hosting;

/// <summary>A command input available as a local file (see <see cref="StorageArguments.StageInputAsync"/>).</summary>
/// <param name="path">The local file to read.</param>
/// <param name="display">What the user named: the local path or the s3:// URI (for messages and JSON).</param>
/// <param name="temporary">The folder holding a downloaded copy, deleted on dispose (or at process exit); null for a local input.</param>
internal sealed class StagedInput(string path, string display, TemporaryFolder? temporary)
    : IDisposable
{
    /// <summary>The local file to read.</summary>
    public string Path { get; } = path;

    /// <summary>What the user named: the local path or the s3:// URI.</summary>
    public string Display { get; } = display;

    public void Dispose() => temporary?.Dispose();
}
