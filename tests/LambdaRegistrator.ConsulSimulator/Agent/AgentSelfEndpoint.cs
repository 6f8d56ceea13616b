using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Json;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Agent;

/// <summary>
/// <c>GET /v1/agent/self</c> (<c>AgentSelf</c> in <c>agent/agent_endpoint.go</c>): the token needs <c>agent:read</c> on the
/// agent's node name. <c>Config</c> is complete (<c>Datacenter</c>, <c>PrimaryDatacenter</c>, <c>NodeName</c>, ...); of
/// <c>DebugConfig</c>, <c>Member</c>, <c>Stats</c> and <c>Meta</c> only a small, plausible subset is served.
/// </summary>
internal sealed class AgentSelfEndpoint
{
    private readonly SimulatorState _state;

    public AgentSelfEndpoint(SimulatorState state)
    {
        _state = state;
    }

    public void Register(RouteTable routes) => routes.Add("/v1/agent/self", ["GET"], SelfAsync);

    private Task<ApiResponse> SelfAsync(ApiRequest request)
    {
        var settings = _state.Settings;
        var dc = request.AgentDatacenter;
        string nodeId;
        lock (_state.Sync)
        {
            var authz = _state.Acl.Resolve(request.Token);
            if (!authz.AgentRead(settings.ServerNodeName))
            {
                throw authz.Denied("agent:read", settings.ServerNodeName);
            }

            nodeId = _state.Catalog(dc).FindNode(Tenancy.DefaultName, settings.ServerNodeName)?.Id ?? "";
        }

        var config = new JsonObject
        {
            ["Datacenter"] = dc,
            ["PrimaryDatacenter"] = settings.PrimaryDatacenter,
            ["NodeName"] = settings.ServerNodeName,
            ["NodeID"] = nodeId,
        };
        if (settings.Enterprise)
        {
            config["Partition"] = Tenancy.DefaultName;
        }

        config["Revision"] = "simulator";
        config["Server"] = true;
        config["Version"] = SimulatorSettings.ConsulVersion;
        config["BuildDate"] = "2025-01-01T00:00:00Z";
        var self = new JsonObject
        {
            ["Config"] = config,
            ["DebugConfig"] = new JsonObject
            {
                ["Datacenter"] = dc,
                ["PrimaryDatacenter"] = settings.PrimaryDatacenter,
                ["NodeName"] = settings.ServerNodeName,
                ["ServerMode"] = true,
                ["ACLsEnabled"] = settings.AclsEnabled,
            },
            ["Coord"] = null,
            ["Member"] = new JsonObject
            {
                ["Name"] = settings.ServerNodeName,
                ["Addr"] = "127.0.0.1",
                ["Port"] = 8301,
                ["Tags"] = new JsonObject { ["dc"] = dc, ["role"] = "consul", ["build"] = SimulatorSettings.ConsulVersion },
                ["Status"] = 1,
            },
            ["Stats"] = new JsonObject(),
            ["Meta"] = new JsonObject { ["consul-network-segment"] = "", ["consul-version"] = SimulatorSettings.ConsulVersion },
        };
        return Task.FromResult(JsonReply.Of(self, request.Pretty));
    }
}
