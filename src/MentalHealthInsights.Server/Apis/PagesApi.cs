using System.Collections.Frozen;
using System.Security.Cryptography;

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
            app.MapGet(route, (HttpContext context) => Serve(context, asset))
                .ExcludeFromDescription();
        }
        app.MapGet(
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
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Content, asset.ContentType);
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

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
