using System.Globalization;
using System.Net.Http.Headers;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Http;

namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

/// <summary>
/// POSTs alerts to a webhook, retried with exponential backoff and jitter on timeouts,
/// connection failures, 429 and 5xx (the project's retry handler, timed by the injected clock,
/// so tests do not sleep); other 4xx fail at once. Failure is a result (attempts and a reason
/// without the URL, which can hold a secret), never an exception.
/// </summary>
public sealed class WebhookAlertNotifier : IAlertNotifier, IDisposable
{
    private readonly WebhookOptions _options;
    private readonly HttpClient _client;
    private readonly AttemptCounter _counter;

    /// <summary>
    /// Creates the channel. <paramref name="innerHandler"/> sends the requests (default: a new
    /// <see cref="SocketsHttpHandler"/>); throws <see cref="ArgumentException"/> for invalid options.
    /// </summary>
    public WebhookAlertNotifier(
        WebhookOptions options,
        TimeProvider timeProvider,
        HttpMessageHandler? innerHandler = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.FindProblems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
        _options = options;
        _counter = new AttemptCounter { InnerHandler = innerHandler ?? new SocketsHttpHandler() };
        var retry = new HttpRetryHandler(
            new HttpRetryOptions
            {
                MaxAttempts = options.MaxAttempts,
                BaseDelay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                AttemptTimeout = options.AttemptTimeout,
                JitterSeed = options.JitterSeed,
            },
            timeProvider
        )
        {
            InnerHandler = _counter,
        };
        // The retry handler owns the per-attempt timeout; the client must not cut it short.
        _client = new HttpClient(retry) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>"webhook".</summary>
    public string Channel => "webhook";

    /// <inheritdoc />
    public async Task<AlertDeliveryResult> NotifyAsync(
        AlertNotification notification,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = WebhookPayload.Create(notification, _options.Format);
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json")
        {
            CharSet = "utf-8",
        };
        var attempts = new StrongBox();
        AttemptCounter.Current.Value = attempts;
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new AlertDeliveryResult(Channel, true, attempts.Count, null);
            }
            return new AlertDeliveryResult(
                Channel,
                false,
                attempts.Count,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the webhook answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}"
                )
            );
        }
        catch (TimeoutException)
        {
            return new AlertDeliveryResult(
                Channel,
                false,
                attempts.Count,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"every attempt timed out after {_options.AttemptTimeout.TotalSeconds:0.###} s"
                )
            );
        }
        catch (HttpRequestException ex)
        {
            return new AlertDeliveryResult(
                Channel,
                false,
                attempts.Count,
                $"the webhook could not be reached ({ex.HttpRequestError})"
            );
        }
        finally
        {
            AttemptCounter.Current.Value = null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private sealed class StrongBox
    {
        public int Count;
    }

    // Below the retry handler: sees every attempt. The count travels in an AsyncLocal so
    // concurrent notifications on one client keep their own counts.
    private sealed class AttemptCounter : DelegatingHandler
    {
        public static readonly AsyncLocal<StrongBox?> Current = new();

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken
        )
        {
            if (Current.Value is { } box)
            {
                Interlocked.Increment(ref box.Count);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
