using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

/// <summary>
/// A real HTTP server on loopback (<see cref="HttpListener"/>; the test project has no ASP.NET)
/// speaking MLflow's REST 2.0 as documented in reference/mlflow-rest.md: snake_case JSON,
/// fields of GET in the query string and of POST/PATCH/DELETE in a JSON body (a DELETE query
/// string is ignored), <c>{"error_code","message"}</c> errors with MLflow's statuses, empty
/// fields omitted, NaN as <c>"NaN"</c> and infinities as ±1.7976931348623157e+308 (the SQL
/// store's answer), a missing alias as 400 INVALID_PARAMETER_VALUE, a missing artifact as 500,
/// unknown paths as an HTML 404. Entities live in a SQLite store in a temp folder, so search
/// filters and paging behave as a real store; artifacts live in memory.
/// Tests can queue failures (<see cref="Fail"/>) answered before the real handling.
/// </summary>
internal sealed partial class FakeMlflowServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly TempDirectory _directory = new();
    private readonly SqliteTrackingStore _tracking;
    private readonly SqliteModelRegistry _registry;
    private readonly ConcurrentQueue<(
        int Status,
        string? Code,
        int? RetryAfter,
        TimeSpan Delay
    )> _faults = new();
    private readonly Task _loop;
    private readonly CancellationTokenSource _stopping = new();

    public FakeMlflowServer(TimeProvider? clock = null)
    {
        var time = clock ?? new ManualTimeProvider();
        var options = new SqliteTrackingOptions
        {
            DatabasePath = _directory.Combine("server.db"),
            DefaultArtifactRoot = "mlflow-artifacts:",
        };
        _tracking = new SqliteTrackingStore(options, time);
        _registry = new SqliteModelRegistry(options, time);
        (_listener, var prefix) = LoopbackPorts.StartHttpListener();
        Uri = prefix;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Uri { get; private set; }

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Requests whose path ends with <paramref name="endpoint"/>.</summary>
    public List<RecordedRequest> RequestsTo(string endpoint) =>
        Requests.Where(r => r.Path.EndsWith(endpoint, StringComparison.Ordinal)).ToList();

    /// <summary>Answers the next <paramref name="times"/> requests with this failure.</summary>
    public void Fail(int status, string? errorCode, int? retryAfterSeconds = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue((status, errorCode, retryAfterSeconds, TimeSpan.Zero));
        }
    }

    /// <summary>Holds the next request for <paramref name="delay"/> before answering it normally.</summary>
    public void Hang(TimeSpan delay) => _faults.Enqueue((0, null, null, delay));

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept.
        }
        _directory.Dispose();
        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error)
                when (error
                        is HttpListenerException
                            or ObjectDisposedException
                            or InvalidOperationException
                )
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer);
            var recorded = new RecordedRequest(
                request.HttpMethod,
                request.Url!.AbsolutePath,
                request.Url.Query,
                request.Headers["Authorization"],
                request.ContentType,
                buffer.ToArray()
            );
            Requests.Enqueue(recorded);
            if (_faults.TryDequeue(out var fault) && fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, _stopping.Token);
            }
            else if (fault.Status > 0)
            {
                if (fault.RetryAfter is { } seconds)
                {
                    response.AddHeader(
                        "Retry-After",
                        seconds.ToString(CultureInfo.InvariantCulture)
                    );
                }
                await WriteErrorAsync(
                    response,
                    fault.Status,
                    fault.Code ?? "INTERNAL_ERROR",
                    "injected failure"
                );
                return;
            }
            await RouteAsync(recorded, request.QueryString, response);
        }
        catch (TrackingException error)
        {
            await WriteErrorAsync(
                response,
                error.ErrorCode.ToHttpStatus(),
                error.MlflowErrorCode,
                error.Message
            );
        }
        catch (Exception error)
            when (error is JsonException or FormatException or ArgumentException)
        {
            await WriteErrorAsync(response, 400, "BAD_REQUEST", error.Message);
        }
        catch (Exception error)
            when (error
                    is HttpListenerException
                        or ObjectDisposedException
                        or OperationCanceledException
            )
        {
            // The client went away, or the server is stopping.
        }
    }

    private async Task RouteAsync(
        RecordedRequest request,
        NameValueCollection query,
        HttpListenerResponse response
    )
    {
        const string api = "/api/2.0/mlflow/";
        const string artifacts = "/api/2.0/mlflow-artifacts/artifacts";
        if (request.Path.StartsWith(artifacts, StringComparison.Ordinal))
        {
            await HandleArtifactAsync(request, query, response, request.Path[artifacts.Length..]);
            return;
        }
        if (!request.Path.StartsWith(api, StringComparison.Ordinal))
        {
            await WriteHtmlAsync(response, 404);
            return;
        }
        Fields fields;
        if (request.Method == "GET")
        {
            fields = new Fields(null, query);
        }
        else
        {
            if (
                request.ContentType is null
                || !request.ContentType.StartsWith("application/json", StringComparison.Ordinal)
            )
            {
                throw new TrackingException(
                    TrackingErrorCode.InvalidParameterValue,
                    "Content-Type must be one of ['application/json']"
                );
            }
            // A DELETE's query string is not read, as in MLflow: only the body counts.
            fields = new Fields(
                request.Body.Length == 0
                    ? new JsonObject()
                    : JsonNode.Parse(request.Body)!.AsObject(),
                null
            );
        }
        var endpoint = request.Path[api.Length..];
        var answer =
            await DispatchTrackingAsync(request.Method, endpoint, fields)
            ?? await DispatchRegistryAsync(request.Method, endpoint, fields);
        if (answer is null)
        {
            await WriteHtmlAsync(response, 404);
            return;
        }
        await WriteJsonAsync(response, 200, answer);
    }

    private static async Task WriteJsonAsync(
        HttpListenerResponse response,
        int status,
        JsonNode body
    )
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static Task WriteErrorAsync(
        HttpListenerResponse response,
        int status,
        string code,
        string message
    ) =>
        WriteJsonAsync(
            response,
            status,
            new JsonObject { ["error_code"] = code, ["message"] = message }
        );

    private static async Task WriteHtmlAsync(HttpListenerResponse response, int status)
    {
        var bytes = Encoding.UTF8.GetBytes(
            "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>"
        );
        response.StatusCode = status;
        response.ContentType = "text/html";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <summary>A request's fields: the JSON body, or the query string of a GET.</summary>
    private sealed class Fields(JsonObject? body, NameValueCollection? query)
    {
        public JsonObject? Body => body;

        public string? Get(string name)
        {
            if (query is not null)
            {
                return query[name];
            }
            var node = body![name];
            return node is null ? null
                : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>()
                : node.ToJsonString();
        }

        public string Required(string name) =>
            Get(name) is { Length: > 0 } value
                ? value
                : throw new TrackingException(
                    TrackingErrorCode.InvalidParameterValue,
                    $"Missing value for required parameter '{name}'."
                );

        public long? Long(string name) =>
            Get(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

        public List<string> List(string name) =>
            query is not null ? [.. query.GetValues(name) ?? []]
            : body![name] is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())]
            : [];

        public Dictionary<string, string> Pairs(string name) =>
            body?[name] is JsonArray array
                ? array.ToDictionary(
                    n => n!["key"]!.GetValue<string>(),
                    n => n!["value"]!.GetValue<string>(),
                    StringComparer.Ordinal
                )
                : new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
