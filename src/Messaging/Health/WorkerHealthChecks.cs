using CaseIngest.Messaging.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseIngest.Messaging.Health;

/// <summary>Tags that select the checks of each probe.</summary>
public static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}

/// <summary>Liveness: the consume loop is running (reconnecting counts as running; only a loop that ended by an
/// unexpected error needs the process restarted).</summary>
public sealed class WorkerLivenessCheck(WorkerState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.LoopEnded
            ? HealthCheckResult.Unhealthy($"the worker loop ended: {state.LastError}")
            : HealthCheckResult.Healthy("the worker loop is running"));
}

/// <summary>Readiness: a consumer is attached to the submissions queue.</summary>
public sealed class WorkerReadinessCheck(WorkerState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsConsuming
            ? HealthCheckResult.Healthy($"consuming since {state.ConnectedSince:O}")
            : HealthCheckResult.Unhealthy($"not consuming: {state.LastError ?? "connecting"}"));
}
