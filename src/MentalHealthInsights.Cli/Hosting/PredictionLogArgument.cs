using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>The <c>--prediction-log</c> option of <c>mhi monitor</c> and <c>mhi labels import</c>.</summary>
internal static class PredictionLogArgument
{
    /// <summary>
    /// Opens the prediction log named by --prediction-log (the serving adapter: a SQLite path or
    /// sqlite:/// URI, or a PostgreSQL URI / connection string). A SQLite log that does not exist
    /// is an error, not an empty window (nor, for <c>mhi labels import</c>, a new empty log), and
    /// so is a file that is not a SQLite database.
    /// </summary>
    public static IPredictionLogStore Open(string? uri)
    {
        try
        {
            if (PredictionLogStoreFactory.SqlitePath(uri) is { } path)
            {
                if (Directory.Exists(path))
                {
                    throw new CommandFailure(
                        ExitCodes.InvalidData,
                        $"'{path}' is a folder, not a prediction log: give the SQLite file mhi serve writes (predictions.db by default)."
                    );
                }
                if (!File.Exists(path))
                {
                    throw new CommandFailure(
                        ExitCodes.InvalidData,
                        $"No prediction log at '{path}' (it is created by mhi serve)."
                    );
                }
                if (!IsSqliteFile(path))
                {
                    throw new CommandFailure(
                        ExitCodes.InvalidData,
                        $"'{path}' is not a prediction log (not a SQLite database)."
                    );
                }
            }
            return PredictionLogStoreFactory.Create(uri);
        }
        catch (ArgumentException e)
        {
            throw CommandFailure.Usage(e);
        }
    }

    /// <summary>True for an empty file (SQLite creates the database in it) or one starting with SQLite's header.</summary>
    private static bool IsSqliteFile(string path)
    {
        ReadOnlySpan<byte> magic = "SQLite format 3\0"u8;
        Span<byte> start = stackalloc byte[16];
        using var stream = new FileStream(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.ReadWrite
        );
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return read == 0 || start[..read].SequenceEqual(magic);
    }
}
