using System.Text.Json;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Alerts;

/// <summary>Webhook delivery to a real HTTP listener on loopback, including failures and retries.</summary>
public sealed class WebhookAlertNotifierTests
{
    private static AlertNotification Notification()
    {
        var snapshot = MonitoringTestData.Day(3, f1Drop: 0.083);
        var alert = new AlertRecord(
            "run-003/f1-drop",
            snapshot.RunId,
            "f1-drop",
            "f1_drop > 0.05",
            "f1_drop",
            0.083,
            0.05,
            AlertSeverity.Critical,
            AlertStatus.Fired,
            "new breach",
            snapshot.WindowStart,
            snapshot.WindowEnd,
            snapshot.WindowEnd,
            snapshot.CreatedAt
        );
        return new AlertNotification(snapshot, [alert]);
    }

    private static WebhookAlertNotifier Notifier(
        WebhookTestServer server,
        TimeProvider time,
        WebhookPayloadFormat format = WebhookPayloadFormat.Json,
        int attempts = 4,
        int attemptTimeoutSeconds = 10
    ) =>
        new(
            new WebhookOptions
            {
                Url = server.Url,
                Format = format,
                MaxAttempts = attempts,
                BaseDelay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                // 10 s: a healthy loopback server answers well within it even on a loaded CI
                // machine (a tight timeout made a retry test flaky elsewhere); the hang test: 1 s.
                AttemptTimeout = TimeSpan.FromSeconds(attemptTimeoutSeconds),
            },
            time
        );

    [Fact]
    public async Task NotifyAsync_ServerAccepts_PostsTheDocumentedJsonOnce()
    {
        using var server = new WebhookTestServer(204);
        var time = new RecordingDelayTimeProvider();
        using var notifier = Notifier(server, time);

        var result = await notifier.NotifyAsync(Notification(), CancellationToken.None);

        Assert.Equal(new AlertDeliveryResult("webhook", true, 1, null), result);
        var (contentType, body) = Assert.Single(server.Requests);
        Assert.Equal("application/json; charset=utf-8", contentType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("mhi.alerts/v1", root.GetProperty("schema").GetString());
        Assert.Equal("run-003", root.GetProperty("monitoring_run_id").GetString());
        Assert.Equal(
            "2025-03-03T00:00:00+00:00",
            root.GetProperty("window").GetProperty("start").GetString()
        );
        Assert.Equal(
            "2025-03-04T00:00:00+00:00",
            root.GetProperty("window").GetProperty("end").GetString()
        );
        Assert.Equal("mental-health-classifier/1", root.GetProperty("model").GetString());
        var alert = Assert.Single(root.GetProperty("alerts").EnumerateArray().ToList());
        Assert.Equal("f1-drop", alert.GetProperty("rule").GetString());
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Equal(0.083, alert.GetProperty("value").GetDouble());
        Assert.Equal("f1_drop > 0.05", alert.GetProperty("condition").GetString());
        Assert.Equal(1000, root.GetProperty("key_metrics").GetProperty("rows_current").GetDouble());
        Assert.False(root.GetProperty("key_metrics").TryGetProperty("target_drift", out _));
        Assert.Contains(
            "not a diagnosis",
            root.GetProperty("note").GetString(),
            StringComparison.Ordinal
        );
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task NotifyAsync_Slack_PostsATextMessage()
    {
        using var server = new WebhookTestServer();
        using var notifier = Notifier(
            server,
            new RecordingDelayTimeProvider(),
            WebhookPayloadFormat.Slack
        );

        var result = await notifier.NotifyAsync(Notification(), CancellationToken.None);

        Assert.True(result.Delivered);
        using var json = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal(["text"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.Contains(
            "*f1-drop* (critical): f1_drop = 0.083 (rule: f1_drop > 0.05)",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains("not a diagnosis", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifyAsync_TransientFailuresThenSuccess_RetriesWithGrowingJitteredBackoff()
    {
        using var server = new WebhookTestServer(503, 429, 500);
        var time = new RecordingDelayTimeProvider();
        using var notifier = Notifier(server, time);

        var result = await notifier.NotifyAsync(Notification(), CancellationToken.None);

        Assert.Equal(new AlertDeliveryResult("webhook", true, 4, null), result);
        Assert.Equal(4, server.Requests.Count);
        // Equal jitter: attempt n waits between half and all of 1 s × 2^(n−1).
        var delays = time.Delays.ToArray();
        Assert.Equal(3, delays.Length);
        for (var i = 0; i < delays.Length; i++)
        {
            var full = TimeSpan.FromSeconds(Math.Pow(2, i));
            Assert.InRange(delays[i], full / 2, full);
        }
        Assert.Single(server.Requests.Select(r => r.Body).Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NotifyAsync_AlwaysFailing_GivesUpAfterMaxAttemptsWithTheStatusAndNoUrl()
    {
        using var server = new WebhookTestServer(500, 502, 503, 500, 500);
        using var notifier = Notifier(server, new RecordingDelayTimeProvider(), attempts: 3);

        var result = await notifier.NotifyAsync(Notification(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.Equal("the webhook answered HTTP 503 Service Unavailable", result.Error);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task NotifyAsync_ClientError_FailsAtOnceWithoutRetry()
    {
        using var server = new WebhookTestServer(404);
        var time = new RecordingDelayTimeProvider();
        using var notifier = Notifier(server, time);

        var result = await notifier.NotifyAsync(Notification(), CancellationToken.None);

        Assert.Equal(
            new AlertDeliveryResult("webhook", false, 1, "the webhook answered HTTP 404 Not Found"),
            result
        );
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task NotifyAsync_FirstAttemptHangs_TimesOutAndSucceedsOnTheRetry()
    {
        using var server = new WebhookTestServer(0);
        using var notifier = Notifier(server, new RecordingDelayTimeProvider());

        var result = await notifier.NotifyAsync(Notification(), CancellationToken.None);

        Assert.Equal(new AlertDeliveryResult("webhook", true, 2, null), result);
    }

    [Fact]
    public async Task NotifyAsync_EveryAttemptHangs_ReportsTheTimeout()
    {
        using var server = new WebhookTestServer(0, 0);
        using var notifier = Notifier(
            server,
            new RecordingDelayTimeProvider(),
            attempts: 2,
            attemptTimeoutSeconds: 1
        );

        var result = await notifier.NotifyAsync(Notification(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("every attempt timed out after 1 s", result.Error);
    }

    [Fact]
    public async Task NotifyAsync_NothingListening_ReportsUnreachableWithoutTheUrl()
    {
        // Port 9 (discard) on loopback: nothing listens, connections are refused at once.
        using var notifier = new WebhookAlertNotifier(
            new WebhookOptions
            {
                Url = new Uri("http://127.0.0.1:9/hooks/secret-token"),
                MaxAttempts = 2,
            },
            new RecordingDelayTimeProvider()
        );

        var result = await notifier.NotifyAsync(Notification(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(2, result.Attempts);
        Assert.StartsWith(
            "the webhook could not be reached",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsTheProblems()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new WebhookAlertNotifier(
                new WebhookOptions { Url = new Uri("ftp://example.org/"), MaxAttempts = 0 },
                TimeProvider.System
            )
        );

        Assert.Contains("Webhook.Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhook.MaxAttempts", error.Message, StringComparison.Ordinal);
    }
}
