namespace MentalHealthInsights.Core.Registry;

/// <summary>A model version's registration status (MLflow's <c>ModelVersionStatus</c>).</summary>
public enum ModelVersionStatus
{
    /// <summary>Being registered (a server copying artifacts); callers poll until READY.</summary>
    PendingRegistration,

    /// <summary>Registration failed.</summary>
    FailedRegistration,

    /// <summary>Usable. The local store creates versions READY at once.</summary>
    Ready,
}
