using System.Net;
using System.Text;
using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>
/// <c>mhi simulate --replay</c>'s label count against a server whose prediction log lags: a
/// loopback stand-in for the labels endpoint attaches only part of a chunk on the first send
/// and the rest on the next (as the real one does: a send fills only outcomes still missing),
/// so the reported count must add the sends up.
/// </summary>
public sealed class SimulateReplayCountTests
{
    [Fact]
    public async Task Replay_LabelsAttachOverTwoSends_CountsEveryLabelOnce()
    {
        using var temp = new TempFolder();
        var (listener, prefix) = LoopbackPorts.StartHttpListener();
        using var _ = listener;
        var sends = 0;
        var server = Task.Run(() => ServeAsync(listener, () => Interlocked.Increment(ref sends)));

        var replay = await CliHarness.RunAsync(
            "simulate",
            "--days",
            "2",
            "--rows-per-day",
            "20",
            "--reference-rows",
            "100",
            "--label-delay",
            "1",
            "--seed",
            "4",
            "-o",
            temp.File("sim"),
            "--replay",
            $"http://127.0.0.1:{prefix.Port}",
            "--api-key",
            "key",
            "--replay-batch",
            "10",
            "--json"
        );
        listener.Stop();
        await server;

        Assert.True(replay.ExitCode == 0, replay.Error);
        using var json = JsonDocument.Parse(replay.Output);
        var totals = json.RootElement.GetProperty("replay");
        // Day 1's 20 outcomes arrive on day 2: two chunks of 10, each attached 7 + 3.
        Assert.Equal(20, totals.GetProperty("labels").GetInt64());
        Assert.Equal(20, totals.GetProperty("labelsAttached").GetInt64());
        Assert.Equal(4, sends);
    }

    // Predictions: all accepted. Labels: the first send of a body attaches all but three, a
    // later send of the same body the three left, any further send nothing.
    private static async Task ServeAsync(HttpListener listener, Func<int> countLabelSend)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            string answer;
            if (context.Request.Url!.AbsolutePath.EndsWith("/v1/labels", StringComparison.Ordinal))
            {
                countLabelSend();
                using var labels = JsonDocument.Parse(body);
                var count = labels.RootElement.GetProperty("labels").GetArrayLength();
                var times = seen.GetValueOrDefault(body);
                seen[body] = times + 1;
                var updated = times switch
                {
                    0 => count - 3,
                    1 => 3,
                    _ => 0,
                };
                answer = $$"""{"updated":{{updated}}}""";
            }
            else
            {
                answer = """{"scored":0,"rejected":0}""";
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
