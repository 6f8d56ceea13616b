namespace LambdaRegistrator.Consul.Agent;

/// <summary>The part of <c>GET /v1/agent/self</c> the registrator reads.</summary>
public sealed record AgentSelf
{
    /// <summary>The agent's configuration summary (JSON <c>Config</c>).</summary>
    public AgentSelfConfig Config { get; init => field = value ?? new AgentSelfConfig(); } = new();
}

/// <summary><c>Config</c> of <c>GET /v1/agent/self</c> (<c>AgentSelf</c> in Consul's <c>agent/agent_endpoint.go</c>).</summary>
public sealed record AgentSelfConfig
{
    /// <summary>The agent's own datacenter.</summary>
    public string Datacenter { get; init; } = string.Empty;

    /// <summary>The WAN federation's primary datacenter, where config entries live (Consul sets it to <see cref="Datacenter"/> when not configured).</summary>
    public string PrimaryDatacenter { get; init; } = string.Empty;

    /// <summary>The agent's node name.</summary>
    public string NodeName { get; init; } = string.Empty;
}
