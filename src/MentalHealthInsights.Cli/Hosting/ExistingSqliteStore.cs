namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// The check of commands that only read a SQLite store (alerts list, pipeline runs/show/cancel,
/// models and runs): the file must exist, and when a test is given it must be that kind of store;
/// otherwise exit 2 and nothing is created — opening the store would create the file, or add the
/// store's tables to another database.
/// </summary>
internal static class ExistingSqliteStore
{
    /// <summary>
    /// Exit 2 with <paramref name="missing"/> when <paramref name="path"/> does not exist, or with
    /// <paramref name="notTheStore"/> when <paramref name="isTheStore"/> says it is another file.
    /// A null <paramref name="path"/> (a server store) passes.
    /// </summary>
    public static void Require(
        string? path,
        string missing,
        Func<string, bool>? isTheStore = null,
        string? notTheStore = null
    )
    {
        if (path is null)
        {
            return;
        }
        if (!File.Exists(path))
        {
            throw new CommandFailure(ExitCodes.InvalidData, missing);
        }
        if (isTheStore is not null && !isTheStore(path))
        {
            throw new CommandFailure(ExitCodes.InvalidData, notTheStore ?? missing);
        }
    }
}
