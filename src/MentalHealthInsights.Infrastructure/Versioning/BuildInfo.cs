using System.Diagnostics;
using System.Reflection;
using MentalHealthInsights.Infrastructure.Training.XGBoost;
using Microsoft.ML;

namespace MentalHealthInsights.Infrastructure.Versioning;

/// <summary>
/// Versions and the source commit recorded with every model and run, so a result can be traced
/// to exactly what produced it.
/// </summary>
public static class BuildInfo
{
    /// <summary>The library versions that influence results: this tool, .NET, ML.NET, XGBoost.</summary>
    public static IReadOnlyDictionary<string, string> LibraryVersions()
    {
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["mhi"] = ToolVersion,
            ["dotnet"] = Environment.Version.ToString(),
            ["ml_net"] = Version(typeof(MLContext).Assembly),
        };
        try
        {
            versions["xgboost"] = XGBoostModel.LibraryVersion;
        }
        catch (XGBoostException)
        {
            versions["xgboost"] = "unavailable";
        }
        return versions;
    }

    /// <summary>This tool's informational version.</summary>
    public static string ToolVersion => Version(typeof(BuildInfo).Assembly);

    /// <summary>
    /// The git commit of <paramref name="directory"/>'s work tree (with "-dirty" when it has
    /// uncommitted changes), or null when it is not a git checkout or git is missing.
    /// </summary>
    public static string? GitCommit(string directory)
    {
        var commit = Git(directory, "rev-parse", "HEAD");
        if (commit is null)
        {
            return null;
        }
        var status = Git(directory, "status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrEmpty(status) ? commit : commit + "-dirty";
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static string? Git(string directory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(5000) || process.ExitCode != 0)
            {
                return null;
            }
            return output.Trim();
        }
        catch (Exception ex)
            when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
