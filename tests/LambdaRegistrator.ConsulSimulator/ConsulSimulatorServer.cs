using System.Net;
using LambdaRegistrator.ConsulSimulator.Acl;
using LambdaRegistrator.ConsulSimulator.Agent;
using LambdaRegistrator.ConsulSimulator.Catalog;
using LambdaRegistrator.ConsulSimulator.ConfigEntries;
using LambdaRegistrator.ConsulSimulator.ConnectCa;
using LambdaRegistrator.ConsulSimulator.Control;
using LambdaRegistrator.ConsulSimulator.Diagnostics;
using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Partitions;
using LambdaRegistrator.ConsulSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.ConsulSimulator;

/// <summary>
/// A running Consul HTTP API simulator bound to 127.0.0.1. Start one per test class with <see cref="StartAsync"/>,
/// point a client at <see cref="BaseAddress"/>, steer failures through <see cref="Faults"/>, count requests with
/// <see cref="Stats"/>, and dispose it to stop.
/// </summary>
public sealed class ConsulSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;
    private readonly CancellationTokenSource _stopping;

    private readonly IReadOnlyDictionary<string, Uri> _agents;

    private ConsulSimulatorServer(WebApplication app, SimulatorState state, CancellationTokenSource stopping, IReadOnlyDictionary<string, Uri> agents,
        FaultInjector faults, RequestStats stats)
    {
        _stopping = stopping;
        _app = app;
        _state = state;
        _agents = agents;
        BaseAddress = agents[state.Settings.Datacenter];
        Faults = faults;
        Stats = stats;
    }

    /// <summary>The agent of <see cref="Datacenter"/>: <c>http(s)://127.0.0.1:&lt;port&gt;</c>, without a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The primary datacenter of the federation (it owns the config entries).</summary>
    public string PrimaryDatacenter => _state.Settings.PrimaryDatacenter;

    /// <summary>Every datacenter of the federation, <see cref="Datacenter"/> first.</summary>
    public IReadOnlyList<string> Datacenters => _state.Settings.Datacenters;

    /// <summary>
    /// The agent of a datacenter: requests there default to that datacenter (<c>?dc=</c>, register bodies, agent/self),
    /// as against a real agent in it. Same state as <see cref="BaseAddress"/>; only the defaults differ.
    /// </summary>
    public Uri AgentAddress(string datacenter) =>
        _agents.TryGetValue(datacenter, out var address)
            ? address
            : throw new ArgumentException($"\"{datacenter}\" is not a datacenter of this simulator ({string.Join(", ", _agents.Keys)}).", nameof(datacenter));

    /// <summary>True when every secondary holds the primary's config entries (replication has caught up).</summary>
    public bool ConfigReplicated
    {
        get
        {
            lock (_state.Sync)
            {
                var primary = _state.PrimaryDatacenter.Config;
                return _state.Settings.Datacenters.All(dc => _state.Datacenter(dc).Config.SameEntriesAs(primary));
            }
        }
    }

    /// <summary>The fault-injection switch (also reachable at <c>/_sim/faults</c>).</summary>
    public FaultInjector Faults { get; }

    /// <summary>Request counters and log (also reachable at <c>/_sim/stats</c>).</summary>
    public RequestStats Stats { get; }

    /// <summary>The datacenter of the agent at <see cref="BaseAddress"/>.</summary>
    public string Datacenter => _state.Settings.Datacenter;

    /// <summary>The Connect CA's SPIFFE trust domain (<c>&lt;cluster id&gt;.consul</c>).</summary>
    public string TrustDomain => _state.Ca.TrustDomain;

    /// <summary>The Connect CA root certificate (PEM).</summary>
    public string ConnectCaRootPem => _state.Ca.RootPem;

    /// <summary>Starts a simulator; completes once it accepts connections.</summary>
    public static async Task<ConsulSimulatorServer> StartAsync(ConsulSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Port must be 0 (pick a free port) or 1..65535, got {options.Port}.");
        }

        if (string.IsNullOrWhiteSpace(options.Datacenter))
        {
            throw new ArgumentException("Datacenter must not be empty; Consul's default is \"dc1\".", nameof(options));
        }

        if (options.TlsCertificate is { HasPrivateKey: false })
        {
            throw new ArgumentException("TlsCertificate has no private key; load it with X509Certificate2.CreateFromPemFile(cert, key).", nameof(options));
        }

        string[] datacenters = [options.Datacenter, .. options.AdditionalDatacenters.Where(dc => dc != options.Datacenter).Distinct(StringComparer.Ordinal)];
        var primary = options.PrimaryDatacenter ?? options.Datacenter;
        if (!datacenters.Contains(primary, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"PrimaryDatacenter \"{primary}\" is not one of the datacenters ({string.Join(", ", datacenters)}); add it to AdditionalDatacenters.", nameof(options));
        }

        if (options.ReplicationDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ReplicationDelay must not be negative.");
        }

        var settings = new SimulatorSettings(
            options.Datacenter,
            primary,
            datacenters,
            options.Enterprise,
            options.AclBootstrapToken is not null,
            options.LeafCertificateTtl,
            options.ServerNodeName,
            options.ReplicationDelay);
        var state = new SimulatorState(settings, options.AclBootstrapToken, options.TimeProvider);
        var faults = new FaultInjector();
        var stats = new RequestStats();
        var routes = new RouteTable();
        new CatalogEndpoints(state).Register(routes);
        new ConfigEntryEndpoints(state).Register(routes);
        new AgentEndpoints(state).Register(routes);
        new AgentSelfEndpoint(state).Register(routes);
        new AclEndpoints(state).Register(routes);
        if (options.Enterprise)
        {
            new PartitionEndpoints(state).Register(routes);
        }

        var control = new RouteTable();
        new ControlEndpoints(faults, stats, () =>
        {
            state.Reset();
            faults.Clear();
            stats.Reset();
        }).Register(control);
        var stopping = new CancellationTokenSource();
        var pipeline = new ConsulHttpPipeline(routes, control, settings, faults, stats, options.Latency, stopping.Token, options.RequireBasicAuth);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrelHttpsConfiguration();
        var listeners = new Dictionary<string, ListenOptions>(StringComparer.Ordinal);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var dc in datacenters)
            {
                // One agent port per datacenter; its connections are tagged so requests default to that datacenter.
                kestrel.Listen(IPAddress.Loopback, dc == options.Datacenter ? options.Port : 0, listen =>
                {
                    listeners[dc] = listen;
                    listen.Use(next => connection =>
                    {
                        connection.Items[ConsulHttpPipeline.AgentDatacenterItem] = dc;
                        return next(connection);
                    });
                    if (options.TlsCertificate is not null)
                    {
                        listen.UseHttps(options.TlsCertificate);
                    }
                });
            }
        });
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            state.Dispose();
            stopping.Dispose();
            throw new InvalidOperationException(
                $"The Consul simulator could not listen on 127.0.0.1:{options.Port}: {e.Message}. Choose another port or 0 for a free one.", e);
        }

        var scheme = options.TlsCertificate is null ? "http" : "https";
        var agents = listeners.ToDictionary(l => l.Key, l => new Uri($"{scheme}://127.0.0.1:{l.Value.IPEndPoint!.Port}"), StringComparer.Ordinal);
        return new ConsulSimulatorServer(app, state, stopping, agents, faults, stats);
    }

    /// <summary>Forgets all state (catalog, config entries, ACL tokens other than the bootstrap one), fault rules and counters.</summary>
    public void Reset()
    {
        _state.Reset();
        Faults.Clear();
        Stats.Reset();
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM); for the standalone mode.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the simulator: blocking queries are cut, connections closed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _state.Dispose();
        _stopping.Dispose();
    }
}
