using System.Text.RegularExpressions;
using MentalHealthInsights.Server.Tests.Fixtures;
using Microsoft.Playwright;

namespace MentalHealthInsights.Server.Tests.Pages;

/// <summary>
/// The pages in a real headless browser (Debian's chromium driven by Playwright) against the
/// real server process: fill the form, submit, see a probability and factors; submit invalid
/// values, see the errors; what-if and model pages. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed partial class PagesBrowserTests(TrainedModelFixture models) : IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(
        OpenApiTestsRoot(),
        "tests",
        "MentalHealthInsights.Server.Tests",
        "TestResults",
        "screenshots"
    );

    private readonly string _profile = Path.Combine(
        Path.GetTempPath(),
        "mhi-chromium-" + Guid.NewGuid().ToString("N")
    );
    private ServerProcess _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowserContext _browser = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(models.XgbBundle);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchPersistentContextAsync(
            _profile,
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
        Directory.Delete(_profile, recursive: true);
    }

    private async Task<IPage> OpenAsync(string path, ServerProcess? server = null)
    {
        server ??= _server;
        var page = await _browser.NewPageAsync();
        var offsite = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Address.ToString(), StringComparison.Ordinal))
            {
                offsite.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(server.Address, path).ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(offsite);
        return page;
    }

    [Fact]
    public async Task RiskPage_ValidAnswers_ShowsProbabilityFactorsAndFraming()
    {
        var page = await OpenAsync("/");
        await page.FillAsync("#f-Age", "29");
        await page.SelectOptionAsync("#f-Stress_Level", "High");
        await page.FillAsync("#f-Sleep_Hours", "5");
        await page.FillAsync("#f-Work_Hours", "60");
        // Keyboard use: submit with Enter from a field.
        await page.PressAsync("#f-Work_Hours", "Enter");
        await page.WaitForSelectorAsync("#result:not([hidden])");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Screenshots, "risk-result.png"), FullPage = true }
        );

        Assert.Matches(ProbabilityPattern(), await page.TextContentAsync("#probability"));
        Assert.True(await page.Locator("#factors li").CountAsync() >= 1);
        Assert.Contains(
            "not a diagnosis",
            await page.TextContentAsync("#meaning"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "95% interval",
            await page.TextContentAsync("#accuracy"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "not a diagnosis",
            await page.TextContentAsync(".notice"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task RiskPage_InvalidAnswers_ShowsTheServersFieldErrors()
    {
        var page = await OpenAsync("/");
        await page.FillAsync("#f-Age", "12");
        await page.FillAsync("#f-Sleep_Hours", "30");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#errors:not([hidden])");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Screenshots, "risk-errors.png"), FullPage = true }
        );

        Assert.Contains(
            "between 16 and 100",
            await page.TextContentAsync("#f-Age-error"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "between 0 and 24",
            await page.TextContentAsync("#f-Sleep_Hours-error"),
            StringComparison.Ordinal
        );
        Assert.Equal("true", await page.GetAttributeAsync("#f-Age", "aria-invalid"));
        Assert.True(await page.IsHiddenAsync("#result"));
    }

    [Fact]
    public async Task WhatIfPage_SleepValues_ShowsOneRowPerValueAndTheAssociationNote()
    {
        var page = await OpenAsync("/what-if");
        await page.SelectOptionAsync("#feature", "Sleep_Hours");
        await page.FillAsync("#values", "5, 7.5");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#result:not([hidden])");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Screenshots, "what-if.png"), FullPage = true }
        );

        Assert.Equal(2, await page.Locator("#points tr").CountAsync());
        Assert.Contains(
            "not a causal effect",
            await page.TextContentAsync("main"),
            StringComparison.Ordinal
        );
        Assert.Equal(1, await page.Locator("#chart svg").CountAsync());
    }

    [Fact]
    public async Task ModelPage_Loaded_ShowsModelAndMetricsWithIntervals()
    {
        var page = await OpenAsync("/model");
        await page.WaitForSelectorAsync("#metrics tr");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Screenshots, "model.png"), FullPage = true }
        );

        Assert.Contains(
            "version bundle",
            await page.TextContentAsync("#served"),
            StringComparison.Ordinal
        );
        Assert.True(await page.Locator("#metrics tr").CountAsync() >= 3);
        Assert.Contains(
            "not serving a registered model",
            await page.TextContentAsync("#registry"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "serve models:/NAME@champion",
            await page.TextContentAsync("#indicators"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "serve models:/NAME@champion",
            await page.TextContentAsync("#plots"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task ModelPage_RegisteredChampion_ShowsRankedKeyIndicatorsWithDirectionAndChart()
    {
        await using var registered = await ServerProcess.StartAsync(
            "models:/mental-health-classifier@champion",
            "--Serving:TrackingUri=" + models.TrackingUri
        );

        var page = await OpenAsync("/model", registered);
        await page.WaitForSelectorAsync("#indicators-champion tbody tr");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Screenshots, "model-key-indicators.png"), FullPage = true }
        );

        var rows = page.Locator("#indicators-champion tbody tr");
        Assert.Equal(9, await rows.CountAsync());
        Assert.Equal("1", (await rows.Nth(0).Locator("td").Nth(0).TextContentAsync())?.Trim());
        Assert.Equal("9", (await rows.Nth(8).Locator("td").Nth(0).TextContentAsync())?.Trim());
        var directions = await page.Locator("#indicators-champion tbody tr td:last-child")
            .AllTextContentsAsync();
        Assert.Contains(directions, d => d.Contains('→', StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("#indicators-champion svg").CountAsync());
        Assert.Equal(9, await page.Locator("#indicators-champion svg rect").CountAsync());
        Assert.Contains(
            "not a diagnosis",
            await page.TextContentAsync("#registry-title + div + h3 + p"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Champion: version 1",
            await page.TextContentAsync("#registry"),
            StringComparison.Ordinal
        );
        // The training plots: every image loaded (an SVG from the API) and described.
        var images = page.Locator("#plots-champion figure img");
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('#plots-champion img')].every(i => i.complete)"
        );
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Screenshots, "model-training-plots.png"), FullPage = true }
        );
        Assert.Equal(5, await images.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await images.Nth(i).EvaluateAsync<int>("i => i.naturalWidth") > 0);
            Assert.False(string.IsNullOrWhiteSpace(await images.Nth(i).GetAttributeAsync("alt")));
        }
    }

    [GeneratedRegex(@"^\d{1,3}\.\d%$")]
    private static partial Regex ProbabilityPattern();

    private static string OpenApiTestsRoot() => Apis.OpenApiTests.RepositoryRoot();
}
