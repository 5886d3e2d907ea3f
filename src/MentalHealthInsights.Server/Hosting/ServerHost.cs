namespace MentalHealthInsights.Server.Hosting;

/// <summary>Runs the server and turns a refused start into one clear log line and exit code 2.</summary>
internal static partial class ServerHost
{
    /// <summary>Exit code of a configuration the server refuses (as the CLI's invalid-data code).</summary>
    public const int RefusedExitCode = 2;

    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (StartupRefusedException ex)
        {
            LogRefused(app.Logger, ex.Message);
            return RefusedExitCode;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The server refuses to start: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
