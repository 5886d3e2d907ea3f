using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

/// <summary>
/// The webhook bodies (docs/alerts-and-simulation.md): the "mhi.alerts/v1" JSON document, or a
/// Slack incoming-webhook message. Aggregates and names only, never record values.
/// </summary>
public static class WebhookPayload
{
    /// <summary>The value of the JSON body's "schema" field.</summary>
    public const string Schema = "mhi.alerts/v1";

    /// <summary>The framing every alert carries.</summary>
    public const string Note =
        "Screening aid, not a diagnosis: alerts describe the model's inputs and quality, not any person.";

    /// <summary>The body for <paramref name="format"/>, as UTF-8 bytes.</summary>
    public static byte[] Create(AlertNotification notification, WebhookPayloadFormat format)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (format == WebhookPayloadFormat.Slack)
            {
                json.WriteStartObject();
                json.WriteString("text", SlackText(notification));
                json.WriteEndObject();
            }
            else
            {
                WriteDocument(json, notification);
            }
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteDocument(Utf8JsonWriter json, AlertNotification notification)
    {
        var snapshot = notification.Snapshot;
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("monitoring_run_id", snapshot.RunId);
        json.WriteStartObject("window");
        json.WriteString("start", snapshot.WindowStart);
        json.WriteString("end", snapshot.WindowEnd);
        json.WriteEndObject();
        WriteNullable(json, "model", snapshot.Model);
        WriteNullable(json, "report", snapshot.ReportPath);
        json.WriteStartArray("alerts");
        foreach (var alert in notification.Alerts)
        {
            json.WriteStartObject();
            json.WriteString("id", alert.AlertId);
            json.WriteString("rule", alert.RuleName);
            json.WriteString("severity", AlertPolicy.SeverityName(alert.Severity));
            json.WriteString("condition", alert.Condition);
            json.WriteString("metric", alert.Metric);
            json.WriteNumber("value", alert.Value);
            json.WriteNumber("threshold", alert.Threshold);
            json.WriteString("breached_since", alert.BreachedSince);
            json.WriteString("reason", alert.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("key_metrics");
        foreach (
            var (name, value) in snapshot.KeyMetrics.OrderBy(p => p.Key, StringComparer.Ordinal)
        )
        {
            if (double.IsFinite(value))
            {
                json.WriteNumber(name, value);
            }
        }
        json.WriteEndObject();
        json.WriteString("note", Note);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string SlackText(AlertNotification notification)
    {
        var snapshot = notification.Snapshot;
        var text = new StringBuilder();
        text.Append(
            CultureInfo.InvariantCulture,
            $"*Mental Health Insights monitoring*: {notification.Alerts.Count} alert(s) for the window {snapshot.WindowStart:yyyy-MM-dd HH:mm} to {snapshot.WindowEnd:yyyy-MM-dd HH:mm} UTC (run `{snapshot.RunId}`"
        );
        text.Append(snapshot.Model is null ? ")" : $", model `{snapshot.Model}`)");
        foreach (var alert in notification.Alerts)
        {
            text.Append(
                CultureInfo.InvariantCulture,
                $"\n• *{alert.RuleName}* ({AlertPolicy.SeverityName(alert.Severity)}): {alert.Metric} = {alert.Value:0.####} (rule: {alert.Condition})"
            );
        }
        if (snapshot.ReportPath is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nReport: {snapshot.ReportPath}");
        }
        text.Append('\n').Append('_').Append(Note).Append('_');
        return text.ToString();
    }
}
