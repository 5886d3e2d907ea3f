using System.Globalization;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// The XGBoost native library could not be loaded or is older than 1.7. The message tells the
/// user what to install (Debian/Ubuntu: <c>apt-get install libxgboost0 libxgboost-dev</c>).
/// </summary>
public sealed class XGBoostUnavailableException : XGBoostException
{
    /// <summary>The install command shown to users.</summary>
    public const string InstallCommand = "apt-get install libxgboost0 libxgboost-dev";

    /// <summary>Creates the exception with the standard "not installed" message.</summary>
    public XGBoostUnavailableException()
        : base(NotInstalledMessage) { }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public XGBoostUnavailableException(string message)
        : base(message) { }

    /// <summary>Creates an exception with <paramref name="message"/> and its cause.</summary>
    public XGBoostUnavailableException(string message, Exception innerException)
        : base(message, innerException) { }

    private static string NotInstalledMessage =>
        "The XGBoost native library (libxgboost, version 1.7 or later) could not be loaded. "
        + $"Install it with: {InstallCommand} (Debian/Ubuntu), or put libxgboost on the "
        + "library search path (LD_LIBRARY_PATH).";

    internal static XGBoostUnavailableException NotInstalled(Exception cause) =>
        new(NotInstalledMessage, cause);

    internal static XGBoostUnavailableException TooOld(string found, Version minimum) =>
        new(
            string.Create(
                CultureInfo.InvariantCulture,
                $"XGBoost {found} is installed but this binding needs {minimum.Major}.{minimum.Minor} or later. "
                    + $"Install a newer library, e.g. {InstallCommand} on Debian 12."
            )
        );
}
