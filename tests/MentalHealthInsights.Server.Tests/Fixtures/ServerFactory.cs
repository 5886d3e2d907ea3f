using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MentalHealthInsights.Server.Serving;
using MentalHealthInsights.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentalHealthInsights.Server.Tests.Fixtures;

/// <summary>
/// The real server (Program) in the test host, configured per test: model reference, a
/// prediction log in its own temp folder, an admin key, rate limiting off unless set.
/// </summary>
internal sealed class ServerFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";
    public const string PseudonymisationKey = "test-pseudonymisation-key-0123456789";

    private readonly Dictionary<string, string?> _settings;

    public ServerFactory(
        string model,
        string? trackingUri = null,
        Dictionary<string, string?>? settings = null
    )
    {
        LogFolder = Path.Combine(
            Path.GetTempPath(),
            "mhi-server-log-" + Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(LogFolder);
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Serving:Model"] = model,
            ["Serving:TrackingUri"] = trackingUri,
            ["Serving:CacheDirectory"] = Path.Combine(LogFolder, "cache"),
            ["Serving:LoadRetryInterval"] = "00:00:00.200",
            ["PredictionLog:ConnectionString"] = PredictionLogPath,
            ["PredictionLog:PseudonymisationKey"] = PseudonymisationKey,
            ["Admin:ApiKey"] = AdminKey,
            ["RateLimiting:PermitLimit"] = "0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string LogFolder { get; }

    public string PredictionLogPath => Path.Combine(LogFolder, "predictions.db");

    /// <summary>Every log line the server wrote (message, properties and scopes).</summary>
    public LogCapture Logs { get; } = new();

    public ModelSlot Slot => Services.GetRequiredService<ModelSlot>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Debug);
        });
    }

    /// <summary>A client, after the model is loaded (fails after 60 s).</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        for (var i = 0; i < 600; i++)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return client;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not load its model within 60 s.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteFiles.Release(LogFolder);
            try
            {
                Directory.Delete(LogFolder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the OS temp cleaner removes leftovers.
            }
        }
    }

    /// <summary>A JSON body for <paramref name="json"/> text.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A valid record as JSON text, with optional member overrides (raw JSON values).</summary>
    public static string Record(params (string Name, string? RawValue)[] overrides)
    {
        var members = new List<(string, string?)>
        {
            ("User_ID", "\"u-1\""),
            ("Age", "34"),
            ("Gender", "\"Female\""),
            ("Occupation", "\"IT\""),
            ("Country", "\"UK\""),
            ("Consultation_History", "\"No\""),
            ("Stress_Level", "\"High\""),
            ("Sleep_Hours", "5.5"),
            ("Work_Hours", "55"),
            ("Physical_Activity_Hours", "1"),
        };
        foreach (var (name, raw) in overrides)
        {
            var i = members.FindIndex(m => m.Item1 == name);
            if (i >= 0)
            {
                members.RemoveAt(i);
            }
            if (raw is not null)
            {
                members.Add((name, raw));
            }
        }
        return "{" + string.Join(",", members.Select(m => $"\"{m.Item1}\":{m.Item2}")) + "}";
    }

    /// <summary>Reads a JSON response as a document.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());
}
