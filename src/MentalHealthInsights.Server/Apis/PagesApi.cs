using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// The web pages (risk assessment, what-if, model, monitoring, pipelines) and their assets, embedded in the assembly:
/// no CDN, no file-system layout to get wrong in a container or a Lambda. Served with an ETag
/// (SHA-256 of the content) so browsers revalidate cheaply.
/// </summary>
internal static class PagesApi
{
    private const string Prefix = "Pages/";

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    /// <summary>The page routes and the file each serves.</summary>
    private static readonly (string Route, string File)[] Routes =
    [
        ("/", "index.html"),
        ("/what-if", "what-if.html"),
        ("/model", "model.html"),
        ("/monitoring", "monitoring.html"),
        ("/pipelines", "pipelines.html"),
    ];

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        foreach (var (route, file) in Routes)
        {
            var asset = Assets[file];
            app.MapGetAndHead(route, (HttpContext context) => Serve(context, asset))
                .ExcludeFromDescription();
        }
        app.MapGetAndHead(
                "/assets/{name}",
                (HttpContext context, string name) =>
                    Assets.TryGetValue(name, out var asset)
                    && !name.EndsWith(".html", StringComparison.Ordinal)
                        ? Serve(context, asset)
                        : Results.NotFound()
            )
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context, Asset asset)
    {
        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (IsNotModified(context.Request, asset))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    /// <summary>
    /// If-None-Match as RFC 9110 §13.1.2 reads it: <c>*</c>, or a list of entity tags of which
    /// one matches by weak comparison (<c>W/"x"</c> matches <c>"x"</c>). The exact header text
    /// used to be required, so a browser or proxy sending a list or a weak tag always got the
    /// whole page again. A malformed header matches nothing.
    /// </summary>
    private static bool IsNotModified(HttpRequest request, Asset asset)
    {
        foreach (var tag in request.GetTypedHeaders().IfNoneMatch)
        {
            if (
                tag.Equals(EntityTagHeaderValue.Any)
                || tag.Compare(asset.Tag, useStrongComparison: false)
            )
            {
                return true;
            }
        }
        return false;
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(PagesApi).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var name = resource[Prefix.Length..];
            assets[name] = new Asset(
                content,
                ContentType(name),
                "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\""
            );
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) =>
        Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };

    private sealed record Asset(byte[] Content, string ContentType, string ETag)
    {
        public EntityTagHeaderValue Tag { get; } = EntityTagHeaderValue.Parse(ETag);
    }
}
