using System.Security.Cryptography.X509Certificates;
using LambdaRegistrator.ConsulSimulator;
using LambdaRegistrator.ConsulSimulator.Diagnostics;
using LambdaRegistrator.ConsulSimulator.Faults;

namespace LambdaRegistrator.TestKit.Consul;

/// <summary>
/// The Consul every integration test talks to: a real <c>consul agent -dev</c> when <c>consul</c> is on PATH (see
/// <see cref="ConsulBinary"/>), otherwise the in-process simulator. Dispose it to stop the agent or simulator.
/// </summary>
public sealed class ConsulTarget : IAsyncDisposable
{
    private readonly ConsulSimulatorServer? _simulator;
    private readonly IReadOnlyList<RealConsulAgent> _agents;

    private ConsulTarget(Uri address, ConsulTargetKind kind, string? managementToken, ConsulSimulatorServer? simulator, IReadOnlyList<RealConsulAgent> agents,
        IReadOnlyList<string> datacenters)
    {
        Address = address;
        Kind = kind;
        ManagementToken = managementToken;
        _simulator = simulator;
        _agents = agents;
        Datacenters = datacenters;
    }

    /// <summary>Every datacenter of the target, the primary (<c>dc1</c>) first.</summary>
    public IReadOnlyList<string> Datacenters { get; }

    /// <summary>The primary datacenter (<c>dc1</c>): it owns the config entries.</summary>
    public string PrimaryDatacenter => Datacenters[0];

    /// <summary>The HTTP API of the agent in <paramref name="datacenter"/> (its requests default to that datacenter).</summary>
    public Uri AgentAddress(string datacenter) =>
        _simulator is not null
            ? _simulator.AgentAddress(datacenter)
            : _agents.FirstOrDefault(a => a.Datacenter == datacenter)?.Address
              ?? throw new ArgumentException($"\"{datacenter}\" is not a datacenter of this target ({string.Join(", ", Datacenters)}).", nameof(datacenter));

    /// <summary>Base URL of the HTTP(S) API, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; }

    /// <summary>Whether this is the simulator or a real consul.</summary>
    public ConsulTargetKind Kind { get; }

    /// <summary>The management token when ACLs are on, else null.</summary>
    public string? ManagementToken { get; }

    /// <summary>The datacenter of the agent (<c>dc1</c>).</summary>
    public string Datacenter => _simulator?.Datacenter ?? "dc1";

    /// <summary>The simulator behind this target, or null against a real consul.</summary>
    public ConsulSimulatorServer? Simulator => _simulator;

    /// <summary>The simulator's fault switch, or null against a real consul.</summary>
    public FaultInjector? Faults => _simulator?.Faults;

    /// <summary>The simulator's request counters, or null against a real consul.</summary>
    public RequestStats? Stats => _simulator?.Stats;

    /// <summary>Starts the target chosen by <see cref="ConsulBinary.UseRealConsul"/> (or the simulator when <see cref="ConsulTargetOptions.SimulatorOnly"/>).</summary>
    public static async Task<ConsulTarget> StartAsync(ConsulTargetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if ((options.TlsCertificateFile is null) != (options.TlsKeyFile is null))
        {
            throw new ArgumentException("Set both TlsCertificateFile and TlsKeyFile, or neither.", nameof(options));
        }

        // A real Consul ignores basic auth: only the simulator can play the authenticating proxy.
        if (!options.SimulatorOnly && options.RequireBasicAuth is null && ConsulBinary.UseRealConsul)
        {
            if (ConsulBinary.Path is null)
            {
                throw new InvalidOperationException(
                    $"{ConsulBinary.ModeVariable}=consul demands a real consul, but no 'consul' binary is on PATH. Install consul or unset the variable.");
            }

            if (options.Enterprise && !ConsulBinary.IsEnterprise)
            {
                throw new InvalidOperationException(
                    "This test needs Consul Enterprise but the consul on PATH is Community Edition; mark it [ConsulEnterpriseFact] so it is skipped.");
            }

            if (options.AdditionalDatacenters.Count > 0 && options.AclBootstrapToken is not null)
            {
                throw new NotSupportedException(
                    "A real WAN federation with ACLs needs ACL token replication, which ConsulTarget does not set up; use ACLs or extra datacenters, not both.");
            }

            var agents = new List<RealConsulAgent>();
            try
            {
                var primary = await RealConsulAgent.StartAsync(ConsulBinary.Path, options, cancellationToken);
                agents.Add(primary);
                foreach (var dc in options.AdditionalDatacenters)
                {
                    agents.Add(await RealConsulAgent.StartAsync(ConsulBinary.Path, options, cancellationToken, dc, primary.Datacenter, primary.SerfWanPort));
                }

                if (agents.Count > 1)
                {
                    await primary.WaitForDatacentersAsync(agents.Select(a => a.Datacenter).ToList(), cancellationToken);
                }
            }
            catch
            {
                foreach (var agent in agents)
                {
                    await agent.DisposeAsync();
                }

                throw;
            }

            return new ConsulTarget(agents[0].Address, ConsulTargetKind.RealConsul, options.AclBootstrapToken, null, agents,
                agents.Select(a => a.Datacenter).ToList());
        }

        X509Certificate2? certificate = options.TlsCertificateFile is null
            ? null
            : X509Certificate2.CreateFromPemFile(options.TlsCertificateFile, options.TlsKeyFile);
        var simulator = await ConsulSimulatorServer.StartAsync(new ConsulSimulatorOptions
        {
            Enterprise = options.Enterprise,
            AclBootstrapToken = options.AclBootstrapToken,
            RequireBasicAuth = options.RequireBasicAuth,
            TlsCertificate = certificate,
            LeafCertificateTtl = options.LeafCertificateTtl ?? TimeSpan.FromHours(72),
            AdditionalDatacenters = options.AdditionalDatacenters,
            TimeProvider = options.TimeProvider ?? TimeProvider.System,
            ReplicationDelay = options.ReplicationDelay ?? new ConsulSimulatorOptions().ReplicationDelay,
        }, cancellationToken);
        return new ConsulTarget(simulator.BaseAddress, ConsulTargetKind.Simulator, options.AclBootstrapToken, simulator, [], simulator.Datacenters);
    }

    /// <inheritdoc />
    public override string ToString() => $"ConsulTarget {{ Kind = {Kind}, Address = {Address} }}";

    /// <summary>Stops the simulator or the consul agent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }
    }
}
