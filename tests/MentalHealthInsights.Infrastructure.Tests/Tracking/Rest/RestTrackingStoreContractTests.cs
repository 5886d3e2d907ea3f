using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

/// <summary>Runs the tracking contract against the REST adapter and a fake MLflow server on loopback.</summary>
public sealed class RestTrackingStoreContractTests : TrackingStoreContractTests, IDisposable
{
    private readonly RestTestServer _server = new();

    protected override ITrackingStore CreateStore() => new RestTrackingStore(_server.Client);

    public void Dispose() => _server.Dispose();
}
