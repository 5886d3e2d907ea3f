using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines;

/// <summary>The contract on the in-memory store.</summary>
public sealed class InMemoryPipelineRunStoreTests : PipelineRunStoreContract
{
    protected override Task<IPipelineRunStore> CreateStoreAsync() =>
        Task.FromResult<IPipelineRunStore>(new InMemoryPipelineRunStore());
}

/// <summary>The contract on a SQLite file (the default).</summary>
public sealed class SqlitePipelineRunStoreTests : PipelineRunStoreContract, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-pipeline-store-" + Guid.NewGuid().ToString("N")
    );
    private readonly List<SqlPipelineRunStore> _stores = [];

    protected override async Task<IPipelineRunStore> CreateStoreAsync()
    {
        var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, $"runs{_stores.Count}.db"),
            CancellationToken.None
        );
        _stores.Add(store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        SqliteFiles.Release(_folder);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>The contract on a real PostgreSQL server started for this class.</summary>
public sealed class PostgresPipelineRunStoreTests(PostgresServer server)
    : PipelineRunStoreContract,
        IClassFixture<PostgresServer>,
        IAsyncLifetime
{
    private readonly List<SqlPipelineRunStore> _stores = [];

    protected override async Task<IPipelineRunStore> CreateStoreAsync()
    {
        var store = await PipelineRunStoreFactory.OpenAsync(
            await server.CreateDatabaseAsync(),
            CancellationToken.None
        );
        _stores.Add(store);
        return store;
    }

    [Fact]
    public async Task InitializeAsync_ManyProcessesAtOnce_SchemaCreatedOnce()
    {
        var connection = await server.CreateDatabaseAsync();
        var stores = Enumerable
            .Range(0, 4)
            .Select(_ => PipelineRunStoreFactory.Create(connection))
            .ToList();
        _stores.AddRange(stores);

        await Task.WhenAll(stores.Select(s => s.InitializeAsync(CancellationToken.None)));

        Assert.Empty(await stores[0].ListRunsAsync(1, CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
