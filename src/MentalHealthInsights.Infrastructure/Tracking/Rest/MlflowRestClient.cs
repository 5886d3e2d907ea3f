using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Http;

namespace MentalHealthInsights.Infrastructure.Tracking.Rest;

/// <summary>
/// One MLflow server over HTTP: builds the handler chain (retries, auth) and turns MLflow's error
/// JSON into <see cref="TrackingException"/>s. Shared by the tracking, registry and artifact
/// adapters of one server. Thread-safe.
/// </summary>
public sealed class MlflowRestClient : IDisposable
{
    private const string ApiPrefix = "api/2.0/mlflow/";

    private readonly HttpClient _http;

    /// <summary>
    /// Creates a client for <paramref name="options"/>. <paramref name="primaryHandler"/> replaces
    /// the default <see cref="SocketsHttpHandler"/> (tests, proxies); it is disposed with the client.
    /// </summary>
    public MlflowRestClient(
        MlflowRestOptions options,
        TimeProvider timeProvider,
        HttpMessageHandler? primaryHandler = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options = WithoutUserInfo(options);
        var scheme = options.ServerUri.Scheme;
        if (scheme != Uri.UriSchemeHttp && scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                $"An MLflow server URI must be http:// or https://, not '{options.ServerUri}'.",
                nameof(options)
            );
        }
        Options = options;
        TimeProvider = timeProvider;
        var root = options.ServerUri.AbsoluteUri;
        ServerUri = new Uri(root.EndsWith('/') ? root : root + "/");
        var retry = new HttpRetryHandler(options.Retry, timeProvider)
        {
            InnerHandler =
                primaryHandler
                ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        // The retry handler times each attempt; a global timeout would cut the retries short.
        _http = new HttpClient(retry)
        {
            BaseAddress = ServerUri,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Authorization = Authorization(options);
    }

    /// <summary>The server root, ending in <c>/</c>.</summary>
    public Uri ServerUri { get; }

    /// <summary>The options the client was made with.</summary>
    public MlflowRestOptions Options { get; }

    /// <summary>The clock used for backoff waits and client-side timestamps.</summary>
    public TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Credentials in the URI (<c>http://user:password@host</c>, as Python's requests reads them)
    /// become the basic-auth user and password unless a token or the MLflow variables give
    /// credentials, and leave the URI: HttpClient never sends them itself, and the URI is
    /// printed in messages ("The MLflow server at … could not be reached"), which used to show
    /// the password.
    /// </summary>
    internal static MlflowRestOptions WithoutUserInfo(MlflowRestOptions options)
    {
        if (options.ServerUri.UserInfo.Length == 0)
        {
            return options;
        }
        var server = new UriBuilder(options.ServerUri) { UserName = "", Password = "" }.Uri;
        var userInfo = options.ServerUri.UserInfo;
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? "" : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        return string.IsNullOrEmpty(options.Token) && string.IsNullOrEmpty(options.BasicAuthUser)
            ? options with
            {
                ServerUri = server,
                BasicAuthUser = user,
                BasicAuthPassword = password,
            }
            : options with
            {
                ServerUri = server,
            };
    }

    internal static AuthenticationHeaderValue? Authorization(MlflowRestOptions options)
    {
        if (!string.IsNullOrEmpty(options.Token))
        {
            return new AuthenticationHeaderValue("Bearer", options.Token);
        }
        if (!string.IsNullOrEmpty(options.BasicAuthUser))
        {
            var pair = Encoding.UTF8.GetBytes(
                $"{options.BasicAuthUser}:{options.BasicAuthPassword}"
            );
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }
        return null;
    }

    /// <summary>A GET with the fields in the query string (repeated keys for lists).</summary>
    internal Task<WireMessage> GetAsync(
        string endpoint,
        IEnumerable<KeyValuePair<string, string?>> query,
        CancellationToken cancellationToken
    )
    {
        var text = QueryString(query);
        var request = new HttpRequestMessage(HttpMethod.Get, ApiPrefix + endpoint + text);
        return SendForMessageAsync(request, cancellationToken);
    }

    /// <summary>A POST, PATCH or DELETE with the fields in a JSON body (MLflow reads DELETE bodies, not query strings).</summary>
    internal Task<WireMessage> SendJsonAsync(
        HttpMethod method,
        string endpoint,
        WireMessage body,
        CancellationToken cancellationToken
    )
    {
        var request = new HttpRequestMessage(method, ApiPrefix + endpoint)
        {
            Content = JsonBody(body),
        };
        return SendForMessageAsync(request, cancellationToken);
    }

    internal static ByteArrayContent JsonBody(WireMessage body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(
            body,
            MlflowJsonContext.Default.WireMessage
        );
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    internal static string QueryString(IEnumerable<KeyValuePair<string, string?>> query)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in query)
        {
            if (value is null)
            {
                continue;
            }
            builder.Append(builder.Length == 0 ? '?' : '&');
            builder.Append(Uri.EscapeDataString(key)).Append('=');
            builder.Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }

    /// <summary>Sends any request; a non-success answer becomes a <see cref="TrackingException"/>. The caller disposes the response.</summary>
    internal async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        HttpCompletionOption completion,
        CancellationToken cancellationToken
    )
    {
        HttpResponseMessage response;
        var what = $"{request.Method} {request.RequestUri}";
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new TrackingException(
                TrackingErrorCode.TemporarilyUnavailable,
                $"The MLflow server at {ServerUri} could not be reached ({what}): {error.Message}",
                error
            );
        }
        catch (TimeoutException error)
        {
            throw new TrackingException(
                TrackingErrorCode.TemporarilyUnavailable,
                $"The MLflow server at {ServerUri} did not answer in time: {error.Message}",
                error
            );
        }
        finally
        {
            request.Dispose();
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await ToExceptionAsync(response, what, cancellationToken);
        }
    }

    private async Task<WireMessage> SendForMessageAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        using var response = await SendAsync(
            request,
            HttpCompletionOption.ResponseContentRead,
            cancellationToken
        );
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0)
        {
            return new WireMessage();
        }
        try
        {
            return JsonSerializer.Deserialize(bytes, MlflowJsonContext.Default.WireMessage)
                ?? new WireMessage();
        }
        catch (JsonException error)
        {
            throw new TrackingException(
                TrackingErrorCode.InternalError,
                $"The MLflow server at {ServerUri} sent an answer that is not MLflow JSON: {error.Message}",
                error
            );
        }
    }

    private static async Task<TrackingException> ToExceptionAsync(
        HttpResponseMessage response,
        string what,
        CancellationToken cancellationToken
    )
    {
        var status = (int)response.StatusCode;
        WireError? error = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            error = JsonSerializer.Deserialize(bytes, MlflowJsonContext.Default.WireError);
        }
        catch (JsonException)
        {
            // Flask answers unknown paths and wrong methods with HTML: fall back to the status.
        }
        if (error?.ErrorCode is { Length: > 0 } name)
        {
            return new TrackingException(
                TrackingErrorCodes.FromMlflowName(name),
                $"MLflow {name} (HTTP {status.ToString(CultureInfo.InvariantCulture)}) on {what}: {error.Message}"
            );
        }
        var code = response.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed =>
                TrackingErrorCode.NotImplemented,
            HttpStatusCode.Unauthorized => TrackingErrorCode.Unauthenticated,
            HttpStatusCode.Forbidden => TrackingErrorCode.PermissionDenied,
            HttpStatusCode.TooManyRequests => TrackingErrorCode.RequestLimitExceeded,
            HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.BadGateway
            or HttpStatusCode.GatewayTimeout => TrackingErrorCode.TemporarilyUnavailable,
            _ when status < 500 => TrackingErrorCode.BadRequest,
            _ => TrackingErrorCode.InternalError,
        };
        var hint = code switch
        {
            TrackingErrorCode.NotImplemented =>
                " The server does not offer this endpoint: is the URI an MLflow tracking server (with --serve-artifacts for artifacts)?",
            TrackingErrorCode.Unauthenticated =>
                " Set MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD.",
            _ => "",
        };
        return new TrackingException(
            code,
            $"MLflow server answered HTTP {status.ToString(CultureInfo.InvariantCulture)} on {what}.{hint}"
        );
    }
}
