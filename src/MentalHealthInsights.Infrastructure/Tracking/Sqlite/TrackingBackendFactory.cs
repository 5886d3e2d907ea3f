using System.Text.RegularExpressions;
using MentalHealthInsights.Infrastructure.Artifacts.Local;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>
/// Chooses the stores from <c>MLFLOW_TRACKING_URI</c> (and <c>MLFLOW_REGISTRY_URI</c>), the
/// variables MLflow users already set:
/// <list type="bullet">
/// <item>unset or blank → <c>./mlruns.db</c> and <c>./mlartifacts/</c>;</item>
/// <item>a plain path, or <c>sqlite:///PATH</c> (SQLAlchemy's form: three slashes and a relative
/// path, four for an absolute one) → that database, artifacts in <c>mlartifacts/</c> beside it;</item>
/// <item><c>http://</c>, <c>https://</c> → <see cref="NotSupportedException"/> for now: the MLflow
/// REST adapter is not built yet (it will replace that branch);</item>
/// <item>anything else (MLflow's deprecated <c>file:</c> store, <c>postgresql://</c>, …) →
/// <see cref="NotSupportedException"/>.</item>
/// </list>
/// A bad local URI (e.g. a path that is a folder) → <see cref="ArgumentException"/>.
/// </summary>
public static partial class TrackingBackendFactory
{
    /// <summary>The environment variable naming the tracking store.</summary>
    public const string TrackingUriVariable = "MLFLOW_TRACKING_URI";

    /// <summary>The environment variable naming the registry store when it differs.</summary>
    public const string RegistryUriVariable = "MLFLOW_REGISTRY_URI";

    /// <summary>The default database file name.</summary>
    public const string DefaultDatabaseFile = "mlruns.db";

    /// <summary>The default artifact folder name, beside the database.</summary>
    public const string DefaultArtifactFolder = "mlartifacts";

    /// <summary>The stores named by the process environment.</summary>
    public static TrackingBackend FromEnvironment(
        TimeProvider timeProvider,
        string userName = ""
    ) =>
        Create(
            new TrackingBackendOptions
            {
                TrackingUri = Environment.GetEnvironmentVariable(TrackingUriVariable),
                RegistryUri = Environment.GetEnvironmentVariable(RegistryUriVariable),
                UserName = userName,
            },
            timeProvider
        );

    /// <summary>The stores named by <paramref name="options"/>.</summary>
    public static TrackingBackend Create(TrackingBackendOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var workingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory;
        var tracking = ResolveLocal(options.TrackingUri, workingDirectory);
        var registry = string.IsNullOrWhiteSpace(options.RegistryUri)
            ? tracking
            : ResolveLocal(options.RegistryUri, workingDirectory);
        var artifacts = new LocalArtifactStore(tracking.ArtifactRoot);
        return new TrackingBackend(
            new SqliteTrackingStore(
                new SqliteTrackingOptions
                {
                    DatabasePath = tracking.DatabasePath,
                    DefaultArtifactRoot = artifacts.RootUri,
                    UserName = options.UserName,
                },
                timeProvider
            ),
            new SqliteModelRegistry(
                new SqliteTrackingOptions
                {
                    DatabasePath = registry.DatabasePath,
                    DefaultArtifactRoot = FileUris.ToFileUri(registry.ArtifactRoot),
                    UserName = options.UserName,
                },
                timeProvider
            ),
            artifacts,
            tracking.Uri,
            registry.Uri,
            artifacts.RootDirectory
        );
    }

    /// <summary>
    /// Where a local tracking URI puts its database and artifacts (see the class remarks for the
    /// forms). Throws <see cref="NotSupportedException"/> for remote and unsupported schemes.
    /// </summary>
    public static LocalTrackingLocation ResolveLocal(string? uri, string workingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        string path;
        if (string.IsNullOrWhiteSpace(uri))
        {
            path = Path.Combine(workingDirectory, DefaultDatabaseFile);
        }
        else
        {
            var text = uri.Trim();
            var scheme = SchemePattern().Match(text);
            if (!scheme.Success)
            {
                path = text;
            }
            else
            {
                path = scheme.Groups[1].Value.ToUpperInvariant() switch
                {
                    "SQLITE" => SqlitePath(text),
                    // TODO(issue 4, REST adapter): return the MLflow REST stores here.
                    "HTTP" or "HTTPS" => throw new NotSupportedException(
                        "the MLflow REST adapter is not built yet: MLFLOW_TRACKING_URI "
                            + $"'{text}' names an MLflow server; unset it or use a path or sqlite:///PATH for the local store."
                    ),
                    "FILE" => throw new NotSupportedException(
                        $"'{text}' names MLflow's file store, which MLflow deprecated; use sqlite:///PATH (or a .db path) instead."
                    ),
                    var other => throw new NotSupportedException(
                        $"Unsupported tracking URI scheme '{other.ToLowerInvariant()}:' in '{text}'; use a path, sqlite:///PATH or http(s)://."
                    ),
                };
            }
        }
        var full = Path.GetFullPath(path, Path.GetFullPath(workingDirectory));
        if (Directory.Exists(full))
        {
            throw new ArgumentException(
                $"The tracking location '{full}' is a folder (MLflow's old file store?); point {TrackingUriVariable} at a database file such as '{Path.Combine(full, DefaultDatabaseFile)}'.",
                nameof(uri)
            );
        }
        return new LocalTrackingLocation(
            full,
            Path.Combine(Path.GetDirectoryName(full) ?? workingDirectory, DefaultArtifactFolder)
        );
    }

    // SQLAlchemy's form: sqlite:/// + path, so sqlite:///x.db is relative and sqlite:////x.db absolute.
    private static string SqlitePath(string uri)
    {
        const string prefix = "sqlite:///";
        if (
            !uri.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || uri.Length == prefix.Length
        )
        {
            throw new ArgumentException(
                $"Invalid SQLite URI '{uri}': expected sqlite:///relative/path.db or sqlite:////absolute/path.db.",
                nameof(uri)
            );
        }
        var path = uri[prefix.Length..];
        if (path.Contains('?', StringComparison.Ordinal) || path == ":memory:")
        {
            throw new ArgumentException(
                $"Invalid SQLite URI '{uri}': in-memory databases and query options are not supported.",
                nameof(uri)
            );
        }
        return path;
    }

    // A scheme has at least two characters, so a Windows drive letter ("C:") is a path.
    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]+):")]
    private static partial Regex SchemePattern();
}
