using System.Text.RegularExpressions;
using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.Local;
using MentalHealthInsights.Infrastructure.Artifacts.Rest;
using MentalHealthInsights.Infrastructure.Artifacts.S3;
using MentalHealthInsights.Infrastructure.Http;
using MentalHealthInsights.Infrastructure.Storage;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>
/// Chooses the stores from <c>MLFLOW_TRACKING_URI</c> (and <c>MLFLOW_REGISTRY_URI</c>), the
/// variables MLflow users already set:
/// <list type="bullet">
/// <item>unset or blank → <c>./mlruns.db</c> and <c>./mlartifacts/</c>;</item>
/// <item>a plain path, or <c>sqlite:///PATH</c> (SQLAlchemy's form: three slashes and a relative
/// path, four for an absolute one) → that database, artifacts in <c>mlartifacts/</c> beside it;</item>
/// <item><c>http://</c>, <c>https://</c> → an MLflow tracking server over REST
/// (<see cref="RestTrackingStore"/>, <see cref="RestModelRegistry"/>, <see cref="RestArtifactStore"/>),
/// authenticated from <c>MLFLOW_TRACKING_TOKEN</c> or <c>MLFLOW_TRACKING_USERNAME</c>/<c>MLFLOW_TRACKING_PASSWORD</c>;</item>
/// <item>artifacts: <c>MHI_ARTIFACT_URI</c> (<c>s3://bucket/prefix</c> or a folder) moves new
/// experiments' artifacts of a local store there; <c>s3://</c> run artifact URIs are always
/// read and written through <see cref="S3ArtifactStore"/>, whatever the store;</item>
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

    /// <summary>Bearer token for an MLflow server (MLflow's variable).</summary>
    public const string TokenVariable = "MLFLOW_TRACKING_TOKEN";

    /// <summary>Basic-auth user for an MLflow server (MLflow's variable).</summary>
    public const string UsernameVariable = "MLFLOW_TRACKING_USERNAME";

    /// <summary>Basic-auth password for an MLflow server (MLflow's variable).</summary>
    public const string PasswordVariable = "MLFLOW_TRACKING_PASSWORD";

    /// <summary>The environment variable naming the artifact root of new experiments (ours).</summary>
    public const string ArtifactUriVariable = "MHI_ARTIFACT_URI";

    /// <summary>The default database file name.</summary>
    public const string DefaultDatabaseFile = "mlruns.db";

    /// <summary>The default artifact folder name, beside the database.</summary>
    public const string DefaultArtifactFolder = "mlartifacts";

    /// <summary>The stores named by the process environment.</summary>
    public static TrackingBackend FromEnvironment(
        TimeProvider timeProvider,
        string userName = ""
    ) => Create(EnvironmentOptions(userName: userName), timeProvider);

    /// <summary>
    /// The options MLflow users set through the environment: the tracking and registry URIs
    /// and the server credentials (token, or user name and password). A non-null
    /// <paramref name="trackingUri"/> (e.g. from a command-line flag) takes the place of
    /// MLFLOW_TRACKING_URI; the credentials always come from the environment, so every caller
    /// that names its own URI still authenticates the same way. A non-null
    /// <paramref name="artifactUri"/> (e.g. <c>--artifacts</c>) takes the place of MHI_ARTIFACT_URI.
    /// MHI_ARTIFACT_URI is ignored when the tracking URI names an MLflow server (the server
    /// chooses the artifact root), so one environment can serve both kinds of store; an
    /// explicit <paramref name="artifactUri"/> with a server is refused by <see cref="Create"/>.
    /// </summary>
    public static TrackingBackendOptions EnvironmentOptions(
        string? trackingUri = null,
        string userName = "",
        string? artifactUri = null
    )
    {
        var tracking = trackingUri ?? Environment.GetEnvironmentVariable(TrackingUriVariable);
        return new()
        {
            TrackingUri = tracking,
            ArtifactUri =
                artifactUri
                ?? (
                    IsServerText(tracking)
                        ? null
                        : Environment.GetEnvironmentVariable(ArtifactUriVariable)
                ),
            RegistryUri = Environment.GetEnvironmentVariable(RegistryUriVariable),
            UserName = userName,
            Token = Environment.GetEnvironmentVariable(TokenVariable),
            BasicAuthUser = Environment.GetEnvironmentVariable(UsernameVariable),
            BasicAuthPassword = Environment.GetEnvironmentVariable(PasswordVariable),
        };
    }

    private static bool IsServerText(string? uri) =>
        uri is not null
        && (
            uri.TrimStart().StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || uri.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        );

    /// <summary>The stores named by <paramref name="options"/>.</summary>
    public static TrackingBackend Create(TrackingBackendOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var workingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory;
        var registryText = string.IsNullOrWhiteSpace(options.RegistryUri)
            ? options.TrackingUri
            : options.RegistryUri;
        var trackingServer = ServerUri(options.TrackingUri);
        var registryServer = ServerUri(registryText);

        ITrackingStore trackingStore;
        IArtifactStore artifacts;
        string trackingUri;
        string artifactRoot;
        LocalTrackingLocation? local = null;
        string? defaultArtifactRoot = null;
        MlflowRestClient? trackingClient = null;
        var s3Artifacts = options.S3 is null ? null : new S3ArtifactStore(options.S3);
        var artifactText = string.IsNullOrWhiteSpace(options.ArtifactUri)
            ? null
            : options.ArtifactUri.Trim().TrimEnd('/');
        if (trackingServer is not null)
        {
            if (artifactText is not null)
            {
                throw new ArgumentException(
                    $"An artifact location ({ArtifactUriVariable} or --artifacts) applies to a local tracking store; an MLflow server chooses its own artifact root (start it with --default-artifact-root s3://... or --artifacts-destination s3://...).",
                    nameof(options)
                );
            }
            var client = trackingClient = RestClient(trackingServer, options, timeProvider);
            trackingStore = new RestTrackingStore(client);
            // A server whose artifact root is S3 hands out s3:// run URIs: write them directly.
            artifacts = new S3RoutingArtifactStore(new RestArtifactStore(client), s3Artifacts);
            trackingUri = client.ServerUri.AbsoluteUri;
            artifactRoot = "mlflow-artifacts:/";
        }
        else
        {
            local = ResolveLocal(options.TrackingUri, workingDirectory);
            var s3Root = artifactText is not null && S3ObjectUri.IsS3(artifactText);
            if (s3Root)
            {
                // Checked now, so a typo fails before any run is created.
                _ = S3ObjectUri.Parse(artifactText!);
            }
            var localArtifacts = new LocalArtifactStore(
                artifactText is null || s3Root
                    ? local.ArtifactRoot
                    : Path.GetFullPath(artifactText, Path.GetFullPath(workingDirectory))
            );
            defaultArtifactRoot = s3Root ? artifactText! : localArtifacts.RootUri;
            trackingStore = new SqliteTrackingStore(
                new SqliteTrackingOptions
                {
                    DatabasePath = local.DatabasePath,
                    DefaultArtifactRoot = defaultArtifactRoot,
                    UserName = options.UserName,
                },
                timeProvider
            );
            artifacts = new S3RoutingArtifactStore(localArtifacts, s3Artifacts);
            trackingUri = local.Uri;
            artifactRoot = s3Root ? artifactText! : localArtifacts.RootDirectory;
        }

        IModelRegistry registry;
        string registryUri;
        string? registryDatabase = null;
        if (registryServer is not null)
        {
            // One server for both: share the connection pool and the retry jitter.
            var client =
                trackingClient is not null && trackingServer == registryServer
                    ? trackingClient
                    : RestClient(registryServer, options, timeProvider);
            registry = new RestModelRegistry(client);
            registryUri = client.ServerUri.AbsoluteUri;
        }
        else
        {
            var registryLocation =
                local is not null && string.IsNullOrWhiteSpace(options.RegistryUri)
                    ? local
                    : ResolveLocal(registryText, workingDirectory);
            registry = new SqliteModelRegistry(
                new SqliteTrackingOptions
                {
                    DatabasePath = registryLocation.DatabasePath,
                    // Sharing the tracking database: the same root, whoever creates it first.
                    DefaultArtifactRoot =
                        registryLocation == local && defaultArtifactRoot is not null
                            ? defaultArtifactRoot
                            : FileUris.ToFileUri(registryLocation.ArtifactRoot),
                    UserName = options.UserName,
                },
                timeProvider
            );
            registryUri = registryLocation.Uri;
            registryDatabase = registryLocation.DatabasePath;
        }
        return new TrackingBackend(
            trackingStore,
            registry,
            artifacts,
            trackingUri,
            registryUri,
            artifactRoot
        )
        {
            TrackingDatabasePath = local?.DatabasePath,
            RegistryDatabasePath = registryDatabase,
        };
    }

    // The http(s) server a URI names, or null for a local URI.
    private static Uri? ServerUri(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }
        var text = uri.Trim();
        if (
            !text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        )
        {
            return null;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var server) && server.Host.Length > 0
            ? server
            : throw new ArgumentException($"Invalid MLflow server URI '{text}'.", nameof(uri));
    }

    private static MlflowRestClient RestClient(
        Uri server,
        TrackingBackendOptions options,
        TimeProvider timeProvider
    ) =>
        new(
            new MlflowRestOptions
            {
                ServerUri = server,
                Token = options.Token,
                BasicAuthUser = options.BasicAuthUser,
                BasicAuthPassword = options.BasicAuthPassword,
                Retry = options.Retry ?? new HttpRetryOptions(),
                UserName = options.UserName,
            },
            timeProvider
        );

    /// <summary>
    /// Where a local tracking URI puts its database and artifacts (see the class remarks for the
    /// forms). Throws <see cref="NotSupportedException"/> for server (http/https) and unsupported schemes.
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
                    // Create routes server URIs to the REST stores before resolving locally.
                    "HTTP" or "HTTPS" => throw new NotSupportedException(
                        $"'{text}' names an MLflow server, not a local store; use TrackingBackendFactory.Create for it."
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
