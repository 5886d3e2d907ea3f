using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Net;
using System.Text.Json.Nodes;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

internal sealed partial class FakeMlflowServer
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The stored artifact files, by path relative to the proxy root.</summary>
    public IReadOnlyDictionary<string, byte[]> ArtifactFiles => _files;

    private async Task HandleArtifactAsync(
        RecordedRequest request,
        NameValueCollection query,
        HttpListenerResponse response,
        string rest
    )
    {
        if (rest.Length == 0 && request.Method == "GET")
        {
            var directory = CheckPath(query["path"] ?? "").TrimEnd('/');
            var prefix = directory.Length == 0 ? "" : directory + "/";
            var children = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var (path, bytes) in _files)
            {
                if (!path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }
                var remainder = path[prefix.Length..];
                var slash = remainder.IndexOf('/', StringComparison.Ordinal);
                // The proxy lists base names only, not paths.
                children[slash < 0 ? remainder : remainder[..slash]] =
                    slash < 0
                        ? new JsonObject
                        {
                            ["path"] = remainder,
                            ["is_dir"] = false,
                            ["file_size"] = bytes.Length,
                        }
                        : new JsonObject { ["path"] = remainder[..slash], ["is_dir"] = true };
            }
            var answer = new JsonObject();
            if (children.Count > 0)
            {
                answer["files"] = new JsonArray([.. children.Values]);
            }
            await WriteJsonAsync(response, 200, answer); // A missing directory is 200 {}.
            return;
        }
        var file = CheckPath(Uri.UnescapeDataString(rest.TrimStart('/')));
        switch (request.Method)
        {
            case "PUT":
                _files[file] = request.Body;
                await WriteJsonAsync(response, 200, new JsonObject());
                return;
            case "GET" when _files.TryGetValue(file, out var content):
                response.StatusCode = 200;
                response.ContentType = "application/octet-stream";
                response.AddHeader(
                    "Content-Disposition",
                    $"attachment; filename={file[(file.LastIndexOf('/') + 1)..]}"
                );
                response.ContentLength64 = content.Length;
                await response.OutputStream.WriteAsync(content);
                response.Close();
                return;
            case "GET":
                // MLflow's quirk: a missing artifact is a 500, not a 404.
                await WriteErrorAsync(
                    response,
                    500,
                    "INTERNAL_ERROR",
                    $"[Errno 2] No such file or directory: '{file}'"
                );
                return;
            default:
                await WriteHtmlAsync(response, 405);
                return;
        }
    }

    private static string CheckPath(string path) =>
        path.Split('/').Any(s => s == "..")
            ? throw new TrackingException(TrackingErrorCode.InvalidParameterValue, "Invalid path")
            : path;
}
