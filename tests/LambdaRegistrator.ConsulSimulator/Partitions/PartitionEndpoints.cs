using System.Text.Json;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Json;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Partitions;

/// <summary>
/// Enterprise-only endpoints (registered only in Enterprise mode, so CE answers 404 like a real CE agent):
/// <c>PUT /v1/partition</c>, <c>GET /v1/partitions</c>, <c>PUT /v1/namespace</c>, <c>GET /v1/namespaces</c>.
/// Writes need <c>operator:write</c> (a management token when ACLs are on).
/// </summary>
internal sealed class PartitionEndpoints
{
    private readonly SimulatorState _state;

    public PartitionEndpoints(SimulatorState state)
    {
        _state = state;
    }

    public void Register(RouteTable routes)
    {
        routes.Add("/v1/partition", ["PUT"], PutPartitionAsync);
        routes.Add("/v1/partitions", ["GET"], ListPartitionsAsync);
        routes.Add("/v1/namespace", ["PUT"], PutNamespaceAsync);
        routes.Add("/v1/namespaces", ["GET"], ListNamespacesAsync);
    }

    private static async Task<TenancyRequest> ReadAsync(ApiRequest request)
    {
        var body = await request.ReadBodyAsync();
        TenancyRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(body, SimulatorJsonContext.Wire.TenancyRequest);
        }
        catch (JsonException e)
        {
            throw ConsulApiException.BadRequest("Request decode failed: " + e.Message);
        }

        return parsed is null || string.IsNullOrEmpty(parsed.Name)
            ? throw ConsulApiException.BadRequest("Request decode failed: Name is required")
            : parsed;
    }

    private void EnsureOperatorWrite(ApiRequest request)
    {
        var authz = _state.Acl.Resolve(request.Token);
        if (!authz.OperatorWrite)
        {
            throw authz.Denied("operator:write", null);
        }
    }

    private async Task<ApiResponse> PutPartitionAsync(ApiRequest request)
    {
        var body = await ReadAsync(request);
        PartitionRecord record;
        lock (_state.Sync)
        {
            EnsureOperatorWrite(request);
            var existing = _state.Tenancies.FindPartition(body.Name!);
            var index = _state.Primary.WriteIndex();
            record = new PartitionRecord(existing?.Name ?? body.Name!, body.Description ?? "", existing?.CreateIndex ?? index, index);
            _state.Tenancies.Put(record);
            _state.Primary.Commit();
        }

        return JsonReply.Of(new PartitionView(record.Name, record.Description, record.CreateIndex, record.ModifyIndex),
            SimulatorJsonContext.Wire.PartitionView, request.Pretty);
    }

    private Task<ApiResponse> ListPartitionsAsync(ApiRequest request)
    {
        lock (_state.Sync)
        {
            _state.Acl.Resolve(request.Token);
            var list = _state.Tenancies.Partitions.Select(p => new PartitionView(p.Name, p.Description, p.CreateIndex, p.ModifyIndex)).ToList();
            return Task.FromResult(JsonReply.Of(list, SimulatorJsonContext.Wire.ListPartitionView, request.Pretty).WithQueryMeta(_state.Primary.RaftIndex));
        }
    }

    private async Task<ApiResponse> PutNamespaceAsync(ApiRequest request)
    {
        var body = await ReadAsync(request);
        var partition = body.Partition ?? request.ResolveTenancy().Partition;
        NamespaceRecord record;
        lock (_state.Sync)
        {
            EnsureOperatorWrite(request);
            _state.Tenancies.EnsureExists(new Tenancy(partition, Tenancy.DefaultName));
            var existing = _state.Tenancies.FindNamespace(partition, body.Name!);
            var index = _state.Primary.WriteIndex();
            record = new NamespaceRecord(existing?.Name ?? body.Name!, partition, body.Description ?? "", existing?.CreateIndex ?? index, index);
            _state.Tenancies.Put(record);
            _state.Primary.Commit();
        }

        return JsonReply.Of(new NamespaceView(record.Name, record.Description, record.Partition, record.CreateIndex, record.ModifyIndex),
            SimulatorJsonContext.Wire.NamespaceView, request.Pretty);
    }

    private Task<ApiResponse> ListNamespacesAsync(ApiRequest request)
    {
        var partition = request.ResolveTenancy().Partition;
        lock (_state.Sync)
        {
            _state.Acl.Resolve(request.Token);
            _state.Tenancies.EnsureExists(new Tenancy(partition, Tenancy.DefaultName), namespaceMatters: false);
            var list = _state.Tenancies.Namespaces(partition)
                .Select(n => new NamespaceView(n.Name, n.Description, n.Partition, n.CreateIndex, n.ModifyIndex)).ToList();
            return Task.FromResult(JsonReply.Of(list, SimulatorJsonContext.Wire.ListNamespaceView, request.Pretty).WithQueryMeta(_state.Primary.RaftIndex));
        }
    }
}
