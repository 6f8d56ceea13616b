using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Observation;

/// <summary>What a sync knows about the WAN federation: its datacenters and its primary (where config entries live).</summary>
/// <param name="Datacenters">Every datacenter to read (at most <see cref="Federation.MaxDatacenters"/>), the agent's own first.</param>
/// <param name="Primary">The primary datacenter.</param>
internal sealed record FederationView(IReadOnlyList<string> Datacenters, string Primary);

/// <summary>
/// Finds the datacenters of the federation (<c>GET /v1/catalog/datacenters</c>, no ACL rule needed) and its primary:
/// CONSUL_PRIMARY_DATACENTER when set; the only datacenter when there is one; else the agent's configured primary from
/// <c>GET /v1/agent/self</c> (<c>Config.PrimaryDatacenter</c>, which needs <c>agent:read</c> on the agent's node).
/// The list cannot tell the primary (Consul orders it by network distance, the agent's own first). Full syncs list
/// the datacenters again; targeted syncs reuse the last list. A discovered primary is kept for the process.
/// Thread-safe: each value is an immutable record swapped atomically.
/// </summary>
internal sealed class Federation(IConsulClient consul, string? configuredPrimary, ILogger logger)
{
    /// <summary>At most this many datacenters are read per sync; a larger federation should run one registrator per datacenter (DATACENTER).</summary>
    public const int MaxDatacenters = 64;

    private FederationView? _last;
    private string? _discoveredPrimary;

    /// <summary>The federation as known now; <paramref name="refresh"/> lists the datacenters again even when known.</summary>
    /// <returns>The view, or the secret-free sentence saying why it is unknown (the sync then plans nothing).</returns>
    public async Task<(FederationView? View, string? Error)> ResolveAsync(bool refresh, CancellationToken cancellationToken)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && !refresh)
        {
            return (last, null);
        }

        IReadOnlyList<string> listed;
        try
        {
            listed = await consul.ListDatacentersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConsulException exception)
        {
            var message = $"Listing the Consul datacenters (GET /v1/catalog/datacenters) failed: {exception.Message} Nothing is planned in this sync: " +
                          "without the list, services left in a datacenter no tag names any more would not be found.";
            Log.FederationUnknown(logger, message);
            return (null, message);
        }

        var datacenters = listed.Where(dc => !string.IsNullOrWhiteSpace(dc)).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxDatacenters).ToList();
        if (datacenters.Count == 0)
        {
            return (null, "Consul listed no datacenter (GET /v1/catalog/datacenters answered an empty list); check that CONSUL_HTTP_ADDR points at a Consul agent.");
        }

        string primary;
        string how;
        if (configuredPrimary is not null)
        {
            (primary, how) = (configuredPrimary, "CONSUL_PRIMARY_DATACENTER");
        }
        else if (datacenters.Count == 1)
        {
            // Why not kept: a datacenter that joins a federation later must be asked again.
            (primary, how) = (datacenters[0], "the only datacenter");
        }
        else if (Volatile.Read(ref _discoveredPrimary) is { } known)
        {
            (primary, how) = (known, "agent self, earlier");
        }
        else
        {
            var (discovered, error) = await DiscoverAsync(datacenters, cancellationToken).ConfigureAwait(false);
            if (discovered is null)
            {
                Log.FederationUnknown(logger, error!);
                return (null, error);
            }

            Interlocked.CompareExchange(ref _discoveredPrimary, discovered, null);
            (primary, how) = (discovered, "agent self Config.PrimaryDatacenter");
        }

        var view = new FederationView(datacenters, primary);
        if (last is null || !last.Primary.Equals(view.Primary, StringComparison.OrdinalIgnoreCase) || !last.Datacenters.SequenceEqual(view.Datacenters, StringComparer.OrdinalIgnoreCase))
        {
            Log.LearnedPrimaryDatacenter(logger, primary, how, string.Join(",", datacenters));
        }

        if (listed.Count > MaxDatacenters)
        {
            Log.FederationUnknown(logger,
                $"Consul lists {listed.Count} datacenters; only the nearest {MaxDatacenters} are read. Run one registrator per datacenter (DATACENTER) in a federation this large.");
        }

        Volatile.Write(ref _last, view);
        return (view, null);
    }

    private async Task<(string? Primary, string? Error)> DiscoverAsync(IReadOnlyList<string> datacenters, CancellationToken cancellationToken)
    {
        var federation = string.Join(", ", datacenters);
        const string Why = "Nothing is planned in this sync: config entries live in the primary, and reading or check-and-set writing them anywhere else " +
                           "compares indexes of the wrong datacenter.";
        try
        {
            var self = await consul.GetAgentSelfAsync(cancellationToken).ConfigureAwait(false);

            // Why the fallback: Consul sets primary_datacenter to the agent's own datacenter when it is not configured.
            var primary = string.IsNullOrEmpty(self.Config.PrimaryDatacenter) ? self.Config.Datacenter : self.Config.PrimaryDatacenter;
            if (string.IsNullOrEmpty(primary) || !datacenters.Contains(primary, StringComparer.OrdinalIgnoreCase))
            {
                return (null, $"The Consul agent names \"{primary}\" as its primary datacenter, which is not one of the federation's datacenters ({federation}). " +
                              $"Set CONSUL_PRIMARY_DATACENTER to the primary's name. {Why}");
            }

            return (primary, null);
        }
        catch (ConsulPermissionDeniedException exception)
        {
            return (null, $"The primary datacenter of the Consul WAN federation ({federation}) is unknown: GET /v1/agent/self was denied ({exception.Message}). " +
                          "Set CONSUL_PRIMARY_DATACENTER to the primary's name, or grant the token agent:read on the agent's node " +
                          $"(e.g. agent_prefix \"\" {{ policy = \"read\" }}). {Why}");
        }
        catch (ConsulException exception)
        {
            return (null, $"The primary datacenter of the Consul WAN federation ({federation}) is unknown: GET /v1/agent/self failed: {exception.Message} " +
                          $"Set CONSUL_PRIMARY_DATACENTER to the primary's name. {Why}");
        }
    }
}
