using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Server.Tests.Fixtures;
using MentalHealthInsights.TestSupport;
using Microsoft.Playwright;

namespace MentalHealthInsights.Server.Tests.Pages;

/// <summary>
/// The monitoring and pipelines pages in a real headless chromium against the real server
/// process, whose stores are SQLite files in the test's own folder, filled (or not) through the
/// stores' APIs before the page loads. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class DashboardBrowserTests(TrainedModelFixture models) : IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(
        Apis.OpenApiTests.RepositoryRoot(),
        "tests",
        "MentalHealthInsights.Server.Tests",
        "TestResults",
        "screenshots"
    );

    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-dash-browser-" + Guid.NewGuid().ToString("N")
    );
    private ServerProcess _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowserContext _browser = null!;

    private string MonitoringStore => Path.Combine(_folder, "monitoring.db");

    private string PipelineStore => Path.Combine(_folder, "pipelines.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await ServerProcess.StartAsync(
            models.LrBundle,
            "--Monitoring:Store=" + MonitoringStore,
            "--Pipelines:Store=sqlite:///" + PipelineStore
        );
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchPersistentContextAsync(
            Path.Combine(_folder, "profile"),
            new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
                ViewportSize = new ViewportSize { Width = 1100, Height = 1400 },
            }
        );
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
        SqliteFiles.Release(_folder);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(_server.Address, path).ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(errors);
        return page;
    }

    [Fact]
    public async Task MonitoringPage_FilledStore_ShowsChartsAlertsAndRuns()
    {
        await DashboardData.FillMonitoringAsync(MonitoringStore);

        var page = await OpenAsync("/monitoring");
        await page.WaitForSelectorAsync("#runs tr");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Screenshots, "monitoring.png"), FullPage = true }
        );

        Assert.Contains(
            "3 monitoring run(s)",
            await page.TextContentAsync("#status"),
            StringComparison.Ordinal
        );
        foreach (var chart in new[] { "#drift-chart", "#f1-chart", "#fairness-chart" })
        {
            Assert.Equal(1, await page.Locator(chart + " svg").CountAsync());
        }
        // Three drift points; the drifted window is marked.
        Assert.Equal(3, await page.Locator("#drift-chart circle").CountAsync());
        Assert.Equal(1, await page.Locator("#f1-chart circle[fill='#fff']").CountAsync());
        Assert.Equal(2, await page.Locator("#alerts tr").CountAsync());
        Assert.Contains(
            "suppressed",
            await page.TextContentAsync("#alerts"),
            StringComparison.Ordinal
        );
        var runs = await page.TextContentAsync("#runs");
        Assert.Contains("/reports/monitor-day3.html", runs, StringComparison.Ordinal);
        Assert.Contains("(estimated)", runs, StringComparison.Ordinal);
        Assert.Contains(
            "not a diagnosis",
            await page.TextContentAsync(".notice"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task MonitoringPage_TimeRangeInTheAddress_ShowsOnlyWindowsEndingOnThoseDays()
    {
        await DashboardData.FillMonitoringAsync(MonitoringStore);

        // One day, inclusive: the window ending 2026-03-03 and its alert.
        var page = await OpenAsync("/monitoring?from=2026-03-03&to=2026-03-03");
        await page.WaitForSelectorAsync("#runs tr");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Screenshots, "monitoring-range.png"), FullPage = true }
        );

        Assert.Contains(
            "1 monitoring run(s) between 2026-03-03 and 2026-03-03 (UTC)",
            await page.TextContentAsync("#status"),
            StringComparison.Ordinal
        );
        Assert.Equal(1, await page.Locator("#runs tr").CountAsync());
        Assert.Equal(1, await page.Locator("#alerts tr").CountAsync());
        Assert.Contains(
            "dataset-drift",
            await page.TextContentAsync("#alerts"),
            StringComparison.Ordinal
        );
        Assert.Equal("2026-03-03", await page.InputValueAsync("#from"));
        Assert.Equal("2026-03-03", await page.InputValueAsync("#to"));

        // The form submits to the address: a new range from the boxes.
        await page.FillAsync("#from", "2026-03-02");
        await page.FillAsync("#to", "2026-03-04");
        await page.ClickAsync("#range button[type=submit]");
        await page.WaitForURLAsync("**/monitoring?from=2026-03-02&to=2026-03-04");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#runs tr').length === 3");
        Assert.Equal(2, await page.Locator("#alerts tr").CountAsync());

        var outside = await OpenAsync("/monitoring?from=2027-01-01");
        await outside.WaitForFunctionAsync(
            "() => document.getElementById('status').textContent.startsWith('No monitoring window')"
        );
        Assert.Equal(0, await outside.Locator("#runs tr").CountAsync());

        var reversed = await OpenAsync("/monitoring?from=2026-03-04&to=2026-03-02");
        Assert.Contains(
            "must not be after",
            await reversed.TextContentAsync("#range-error"),
            StringComparison.Ordinal
        );
        Assert.Equal(0, await reversed.Locator("#runs tr").CountAsync());
    }

    [Fact]
    public async Task MonitoringPage_NoStore_SaysNoRunsYet()
    {
        var page = await OpenAsync("/monitoring");
        await page.WaitForFunctionAsync(
            "document.getElementById('status').textContent !== 'Loading…'"
        );

        Assert.Contains(
            "No monitoring runs yet",
            await page.TextContentAsync("#status"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "No monitoring runs yet",
            await page.TextContentAsync("#alerts-note"),
            StringComparison.Ordinal
        );
        Assert.False(File.Exists(MonitoringStore));
    }

    [Fact]
    public async Task PipelinesPage_FilledStore_SelectingARunShowsStepsAndNewRunsAppearLive()
    {
        await DashboardData.FillPipelinesAsync(PipelineStore);

        var page = await OpenAsync("/pipelines");
        await page.WaitForSelectorAsync("#runs tr");
        Assert.Equal(2, await page.Locator("#runs tr").CountAsync());
        await page.ClickAsync($"a[href='?run={DashboardData.FailedRunId}']");
        await page.WaitForSelectorAsync("#steps tr");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Screenshots, "pipelines.png"), FullPage = true }
        );

        var steps = await page.TextContentAsync("#steps");
        Assert.Contains("training data has 0 rows", steps, StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#steps tr").CountAsync());
        Assert.Equal("failed", await page.TextContentAsync("#steps tr:nth-child(2) td.state"));

        // A run recorded after the page loaded shows up through polling, without a reload.
        await using (
            var store = await PipelineRunStoreFactory.OpenAsync(
                "sqlite:///" + PipelineStore,
                CancellationToken.None
            )
        )
        {
            await store.CreateRunAsync(
                new PipelineRunRecord(
                    "cccccccccccccccccccccccccccccccc",
                    "monitor",
                    new Dictionary<string, string>(),
                    PipelineTrigger.Manual,
                    PipelineRunState.Running,
                    "test-host/2",
                    DashboardData.Day0.AddHours(2),
                    DashboardData.Day0.AddHours(2),
                    null,
                    DashboardData.Day0.AddHours(2),
                    null,
                    false
                ),
                [],
                CancellationToken.None
            );
        }
        await page.WaitForSelectorAsync("#runs tr:nth-child(3)", new() { Timeout = 30_000 });
        Assert.Contains(
            "running",
            await page.TextContentAsync("#runs tr:first-child"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "1 in progress",
            await page.TextContentAsync("#status"),
            StringComparison.Ordinal
        );
    }
}
