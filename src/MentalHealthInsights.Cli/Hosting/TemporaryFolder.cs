namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// A fresh folder under the system temporary folder (<c>$TMPDIR</c>, else <c>/tmp</c>) for
/// staged S3 inputs and outputs or downloaded model bundles, deleted on <see cref="Dispose"/>, which commands reach on
/// success, failure and cancellation alike. It is also deleted when the process exits without
/// reaching it: on Ctrl+C or SIGTERM, System.CommandLine waits only a short grace period for
/// the command to stop before returning from <c>Main</c>, and work such as model training may
/// not stop that fast. Only SIGKILL (or a power cut) leaves it behind.
/// </summary>
internal sealed class TemporaryFolder : IDisposable
{
    private int disposed;

    /// <summary>Creates <c>TMP/PREFIXGUID</c>.</summary>
    /// <param name="prefix">Start of the folder's name (default <c>mhi-s3-</c>).</param>
    public TemporaryFolder(string prefix = "mhi-s3-")
    {
        Path = Directory
            .CreateDirectory(
                System.IO.Path.Combine(
                    System.IO.Path.GetTempPath(),
                    prefix + Guid.NewGuid().ToString("N")
                )
            )
            .FullName;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Deletes the folder and everything in it (once).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process is ending: nothing left to report to, and nothing else to try.
        }
    }
}
