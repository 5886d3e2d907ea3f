using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MentalHealthInsights.Server.Hosting;
using MentalHealthInsights.TestSupport;
using Microsoft.Extensions.Configuration;

namespace MentalHealthInsights.Server.Tests.Hosting;

/// <summary>
/// The listen addresses are tried before a real start, so a taken port is one refusal line
/// instead of Kestrel's exception while the host starts.
/// </summary>
public sealed class ListenCheckTests
{
    [Fact]
    public void FindProblems_PortAnotherListenerHolds_OneProblemNamingTheAddress()
    {
        using var holder = Hold(IPAddress.Loopback);
        var url = Url("127.0.0.1", Port(holder));

        var problem = Assert.Single(ListenCheck.FindProblems(Settings(("urls", url))));

        Assert.Equal(ListenCheck.InUse(url), problem);
        Assert.Contains("already in use", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblems_FreePortsZeroPortAndSeveralUrls_NoProblem()
    {
        var free = LoopbackPorts.Probe();

        Assert.Empty(
            ListenCheck.FindProblems(
                Settings(("urls", $"{Url("127.0.0.1", free)}; http://127.0.0.1:0"))
            )
        );
    }

    [Fact]
    public void FindProblems_LocalhostWhoseIPv4LoopbackIsTaken_Refused()
    {
        using var holder = Hold(IPAddress.Loopback);
        var url = Url("localhost", Port(holder));

        Assert.Equal([ListenCheck.InUse(url)], ListenCheck.FindProblems(Settings(("urls", url))));
    }

    [Fact]
    public void FindProblems_KestrelEndpointAndUrls_EachAddressChecked()
    {
        using var first = Hold(IPAddress.Loopback);
        using var second = Hold(IPAddress.Loopback);
        var endpoint = Url("127.0.0.1", Port(first));
        var url = Url("127.0.0.1", Port(second));

        var problems = ListenCheck.FindProblems(
            Settings(("Kestrel:Endpoints:Http:Url", endpoint), ("urls", url))
        );

        Assert.Equal([ListenCheck.InUse(endpoint), ListenCheck.InUse(url)], problems);
    }

    [Fact]
    public void FindProblems_NotAnAddress_NamedProblem()
    {
        var problem = Assert.Single(ListenCheck.FindProblems(Settings(("urls", "8080"))));

        Assert.Contains("'8080' is not a listen address", problem, StringComparison.Ordinal);
    }

    private static TcpListener Hold(IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static string Url(string host, int port) =>
        string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}");

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build();
}
