using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

/// <summary>Runs the registry contract against the REST adapter and a fake MLflow server on loopback.</summary>
public sealed class RestModelRegistryContractTests : ModelRegistryContractTests, IDisposable
{
    private readonly RestTestServer _server = new();

    protected override IModelRegistry CreateRegistry() => new RestModelRegistry(_server.Client);

    public void Dispose() => _server.Dispose();
}
