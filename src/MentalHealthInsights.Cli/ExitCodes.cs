namespace MentalHealthInsights.Cli;

/// <summary>
/// The process exit codes of <c>mhi</c> (documented in the README). Scripts rely on them: never
/// renumber.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong (unknown command, missing or malformed option).</summary>
    public const int Usage = 1;

    /// <summary>The input data are unusable (missing file, missing columns, wrong delimiter, nothing valid to work on).</summary>
    public const int InvalidData = 2;

    /// <summary>An unexpected internal error (a bug): re-run with --verbose and report it.</summary>
    public const int InternalError = 3;

    /// <summary>The command was cancelled (Ctrl+C / SIGTERM), as shells expect (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
